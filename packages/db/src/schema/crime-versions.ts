import { blob, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { createdAt, timestamp } from "./columns";
import { crimeColumns, crimeImports } from "./crimes";
import { users } from "./people";

/**
 * The rows an import log entry replaced, kept so the month can be put back as it was ("Restore").
 * Keyed by the entry that replaced them; the rows are copied back on restore, never moved, so every
 * earlier version stays restorable.
 */
export const replacedCrimes = sqliteTable(
  "replaced_crimes",
  {
    replacedBy: integer("replaced_by")
      .notNull()
      .references(() => crimeImports.id, { onDelete: "cascade" }),
    id: text("id").notNull(),
    ...crimeColumns(),
  },
  (table) => [primaryKey({ columns: [table.replacedBy, table.id] })],
);

/**
 * An upload that would replace a month already held, waiting for the person who uploaded it to
 * confirm after seeing what will change. The files are kept as uploaded and parsed again on
 * confirmation, so what is written is exactly what was previewed, even after a restart.
 */
export const crimeImportStages = sqliteTable(
  "crime_import_stages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    force: text("force").notNull(),
    month: text("month").notNull(),
    /** The log entry whose rows were live when the preview was made: confirmation checks it still is. */
    heldImportId: integer("held_import_id"),
    streetFileName: text("street_file_name"),
    streetContent: blob("street_content", { mode: "buffer" }),
    outcomesFileName: text("outcomes_file_name"),
    outcomesContent: blob("outcomes_content", { mode: "buffer" }),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at").notNull(),
  },
  (table) => [index("crime_import_stages_expiry_idx").on(table.expiresAt)],
);
