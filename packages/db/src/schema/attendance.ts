import { ATTENDANCE_STATUSES, GUEST_KINDS } from "@wardpanel/validators";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import { createdAt, timestamp } from "./columns";
import { meetings } from "./meetings";
import { users } from "./people";

/** The panel roster's attendance at one meeting. Members with no row have not been marked yet. */
export const attendance = sqliteTable(
  "attendance",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: ATTENDANCE_STATUSES }).notNull(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (table) => [
    uniqueIndex("attendance_meeting_user").on(table.meetingId, table.userId),
    index("attendance_user_idx").on(table.userId),
  ],
);

/** Police officers and partner agencies at a meeting: they attend, but do not vote. */
export const meetingGuests = sqliteTable("meeting_guests", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  meetingId: integer("meeting_id")
    .notNull()
    .references(() => meetings.id, { onDelete: "cascade" }),
  kind: text("kind", { enum: GUEST_KINDS }).notNull(),
  name: text("name").notNull(),
  organisation: text("organisation").notNull().default(""),
  createdAt: createdAt(),
});

/**
 * Members of the public who chose to leave their name and e-mail for updates. Only these two
 * fields and the moment of consent are kept: the meeting's public count is on `meetings`.
 */
export const publicSignIns = sqliteTable("public_sign_ins", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  meetingId: integer("meeting_id")
    .notNull()
    .references(() => meetings.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  email: text("email").notNull(),
  consentedAt: timestamp("consented_at").notNull(),
});
