import { CONCERN_EVENT_KINDS, CONCERN_STATUSES, PRIORITY_STATUSES } from "@wardpanel/validators";
import { z } from "zod";

/** The follow page's address for a token: the same path in the thank-you box and in every e-mail. */
export function concernFollowPath(token: string): string {
  return `/concerns/${token}`;
}

/** What the public form answers: the reference and private follow link (null for a bot, which is told nothing). */
export const SubmittedConcernOutput = z.object({
  received: z.literal(true),
  reference: z.string().nullable(),
  followPath: z.string().nullable(),
});

/** The follow page: no name or e-mail of anyone, only the concern, its steps and the priority it became. */
export const FollowedConcernOutput = z.object({
  reference: z.string(),
  wardCode: z.string(),
  wardName: z.string(),
  /** The ward's Welsh name where the boundary file gave one: the Welsh page shows it. */
  wardNameWelsh: z.string().nullable(),
  description: z.string(),
  location: z.string(),
  category: z.string(),
  status: z.enum(CONCERN_STATUSES),
  rejectionReason: z.string(),
  createdAt: z.date(),
  history: z.array(
    z.object({
      kind: z.enum(CONCERN_EVENT_KINDS),
      detail: z.object({
        mergedIntoReference: z.string().optional(),
        reason: z.string().optional(),
        priorityId: z.number().optional(),
        priorityTitle: z.string().optional(),
        outcome: z.enum(["achieved", "withdrawn", "superseded"]).optional(),
      }),
      at: z.date(),
    }),
  ),
  priority: z
    .object({
      id: z.number(),
      title: z.string(),
      status: z.enum(PRIORITY_STATUSES),
      statusDate: z.string().nullable(),
      statusReason: z.string(),
    })
    .nullable(),
});
