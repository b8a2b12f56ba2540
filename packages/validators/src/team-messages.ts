import { z } from "zod";

import { formMessage } from "./form-messages";
import { LanguageCode } from "./packs";
import { BOROUGH_CODE_PATTERN, WardCode } from "./wards";

const text = (max: number) => z.string().trim().max(max, formMessage("tooLong", { max }));

/**
 * What a message to the Safer Neighbourhoods Team is about: a short list, so the inbox can be read
 * at a glance, with "something else" for the rest. Not for emergencies or crimes, which go to 999,
 * 101 or police.uk (the form says so before it starts).
 */
export const MESSAGE_TOPICS = {
  "anti-social-behaviour": "Anti-social behaviour",
  "road-safety": "Speeding, parking or road safety",
  drugs: "Drug dealing or drug use",
  "a-priority": "One of the ward's priorities",
  "a-meeting": "A meeting or the ward panel",
  "crime-prevention": "Advice on keeping safe or preventing crime",
  "thanks-or-feedback": "Thanks or feedback for the team",
  "something-else": "Something else",
} as const;
export type MessageTopic = keyof typeof MESSAGE_TOPICS;
export const MESSAGE_TOPIC_SLUGS = Object.keys(MESSAGE_TOPICS) as [MessageTopic, ...MessageTopic[]];

/** Where a message stands: waiting for the team, answered (the team has replied), or closed by the team. */
export const MESSAGE_STATUSES = ["open", "answered", "closed"] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/**
 * Each entry in a message's thread, in order. Residents are e-mailed (when they left an address and
 * agreed) the acknowledgement, each team reply and the manager's response to a "not good enough".
 */
export const MESSAGE_EVENT_KINDS = [
  "received",
  "team_reply",
  "resident_reply",
  "assigned",
  "closed",
  "not_good_enough",
  "manager_response",
] as const;
export type MessageEventKind = (typeof MESSAGE_EVENT_KINDS)[number];

/** What a thread entry says: its text, and for a team reply or assignment who (a staff name, never an e-mail). */
export type MessageEventDetail = { text?: string; authorName?: string; assigneeName?: string };

/** The response target for a first reply (the Neighbourhood Policing Guarantee, 2025: 72 hours). */
export const DEFAULT_RESPONSE_TARGET_HOURS = 72;

const ContactEmail = z.union([z.literal(""), z.email(formMessage("email")).max(200)]);

/** The public "Message your team" form; the same schema checks it in the browser and on the server. */
export const SendMessageInput = z.object({
  wardCode: WardCode,
  topic: z.enum(MESSAGE_TOPIC_SLUGS, formMessage("chooseTopic")),
  body: text(3000).min(10, formMessage("writeMessage")),
  name: text(100).default(""),
  contactEmail: ContactEmail.default(""),
  contactPhone: text(30)
    .regex(/^[0-9+()\s-]*$/, formMessage("phone"))
    .default(""),
  /** Contact details are kept, and replies e-mailed, only with this box ticked. */
  hasConsent: z.boolean().default(false),
  /** Left empty by people; a bot fills it in. */
  website: z.string().max(200).default(""),
  /** When the form was shown (ms since the epoch): a script posts at once. */
  openedAt: z.number().int(),
  /** The language the resident wrote in (a catalogue code): the team replies in it, and so do the e-mails. */
  language: LanguageCode.optional(),
});
export type SendMessageInput = z.infer<typeof SendMessageInput>;

/** The private thread link's token: 160 bits or more, URL-safe. */
export const MessageTokenInput = z.object({ token: z.string().min(20).max(100) });

/** The resident's reply on the private page. */
export const ResidentReplyInput = MessageTokenInput.extend({
  text: text(3000).min(2, formMessage("writeReply")),
});

/** "The reply was not good enough": the resident's recourse, with their reason. */
export const NotGoodEnoughInput = MessageTokenInput.extend({
  reason: text(2000).min(5, formMessage("sayNotGoodEnough")),
});

const MessageRef = z.object({ wardCode: WardCode, messageId: z.number().int().positive() });
export const MessageRefInput = MessageRef;

export const TeamReplyInput = MessageRef.extend({
  text: text(5000).min(2, "Write your reply"),
});

/** Give the message to a team member of the ward (their user id), or take it back (null). */
export const AssignMessageInput = MessageRef.extend({
  assigneeId: z.number().int().positive().nullable(),
});

/** The manager's answer to a "not good enough", e-mailed to the resident. */
export const ManagerResponseInput = z.object({
  messageId: z.number().int().positive(),
  text: text(5000).min(5, "Write your response to the resident"),
});

/** Oversight of messages, for one borough or all of London. */
export const MessageOversightInput = z.object({
  boroughCode: z.string().regex(BOROUGH_CODE_PATTERN).nullable(),
});

/**
 * Time left against the response target, for a message still waiting for its first reply: hours
 * (may be negative: overdue). `receivedAt` and `now` are instants; the target is in whole hours.
 * A message answered at exactly the target is within it.
 */
export function responseDue(receivedAt: Date, targetHours: number): Date {
  return new Date(receivedAt.getTime() + targetHours * 3_600_000);
}

/** Whether a first reply at `firstReplyAt` met the target for a message received at `receivedAt` (boundary inclusive). */
export function isWithinTarget(receivedAt: Date, firstReplyAt: Date, targetHours: number): boolean {
  return firstReplyAt.getTime() <= responseDue(receivedAt, targetHours).getTime();
}

/** "2 days 3 hours", "5 hours", "40 minutes": a duration in milliseconds, rounded down, in plain words. */
export function durationInWords(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (days > 0) return hours > 0 ? `${plural(days, "day")} ${plural(hours, "hour")}` : plural(days, "day");
  if (hours > 0) return plural(hours, "hour");
  return plural(Math.max(minutes, 1), "minute");
}

/** "31 hours left" or "overdue by 2 days 3 hours", for a message still waiting for its first reply. */
export function timeLeftInWords(dueAt: Date, now: Date): string {
  const ms = dueAt.getTime() - now.getTime();
  return ms >= 0 ? `${durationInWords(ms)} left` : `overdue by ${durationInWords(ms)}`;
}
