import { z } from "zod";

import { ActionFields } from "./live";
import { MeetingRef } from "./meetings";
import { CategorySlug } from "./priorities";

/** Correcting a decision recorded at the meeting: its new wording. */
export const EditDecisionInput = MeetingRef.extend({
  decisionId: z.number().int().positive(),
  text: z.string().trim().min(1, "Write the decision").max(1000, "Keep this under 1,000 characters"),
});

/** Correcting an action agreed at the meeting: what, who and by when. */
export const EditActionInput = MeetingRef.extend({ actionId: z.number().int().positive() }).extend(ActionFields.shape);

/** Correcting a concern handed over at the meeting: what, where and its category (who raised it is not changed here). */
export const EditMeetingConcernInput = MeetingRef.extend({
  concernId: z.number().int().positive(),
  description: z.string().trim().min(1, "Describe the concern").max(1000, "Keep this under 1,000 characters"),
  location: z
    .string()
    .trim()
    .min(1, "Say where: a street, postcode or place")
    .max(200, "Keep this under 200 characters"),
  category: CategorySlug,
});

export const RECORD_ENTRY_KINDS = ["decision", "action", "concern"] as const;
export type RecordEntryKind = (typeof RECORD_ENTRY_KINDS)[number];

/** A decision, action or concern of the meeting's record, to remove. */
export const RecordEntryRef = MeetingRef.extend({ kind: z.enum(RECORD_ENTRY_KINDS), id: z.number().int().positive() });

/** A removal to undo: puts the decision, action or concern back as it was. */
export const RestoreRecordEntryInput = MeetingRef.extend({ removalId: z.number().int().positive() });
