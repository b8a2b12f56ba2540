import { AGENDA_ITEM_KINDS } from "@wardpanel/validators";
import { blob, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

// Type only: the snapshot is built from the working agenda by the queries, declared once there.
import type { PublishedAgenda } from "../queries/agenda";
import { createdAt, timestamp } from "./columns";
import { meetings } from "./meetings";
import { users } from "./people";

/**
 * The working agenda of a meeting: what the chair edits. Notes and time used are written during
 * the live meeting. What the public reads is a published, frozen copy in `agenda_versions`.
 */
export const agendaItems = sqliteTable(
  "agenda_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: text("kind", { enum: AGENDA_ITEM_KINDS }).notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    presenter: text("presenter").notNull().default(""),
    minutesAllowed: integer("minutes_allowed").notNull().default(5),
    notes: text("notes").notNull().default(""),
    /**
     * How many times the notes were saved: a save names the version it was based on and is applied
     * only if that is still the current one (queries/live.ts `saveItemNotes`), so two devices never
     * overwrite each other silently.
     */
    notesVersion: integer("notes_version").notNull().default(0),
    /** When and by whom the notes were last saved (null before the first save, or a seeded save). */
    notesSavedAt: timestamp("notes_saved_at"),
    /**
     * A users.id, deliberately without a foreign key: SQLite cannot add one with ON DELETE to an
     * existing table, and a removed account only means the reader is not named (a left join).
     */
    notesSavedBy: integer("notes_saved_by"),
    secondsUsed: integer("seconds_used").notNull().default(0),
    /** Set when the chair removes the item, so "undo" can bring it back with its notes and papers. */
    removedAt: timestamp("removed_at"),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (table) => [index("agenda_items_meeting_idx").on(table.meetingId, table.position)],
);

/** A paper attached to an agenda item. The bytes live in the database so a backup is one file. */
export const agendaPapers = sqliteTable(
  "agenda_papers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agendaItemId: integer("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    content: blob("content", { mode: "buffer" }).notNull(),
    /** Papers in a published agenda stay downloadable, so removing one only hides it from the draft. */
    removedAt: timestamp("removed_at"),
    /**
     * Set when an organiser withdraws the paper from every published version of the agenda: the
     * public then get 410 Gone with the reason, and the published agendas show it was withdrawn.
     */
    withdrawnAt: timestamp("withdrawn_at"),
    withdrawnReason: text("withdrawn_reason"),
    withdrawnBy: integer("withdrawn_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    uploadedBy: integer("uploaded_by").references(() => users.id, { onDelete: "set null" }),
  },
  (table) => [index("agenda_papers_item_idx").on(table.agendaItemId)],
);

/** A published agenda, frozen: later edits make a new version and never change this one. */
export const agendaVersions = sqliteTable(
  "agenda_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    /** JSON: the items, their papers and the actions carried over, as the public saw them. */
    snapshot: text("snapshot", { mode: "json" }).$type<PublishedAgenda>().notNull(),
    publishedAt: timestamp("published_at").notNull(),
    publishedBy: integer("published_by").references(() => users.id, { onDelete: "set null" }),
  },
  (table) => [uniqueIndex("agenda_versions_meeting_version").on(table.meetingId, table.version)],
);
