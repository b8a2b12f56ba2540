import { type AreaGeometry, type Category, PRIORITY_STATUSES } from "@wardpanel/validators";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { createdAt, timestamp } from "./columns";
import { concerns } from "./concerns";
import { meetings } from "./meetings";
import { users } from "./people";
import { wards } from "./wards";

/**
 * A local policing priority. It must be specific before it is published: where (a drawn area
 * and/or streets, postcodes or a place), what, what the panel wants done, how success is judged,
 * from when and until a review date, and who owns it.
 */
export const priorities = sqliteTable(
  "priorities",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    wardCode: text("ward_code")
      .notNull()
      .references(() => wards.code),
    title: text("title").notNull(),
    problem: text("problem").notNull().default(""),
    /** A slug of the one category list (validators CATEGORIES): police.uk's where one fits (https://data.police.uk/docs/method/crime-categories/). */
    category: text("category").$type<Category>(),
    /** GeoJSON Polygon or MultiPolygon in WGS84, drawn on the ward map. */
    area: text("area", { mode: "json" }).$type<AreaGeometry>(),
    streets: text("streets", { mode: "json" }).$type<string[]>().notNull().default([]),
    postcodes: text("postcodes", { mode: "json" }).$type<string[]>().notNull().default([]),
    placeName: text("place_name").notNull().default(""),
    wantedAction: text("wanted_action").notNull().default(""),
    successMeasure: text("success_measure").notNull().default(""),
    /** London calendar dates, YYYY-MM-DD. */
    startDate: text("start_date"),
    reviewDate: text("review_date"),
    owner: text("owner").notNull().default(""),
    /** Calls about this priority in its area get the 60-minute response (Policing Pledge point 6). */
    isCallHandlingFlagged: integer("is_call_handling_flagged", { mode: "boolean" }).notNull().default(false),
    /**
     * When the flag lapsed because nobody reviewed the priority: its review date plus the force's
     * grace (PRIORITY_REVIEW_GRACE_DAYS) passed. Null while the flag holds. Set by the expiry sweep
     * (queries/flag-expiry.ts), cleared when the review date is moved to today or later. The feed
     * publishes a lapsed priority as not flagged (decision 0029).
     */
    flagLapsedAt: timestamp("flag_lapsed_at"),
    status: text("status", { enum: PRIORITY_STATUSES }).notNull().default("draft"),
    statusDate: text("status_date"),
    statusReason: text("status_reason").notNull().default(""),
    decidedAtMeetingId: integer("decided_at_meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    voteId: integer("vote_id"),
    concernId: integer("concern_id").references(() => concerns.id, { onDelete: "set null" }),
    supersededById: integer("superseded_by_id"),
    /** Rises with every change the feed carries; consumers compare it. */
    version: integer("version").notNull().default(1),
    publishedAt: timestamp("published_at"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (table) => [index("priorities_ward_status_idx").on(table.wardCode, table.status)],
);

/** "You said – We did": what police and partners did for a priority in a month, and what changed. */
export const priorityProgress = sqliteTable(
  "priority_progress",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    priorityId: integer("priority_id")
      .notNull()
      .references(() => priorities.id, { onDelete: "cascade" }),
    month: text("month").notNull(),
    policeAction: text("police_action").notNull(),
    partnerAction: text("partner_action").notNull().default(""),
    whatChanged: text("what_changed").notNull().default(""),
    createdAt: createdAt(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
  },
  (table) => [index("priority_progress_priority_idx").on(table.priorityId, table.month)],
);

const FEED_CHANGE_KINDS = ["upsert", "remove"] as const;

/**
 * The priority feed's change log. A row is written in the same transaction as the change it
 * records, so a consumer reading changes after a cursor never sees a half-made update. The id is
 * the cursor.
 */
export const feedChanges = sqliteTable(
  "feed_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    priorityId: integer("priority_id").notNull(),
    kind: text("kind", { enum: FEED_CHANGE_KINDS }).notNull(),
    version: integer("version").notNull(),
    reason: text("reason").notNull().default(""),
    at: timestamp("at").notNull(),
  },
  (table) => [index("feed_changes_priority_idx").on(table.priorityId)],
);
