import { ACTION_STATUSES } from "@wardpanel/validators";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { agendaItems } from "./agenda";
import { createdAt, timestamp } from "./columns";
import { meetings } from "./meetings";
import { wards } from "./wards";

/** What the meeting decided, against the agenda item where it was decided. */
export const decisions = sqliteTable("decisions", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  meetingId: integer("meeting_id")
    .notNull()
    .references(() => meetings.id, { onDelete: "cascade" }),
  agendaItemId: integer("agenda_item_id").references(() => agendaItems.id, { onDelete: "set null" }),
  text: text("text").notNull(),
  createdAt: createdAt(),
});

/**
 * An action agreed at a meeting. It belongs to the ward as well as the meeting, because open
 * actions carry over to every later meeting's matters arising until they are done or dropped.
 */
export const actions = sqliteTable(
  "actions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    wardCode: text("ward_code")
      .notNull()
      .references(() => wards.code),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    agendaItemId: integer("agenda_item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    description: text("description").notNull(),
    owner: text("owner").notNull(),
    /** A London calendar date, YYYY-MM-DD. */
    dueDate: text("due_date").notNull(),
    status: text("status", { enum: ACTION_STATUSES }).notNull().default("open"),
    statusNote: text("status_note").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (table) => [index("actions_ward_status_idx").on(table.wardCode, table.status, table.dueDate)],
);
