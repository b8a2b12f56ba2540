import { RECORD_ENTRY_KINDS } from "@wardpanel/validators";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { timestamp } from "./columns";
import { meetings } from "./meetings";
import { users } from "./people";

/**
 * A decision, action or concern taken out of a meeting's record, kept so it can be put back
 * (undo) until the minutes are circulated. `rows` holds the removed rows exactly as stored, by
 * table name, in the order they are put back (a concern with its events); nothing else reads them.
 */
export const recordRemovals = sqliteTable(
  "record_removals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: RECORD_ENTRY_KINDS }).notNull(),
    /** The id the decision, action or concern had, and has again once put back. */
    recordId: integer("record_id").notNull(),
    /** What it said, for the "Removed ‘…’" line. */
    summary: text("summary").notNull(),
    rows: text("rows", { mode: "json" }).$type<{ table: string; rows: Record<string, unknown>[] }[]>().notNull(),
    removedAt: timestamp("removed_at").notNull(),
    removedBy: integer("removed_by").references(() => users.id, { onDelete: "set null" }),
  },
  (table) => [index("record_removals_meeting_idx").on(table.meetingId)],
);
