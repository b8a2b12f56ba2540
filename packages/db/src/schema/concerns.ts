import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { createdAt } from "./columns";
import { meetings } from "./meetings";
import { wards } from "./wards";

const CONCERN_SOURCES = ["meeting", "public_form", "snt"] as const;
const CONCERN_STATUSES = ["new", "shortlisted", "merged", "rejected", "prioritised"] as const;

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
    category: text("category").notNull(),
    raisedBy: text("raised_by").notNull().default(""),
    contactEmail: text("contact_email").notNull().default(""),
    hasConsent: integer("has_consent", { mode: "boolean" }).notNull().default(false),
    /** A point on the ward map, when the person gave one (WGS84). */
    lon: real("lon"),
    lat: real("lat"),
    postcode: text("postcode").notNull().default(""),
    status: text("status", { enum: CONCERN_STATUSES }).notNull().default("new"),
    /** How many people raised it: merging duplicates adds their counts. */
    raisedCount: integer("raised_count").notNull().default(1),
    mergedIntoId: integer("merged_into_id"),
    rejectionReason: text("rejection_reason").notNull().default(""),
    createdAt: createdAt(),
  },
  (table) => [index("concerns_ward_idx").on(table.wardCode, table.createdAt)],
);
