import { z } from "zod";

import { AgendaItemRef } from "./agenda";
import { LocalDate } from "./calendar-fields";
import { MeetingRef } from "./meetings";
import { CategorySlug } from "./priorities";

export const SetCurrentItemInput = MeetingRef.extend({ itemId: z.number().int().positive().nullable() });

/**
 * A save of an item's notes names `baseVersion`, the version of the notes the text was edited
 * from (`notesSave.version` of `live.view`); it is applied only if that is still current.
 */
export const SaveNotesInput = AgendaItemRef.extend({
  notes: z.string().max(20_000, "Notes for one item are limited to 20,000 characters"),
  baseVersion: z.number().int().min(0),
});

export const AddDecisionInput = AgendaItemRef.extend({
  text: z.string().trim().min(1, "Write the decision").max(1000, "Keep this under 1,000 characters"),
});
export const DecisionRef = MeetingRef.extend({ decisionId: z.number().int().positive() });

export const ActionFields = z.object({
  description: z.string().trim().min(1, "Say what is to be done").max(500, "Keep this under 500 characters"),
  owner: z.string().trim().min(1, "Say who will do it").max(120, "Keep this under 120 characters"),
  dueDate: LocalDate,
});
export const AddActionInput = AgendaItemRef.extend(ActionFields.shape);

export const ACTION_STATUSES = ["open", "done", "dropped"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = { open: "Open", done: "Done", dropped: "Dropped" };
export const SetActionStatusInput = z.object({
  wardCode: z.string(),
  actionId: z.number().int().positive(),
  status: z.enum(ACTION_STATUSES),
  note: z.string().trim().max(500, "Keep this under 500 characters"),
});

export const RecordConcernInput = MeetingRef.extend({
  description: z.string().trim().min(1, "Describe the concern").max(1000, "Keep this under 1,000 characters"),
  location: z
    .string()
    .trim()
    .min(1, "Say where: a street, postcode or place")
    .max(200, "Keep this under 200 characters"),
  category: CategorySlug,
  hasConsent: z.boolean(),
  raisedBy: z.string().trim().max(120, "Keep this under 120 characters"),
  contactEmail: z.union([z.literal(""), z.email("Enter an e-mail address like name@example.com")]),
}).superRefine((value, ctx) => {
  if (!value.hasConsent && (value.raisedBy !== "" || value.contactEmail !== "")) {
    ctx.addIssue({ code: "custom", path: ["hasConsent"], message: "Only keep a name or e-mail if the person agrees" });
  }
});
