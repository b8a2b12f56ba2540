import { z } from "zod";

import { MeetingRef } from "./meetings";

export const AGENDA_ITEM_KINDS = [
  "welcome",
  "purpose",
  "apologies",
  "previous_minutes",
  "report_back",
  "crime_update",
  "community_concerns",
  "setting_priorities",
  "partner_updates",
  "any_other_business",
  "next_meeting",
  "other",
] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters`);

/** What a chair writes for an agenda item; the same form adds and edits. */
export const AgendaItemFields = z.object({
  title: text(160).min(1, "Give the item a title"),
  description: text(1000),
  presenter: text(120),
  minutesAllowed: z
    .number({ message: "Enter the minutes allowed as a number" })
    .int("Enter whole minutes")
    .min(1, "Allow at least 1 minute")
    .max(180, "Allow at most 180 minutes for one item"),
});
export type AgendaItemFields = z.infer<typeof AgendaItemFields>;

export const AgendaItemRef = MeetingRef.extend({ itemId: z.number().int().positive() });

/**
 * A new item, placed at `position` in the agenda as the chair sees it (0: first; 2: after the second
 * item) or, without one, at the end. A position past the end puts it at the end.
 */
export const AddAgendaItemInput = MeetingRef.extend({
  ...AgendaItemFields.shape,
  position: z.number().int("Choose where the item goes").min(0, "Choose where the item goes").optional(),
});
export const UpdateAgendaItemInput = AgendaItemRef.extend(AgendaItemFields.shape);
export const MoveAgendaItemInput = AgendaItemRef.extend({ direction: z.enum(["up", "down"]) });
export const PaperRef = MeetingRef.extend({ paperId: z.number().int().positive() });

/** Withdrawing a paper from every published version of an agenda: the public are told why. */
export const WithdrawPaperInput = PaperRef.extend({
  reason: text(500).min(1, "Say why the paper is withdrawn: the public will see this"),
});
export type WithdrawPaperInput = z.infer<typeof WithdrawPaperInput>;

/** Papers: what a ward panel circulates, kept small enough to open on a phone. */
export const PAPER_MAX_BYTES = 10 * 1024 * 1024;
export const PAPER_TYPES: Record<string, string> = {
  "application/pdf": "PDF",
  "image/png": "PNG image",
  "image/jpeg": "JPEG image",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel spreadsheet",
};
