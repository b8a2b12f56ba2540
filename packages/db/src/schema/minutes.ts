import { MINUTES_STATUSES } from "@wardpanel/validators";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

// Type only: the shape is built and read by the queries, declared once there.
import type { MinutesContent } from "../queries/minutes";
import { createdAt, timestamp } from "./columns";
import { meetings } from "./meetings";
import { users } from "./people";

/**
 * The minutes of a meeting, one row per version. A version is edited while a draft, then
 * circulated, approved at the next meeting and published. A published version never changes: a
 * correction is a new version that says what changed.
 */
export const minutesVersions = sqliteTable(
  "minutes_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    status: text("status", { enum: MINUTES_STATUSES }).notNull().default("draft"),
    /** JSON MinutesContent: attendance, then each agenda item's notes, decisions and actions. */
    content: text("content", { mode: "json" }).$type<MinutesContent>().notNull(),
    correctionNote: text("correction_note").notNull().default(""),
    circulatedAt: timestamp("circulated_at"),
    approvedAt: timestamp("approved_at"),
    approvedAtMeetingId: integer("approved_at_meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at").notNull(),
    updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
  },
  (table) => [uniqueIndex("minutes_versions_meeting_version").on(table.meetingId, table.version)],
);

/** A step in a version's life that the minutes page lists as its history. */
export const MINUTES_EVENT_KINDS = ["circulated", "returned_to_draft"] as const;

/**
 * The history of a version of the minutes: each circulation, and each return to draft with who
 * did it, when and why (a circulated version can go back to draft before it is approved).
 */
export const minutesEvents = sqliteTable(
  "minutes_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    minutesVersionId: integer("minutes_version_id")
      .notNull()
      .references(() => minutesVersions.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: MINUTES_EVENT_KINDS }).notNull(),
    /** Why it went back to draft; empty for a circulation. */
    reason: text("reason").notNull().default(""),
    at: timestamp("at").notNull(),
    by: integer("by").references(() => users.id, { onDelete: "set null" }),
  },
  (table) => [index("minutes_events_version_idx").on(table.minutesVersionId, table.id)],
);
