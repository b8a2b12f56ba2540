import { MESSAGE_EVENT_KINDS, MESSAGE_STATUSES, MESSAGE_TOPIC_SLUGS } from "@wardpanel/validators";
import { z } from "zod";

/** The private thread page's address for a token: the same path in the confirmation and in every e-mail. */
export function messageThreadPath(token: string): string {
  return `/messages/${token}`;
}

/** What the public form answers: the reference and private link (null for a bot, which is told nothing). */
export const SentMessageOutput = z.object({
  received: z.literal(true),
  reference: z.string().nullable(),
  threadPath: z.string().nullable(),
  /** Whether an acknowledgement e-mail is on its way (an address was left with consent). */
  isEmailed: z.boolean(),
});

/** The private thread page: the message and its thread, no contact details and no staff e-mail. */
export const MessageThreadOutput = z.object({
  reference: z.string(),
  wardCode: z.string(),
  wardName: z.string(),
  /** The ward's Welsh name where the boundary file gave one: the Welsh page shows it. */
  wardNameWelsh: z.string().nullable(),
  topic: z.enum(MESSAGE_TOPIC_SLUGS),
  body: z.string(),
  status: z.enum(MESSAGE_STATUSES),
  receivedAt: z.date(),
  firstResponseAt: z.date().nullable(),
  responseDueAt: z.date(),
  thread: z.array(
    z.object({
      kind: z.enum(MESSAGE_EVENT_KINDS),
      detail: z.object({ text: z.string().optional(), authorName: z.string().optional() }),
      at: z.date(),
    }),
  ),
  mayReply: z.boolean(),
  mayComplain: z.boolean(),
});

/** The ward page's figure: messages of the last `days` days answered within `targetHours` (db `ResponseTally`). */
export const ResponseFigureOutput = z.object({
  received: z.number(),
  withinTarget: z.number(),
  late: z.number(),
  overdue: z.number(),
  waiting: z.number(),
  share: z.number().nullable(),
  days: z.number(),
  targetHours: z.number(),
});
