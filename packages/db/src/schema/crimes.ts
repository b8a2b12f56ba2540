import { PACK_STATUSES } from "@wardpanel/validators";
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

// Type only: the frozen pack is assembled by the queries, declared once there.
import type { PackData } from "../queries/packs-data";
import { createdAt, timestamp } from "./columns";
import { users } from "./people";
import { wards } from "./wards";

export const CRIME_PLACEMENTS = ["ward", "no-location", "outside-wards", "outside-force-area"] as const;

/** The columns of one stored crime, shared by the live rows and the versions they replaced. */
export const crimeColumns = () => ({
  crimeId: text("crime_id"),
  month: text("month").notNull(),
  /** The force whose month the row is in (its file's "Falls within"), as police.uk names it. */
  force: text("force").notNull(),
  /**
   * The force that reported the crime when it is not `force`: the British Transport Police in an API
   * answer that lists its crimes beside the local force's. "" when it is `force` (every CSV row).
   */
  reportedBy: text("reported_by").notNull().default(""),
  placement: text("placement", { enum: CRIME_PLACEMENTS }).notNull(),
  /**
   * The ward the crime counts towards ("ward"), or the ward it fell in when another force reported it
   * there ("outside-force-area": railway crime, a City crime in Camden; decision 0023). Null otherwise.
   */
  wardCode: text("ward_code").references(() => wards.code),
  boroughCode: text("borough_code"),
  category: text("category").notNull(),
  lon: real("lon"),
  lat: real("lat"),
  location: text("location").notNull().default(""),
  lsoaCode: text("lsoa_code").notNull().default(""),
  outcome: text("outcome").notNull().default(""),
  outcomeGroup: text("outcome_group").notNull().default(""),
  outcomeMonth: text("outcome_month"),
});

/**
 * One row of a police.uk street file (@wardpanel/crime-data). `id` is the row id that package
 * derives (stable across re-imports); `crimeId` is police.uk's, which outcomes refer to.
 */
export const crimes = sqliteTable(
  "crimes",
  {
    id: text("id").primaryKey(),
    ...crimeColumns(),
  },
  (table) => [
    index("crimes_ward_month_idx").on(table.wardCode, table.month),
    index("crimes_crime_id_idx").on(table.crimeId),
    index("crimes_force_month_idx").on(table.force, table.month),
  ],
);

const CRIME_IMPORT_KINDS = ["street", "outcomes", "restore"] as const;

/** The counts an outcomes file's log entry keeps. */
export type OutcomesImportSummary = {
  updates: number;
  /** Crimes whose outcome changed (a Crime ID can name several rows). */
  crimesUpdated: number;
  /** Of those, crimes from months before the outcomes file's month. */
  earlierMonthCrimes: number;
  /** Updates naming no crime we hold (its month not imported yet). */
  unmatched: number;
  /**
   * Updates naming crimes we hold that already have an outcome from a later month, which is kept.
   * Absent from log entries made before it was counted apart (they counted these as unmatched).
   */
  newerOutcomeKept?: number;
};

/**
 * The counts stored with an import log entry, by its kind: a street file's are
 * @wardpanel/crime-data's `AssignmentSummary` (left open here: this package does not depend on the
 * parser), an outcomes file's are `OutcomesImportSummary`, a restore's are empty.
 */
export type CrimeImportSummary = Partial<OutcomesImportSummary> & Record<string, unknown>;

/**
 * The import log: every change to a force's crime data, with who made it and the counts they were
 * shown (never a silent drop). A `street` entry replaces a month with a file's rows; a `restore`
 * entry brings back the rows an earlier entry replaced (`restoredFrom`); `outcomes` applies a file.
 */
export const crimeImports = sqliteTable(
  "crime_imports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: CRIME_IMPORT_KINDS }).notNull(),
    force: text("force").notNull(),
    month: text("month").notNull(),
    /** The file imported; for a restore, the file the restored rows came from ("" when unknown). */
    fileName: text("file_name").notNull(),
    summary: text("summary", { mode: "json" }).$type<CrimeImportSummary>().notNull(),
    /** Street and restore entries: the month's rows before and after. */
    rowsBefore: integer("rows_before"),
    rowsAfter: integer("rows_after"),
    restoredFrom: integer("restored_from"),
    importedAt: timestamp("imported_at").notNull(),
    importedBy: integer("imported_by").references(() => users.id, { onDelete: "set null" }),
  },
  (table) => [index("crime_imports_force_month_idx").on(table.force, table.month)],
);

/** A ward's monthly crime-update pack. Publishing freezes the view model every output renders. */
export const packs = sqliteTable(
  "packs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    wardCode: text("ward_code")
      .notNull()
      .references(() => wards.code),
    month: text("month").notNull(),
    status: text("status", { enum: PACK_STATUSES }).notNull().default("draft"),
    commentary: text("commentary").notNull().default(""),
    partnerActions: text("partner_actions").notNull().default(""),
    /** The frozen view model, set when published. */
    published: text("published", { mode: "json" }).$type<PackData>(),
    publishedAt: timestamp("published_at"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (table) => [uniqueIndex("packs_ward_month").on(table.wardCode, table.month)],
);

/** A member of the public's subscription to a ward's updates, confirmed by a link (double opt-in). */
export const subscribers = sqliteTable(
  "subscribers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    wardCode: text("ward_code")
      .notNull()
      .references(() => wards.code),
    email: text("email").notNull(),
    confirmTokenHash: text("confirm_token_hash").notNull().unique(),
    unsubscribeTokenHash: text("unsubscribe_token_hash").notNull().unique(),
    confirmedAt: timestamp("confirmed_at"),
    unsubscribedAt: timestamp("unsubscribed_at"),
    /** The language the subscriber chose (a catalogue code, "en", "cy"): their e-mails are written in it. */
    language: text("language").notNull().default("en"),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex("subscribers_ward_email").on(table.wardCode, table.email)],
);

/** The e-mail queue for packs: one row per pack and subscriber, so a pack is never sent twice. */
export const packEmails = sqliteTable(
  "pack_emails",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    packId: integer("pack_id")
      .notNull()
      .references(() => packs.id, { onDelete: "cascade" }),
    subscriberId: integer("subscriber_id")
      .notNull()
      .references(() => subscribers.id, { onDelete: "cascade" }),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at").notNull(),
    sentAt: timestamp("sent_at"),
    failedAt: timestamp("failed_at"),
    lastError: text("last_error"),
  },
  (table) => [
    uniqueIndex("pack_emails_pack_subscriber").on(table.packId, table.subscriberId),
    index("pack_emails_due_idx").on(table.sentAt, table.nextAttemptAt),
  ],
);
