import { MEETING_KINDS, MEETING_STATUSES } from "@wardpanel/validators";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { createdAt, timestamp } from "./columns";
import { users } from "./people";
import { wards } from "./wards";

/** A run of meetings scheduled together ("the second Tuesday of each month for six months"). */
export const meetingSeries = sqliteTable("meeting_series", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  wardCode: text("ward_code")
    .notNull()
    .references(() => wards.code),
  description: text("description").notNull(),
  createdAt: createdAt(),
});

/**
 * One meeting. Times are instants (UTC ms); forms and pages show them in Europe/London.
 * `uid` and `sequence` carry the meeting through calendar apps (RFC 5545): the uid never changes,
 * the sequence rises with every change made after publishing.
 */
export const meetings = sqliteTable(
  "meetings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    uid: text("uid").notNull().unique(),
    wardCode: text("ward_code")
      .notNull()
      .references(() => wards.code),
    seriesId: integer("series_id").references(() => meetingSeries.id),
    kind: text("kind", { enum: MEETING_KINDS }).notNull(),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at").notNull(),
    endsAt: timestamp("ends_at").notNull(),
    venueName: text("venue_name").notNull().default(""),
    venueAddress: text("venue_address").notNull().default(""),
    stepFreeAccess: integer("step_free_access", { mode: "boolean" }).notNull().default(false),
    hearingLoop: integer("hearing_loop", { mode: "boolean" }).notNull().default(false),
    nearestTransport: text("nearest_transport").notNull().default(""),
    onlineUrl: text("online_url").notNull().default(""),
    invited: text("invited").notNull().default(""),
    status: text("status", { enum: MEETING_STATUSES }).notNull().default("draft"),
    cancellationReason: text("cancellation_reason"),
    sequence: integer("sequence").notNull().default(0),
    publishedAt: timestamp("published_at"),
    /** Members of the public present: a count only, nothing about who they were. */
    publicCount: integer("public_count").notNull().default(0),
    /** The live meeting: when the chair started and ended it, and the item being discussed. */
    liveStartedAt: timestamp("live_started_at"),
    liveEndedAt: timestamp("live_ended_at"),
    currentItemId: integer("current_item_id"),
    currentItemStartedAt: timestamp("current_item_started_at"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at").notNull(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
  },
  (table) => [index("meetings_ward_starts_idx").on(table.wardCode, table.startsAt)],
);
