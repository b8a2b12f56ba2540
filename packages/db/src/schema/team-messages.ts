import {
  MESSAGE_EVENT_KINDS,
  MESSAGE_STATUSES,
  MESSAGE_TOPIC_SLUGS,
  type MessageEventDetail,
} from "@wardpanel/validators";
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import { createdAt, mailQueueColumns, timestamp } from "./columns";
import { users } from "./people";
import { newMessageReference } from "./references";
import { wards } from "./wards";

/**
 * A resident's message to the ward's Safer Neighbourhoods Team ("Message your team"). Name, e-mail
 * and phone are kept only with the resident's consent; without it they stay empty and the resident
 * follows the thread on its private page alone. `firstResponseAt` is the first team reply, which
 * the response target (RESPONSE_TARGET_HOURS) is measured against.
 */
export const teamMessages = sqliteTable(
  "team_messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    wardCode: text("ward_code")
      .notNull()
      .references(() => wards.code),
    /** "WM-" and 8 Crockford base32 characters; unique. */
    reference: text("reference").notNull().$defaultFn(newMessageReference),
    topic: text("topic", { enum: MESSAGE_TOPIC_SLUGS }).notNull(),
    body: text("body").notNull(),
    name: text("name").notNull().default(""),
    contactEmail: text("contact_email").notNull().default(""),
    contactPhone: text("contact_phone").notNull().default(""),
    hasConsent: integer("has_consent", { mode: "boolean" }).notNull().default(false),
    /**
     * The language the resident wrote in (a catalogue code: "en", "cy"): the team sees it and replies
     * in it, and the resident's e-mails are written in it (Welsh Language Standards).
     */
    language: text("language").notNull().default("en"),
    status: text("status", { enum: MESSAGE_STATUSES }).notNull().default("open"),
    /** The team member (or sergeant) the sergeant gave it to answer. */
    assigneeId: integer("assignee_id").references(() => users.id, { onDelete: "set null" }),
    /** SHA-256 of the private thread link's token (an HMAC of the id: auth/tokens.ts). */
    threadTokenHash: text("thread_token_hash"),
    receivedAt: timestamp("received_at")
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    firstResponseAt: timestamp("first_response_at"),
  },
  (table) => [
    index("team_messages_ward_idx").on(table.wardCode, table.receivedAt),
    uniqueIndex("team_messages_reference").on(table.reference),
    uniqueIndex("team_messages_thread_token_hash").on(table.threadTokenHash),
  ],
);

/**
 * A message's thread, in order: the resident's message, team replies (with their author), resident
 * replies, assignments, closing, a "not good enough" with its reason, and the manager's response.
 * Also the e-mail queue to the resident, as `concern_events` is: `mail` is "due" only for what they
 * are e-mailed and only when they left an address with consent, written in the change's transaction.
 */
export const messageEvents = sqliteTable(
  "message_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    messageId: integer("message_id")
      .notNull()
      .references(() => teamMessages.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: MESSAGE_EVENT_KINDS }).notNull(),
    detail: text("detail", { mode: "json" }).$type<MessageEventDetail>().notNull(),
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    ...mailQueueColumns(),
    createdAt: createdAt(),
  },
  (table) => [
    index("message_events_message_idx").on(table.messageId, table.id),
    index("message_events_mail_idx").on(table.mail, table.nextAttemptAt),
  ],
);
