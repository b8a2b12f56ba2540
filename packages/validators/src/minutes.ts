import { z } from "zod";

import { MeetingRef } from "./meetings";
import { BOROUGH_CODE_PATTERN } from "./wards";

export const MINUTES_STATUSES = ["draft", "circulated", "approved", "published"] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];
export const MINUTES_STATUS_LABELS: Record<MinutesStatus, string> = {
  draft: "Draft",
  circulated: "Circulated to the panel",
  approved: "Approved",
  published: "Published",
};

export const EditMinutesItemInput = MeetingRef.extend({
  itemIndex: z.number().int().min(0),
  notes: z.string().max(20_000, "Minutes for one item are limited to 20,000 characters"),
  /** The item's `notesVersion` the text was edited from (0 before the first edit). */
  baseVersion: z.number().int().min(0),
});

/** Approval happens at the next meeting, under its "minutes of the last meeting" item. */
export const ApproveMinutesInput = MeetingRef.extend({ atMeetingId: z.number().int().positive() });

export const StartCorrectionInput = MeetingRef.extend({
  note: z.string().trim().min(1, "Say what the correction changes and why").max(500, "Keep this under 500 characters"),
});

export const OversightInput = z.object({
  boroughCode: z.string().regex(BOROUGH_CODE_PATTERN).nullable(),
});

/** Circulated minutes go back to draft before approval only with a reason, kept in their history. */
export const ReturnMinutesToDraftInput = MeetingRef.extend({
  reason: z
    .string()
    .trim()
    .min(1, "Say why the minutes go back to draft: the panel sees this reason")
    .max(500, "Keep this under 500 characters"),
});
