import { type Category, CONCERN_EVENT_KINDS, CONCERN_STATUSES, type ConcernEventDetail } from "@wardpanel/validators";
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import { createdAt, mailQueueColumns, timestamp } from "./columns";
import { meetings } from "./meetings";
import { newConcernReference } from "./references";
import { wards } from "./wards";

const CONCERN_SOURCES = ["meeting", "public_form", "snt"] as const;

/**
 * An issue raised by the community before it becomes a priority. Who raised it is kept only with
 * their consent; without it, `raisedBy` and `contactEmail` stay empty.
 */
export const concerns = sqliteTable(
  "concerns",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    wardCode: text("ward_code")
      .notNull()
      .references(() => wards.code),
    source: text("source", { enum: CONCERN_SOURCES }).notNull(),
    meetingId: integer("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    description: text("description").notNull(),
    location: text("location").notNull(),
    category: text("category").$type<Category>().notNull(),
    raisedBy: text("raised_by").notNull().default(""),
    contactEmail: text("contact_email").notNull().default(""),
    hasConsent: integer("has_consent", { mode: "boolean" }).notNull().default(false),
    /** A point on the ward map, when the person gave one (WGS84). */
    lon: real("lon"),
    lat: real("lat"),
    postcode: text("postcode").notNull().default(""),
    /**
     * The language the person wrote in (a catalogue code: "en", "cy"): the team sees it, and their
     * e-mails about it are written in it (Welsh Language Standards: replies in Welsh).
     */
    language: text("language").notNull().default("en"),
    status: text("status", { enum: CONCERN_STATUSES }).notNull().default("new"),
    /** How many people raised it: merging duplicates adds their counts. */
    raisedCount: integer("raised_count").notNull().default(1),
    mergedIntoId: integer("merged_into_id"),
    rejectionReason: text("rejection_reason").notNull().default(""),
    /**
     * The words on the ballot when the sergeant reworded the concern (null: the description as
     * raised, which is always kept), with who changed them (a user id, kept without a foreign key so
     * erasing the account leaves the record: it then reads "a former user") and when.
     */
    ballotWording: text("ballot_wording"),
    ballotWordingBy: integer("ballot_wording_by"),
    ballotWordingAt: timestamp("ballot_wording_at"),
    /** A short reference the person who raised it can quote ("WP-7K3M9QXD"); unique. */
    reference: text("reference").notNull().$defaultFn(newConcernReference),
    /**
     * SHA-256 of the private follow link's token (an HMAC of the concern's id: auth/tokens.ts), so
     * every e-mail can carry the link again while the database holds nothing usable.
     */
    followTokenHash: text("follow_token_hash"),
    createdAt: createdAt(),
  },
  (table) => [
    index("concerns_ward_idx").on(table.wardCode, table.createdAt),
    uniqueIndex("concerns_reference").on(table.reference),
    uniqueIndex("concerns_follow_token_hash").on(table.followTokenHash),
  ],
);

/**
 * What happened to a concern, in order: the follow page's history, and the e-mail queue for whoever
 * raised it (`mail` is "due" only when they left an address and agreed to updates). Written in the
 * same transaction as the change itself, so a committed change always has its e-mail queued.
 */
export const concernEvents = sqliteTable(
  "concern_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    concernId: integer("concern_id")
      .notNull()
      .references(() => concerns.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: CONCERN_EVENT_KINDS }).notNull(),
    detail: text("detail", { mode: "json" }).$type<ConcernEventDetail>().notNull(),
    ...mailQueueColumns(),
    createdAt: createdAt(),
  },
  (table) => [
    index("concern_events_concern_idx").on(table.concernId, table.id),
    index("concern_events_mail_idx").on(table.mail, table.nextAttemptAt),
  ],
);
