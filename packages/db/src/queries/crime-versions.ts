import { DomainError } from "@wardpanel/validators";
import { and, desc, eq, inArray, lt, sql } from "drizzle-orm";

import type { Db } from "../client";
import { returnedRow } from "../returned-row";
import { boroughs, crimeImports, type CrimeImportSummary, crimes, replacedCrimes, wards } from "../schema";

/**
 * Versions of a force's month: which log entry's rows are live, what a change would do to each
 * ward's count, the rows each change replaced, and putting them back. A month is always replaced
 * whole (see @wardpanel/crime-data crime-identity.ts), so a version is simply a month's rows.
 */

const MONTH_CHANGING_KINDS = ["street", "restore"] as const;
const CRIME_COLUMNS =
  "id, crime_id, month, force, reported_by, placement, ward_code, borough_code, category, lon, lat, location, lsoa_code, outcome, outcome_group, outcome_month";

/** The log entry of a street import or restore, made before its rows are written so they can be archived under it. */
export function logMonthChange(
  db: Db,
  entry: {
    kind: "street" | "restore";
    force: string;
    month: string;
    fileName: string;
    summary: CrimeImportSummary;
    rowsBefore: number;
    rowsAfter: number;
    restoredFrom?: number;
    importedBy: number | null;
    now: Date;
  },
): number {
  const { now, ...values } = entry;
  return returnedRow(
    db
      .insert(crimeImports)
      .values({ ...values, importedAt: now })
      .returning({ id: crimeImports.id }),
  ).id;
}

type HeldVersion = {
  /** The street import or restore whose rows are live; null when the month is not held. */
  importId: number | null;
  rows: number;
};

/** What is held for a force's month now. */
export function getHeldVersion(db: Db, { force, month }: { force: string; month: string }): HeldVersion {
  const rows =
    db
      .select({ n: sql<number>`count(*)` })
      .from(crimes)
      .where(and(eq(crimes.force, force), eq(crimes.month, month)))
      .get()?.n ?? 0;
  if (rows === 0) return { importId: null, rows };
  const latest = db
    .select({ id: crimeImports.id })
    .from(crimeImports)
    .where(
      and(
        eq(crimeImports.force, force),
        eq(crimeImports.month, month),
        inArray(crimeImports.kind, MONTH_CHANGING_KINDS),
      ),
    )
    .orderBy(desc(crimeImports.id))
    .get();
  return { importId: latest?.id ?? null, rows };
}

/** Rows per ward (null: counted towards no ward) — the figures a ward's pack is built from. */
export type WardCounts = Map<string | null, number>;

/** The ward a row counts towards: another force's crime kept in a ward (decision 0023) counts towards none. */
function countedWard(table: typeof crimes | typeof replacedCrimes) {
  return sql<string | null>`case when ${table.placement} = 'ward' then ${table.wardCode} end`;
}

export function countMonthByWard(db: Db, { force, month }: { force: string; month: string }): WardCounts {
  const rows = db
    .select({ wardCode: countedWard(crimes), n: sql<number>`count(*)` })
    .from(crimes)
    .where(and(eq(crimes.force, force), eq(crimes.month, month)))
    .groupBy(countedWard(crimes))
    .all();
  return new Map(rows.map((r) => [r.wardCode, r.n]));
}

/** Rows per ward of the version a log entry replaced. */
function countReplacedByWard(db: Db, replacedBy: number): WardCounts {
  const rows = db
    .select({ wardCode: countedWard(replacedCrimes), n: sql<number>`count(*)` })
    .from(replacedCrimes)
    .where(eq(replacedCrimes.replacedBy, replacedBy))
    .groupBy(countedWard(replacedCrimes))
    .all();
  return new Map(rows.map((r) => [r.wardCode, r.n]));
}

export type WardCountChange = {
  wardCode: string;
  wardName: string;
  boroughName: string;
  before: number;
  after: number;
};

/** What replacing a month would change, as shown before anyone confirms it. */
export type MonthChange = {
  /** The force as police.uk names it ("Metropolitan Police Service"). */
  force: string;
  month: string;
  heldImportId: number | null;
  rowsBefore: number;
  rowsAfter: number;
  /** Rows that count towards no ward: no location, outside every ward held, or reported by a force that does not police the ward. */
  outsideWards: { before: number; after: number };
  /** Wards whose count changes, the largest change first. */
  wards: WardCountChange[];
  /** Wards with crimes before or after whose count stays the same. */
  wardsUnchanged: number;
};

/** Compares the month held now with `after`, ward by ward. */
export function describeMonthChange(
  db: Db,
  { force, month, after }: { force: string; month: string; after: WardCounts },
): MonthChange {
  const held = getHeldVersion(db, { force, month });
  const before = countMonthByWard(db, { force, month });
  const codes = new Set([...before.keys(), ...after.keys()].filter((c): c is string => c !== null));
  const changed = [...codes].filter((code) => (before.get(code) ?? 0) !== (after.get(code) ?? 0));
  const names = new Map(
    changed.length === 0
      ? []
      : db
          .select({ code: wards.code, name: wards.name, boroughName: boroughs.name })
          .from(wards)
          .innerJoin(boroughs, eq(boroughs.code, wards.boroughCode))
          .where(inArray(wards.code, changed))
          .all()
          .map((w) => [w.code, w]),
  );
  const sum = (counts: WardCounts) => [...counts.values()].reduce((a, b) => a + b, 0);
  return {
    force,
    month,
    heldImportId: held.importId,
    rowsBefore: held.rows,
    rowsAfter: sum(after),
    outsideWards: { before: before.get(null) ?? 0, after: after.get(null) ?? 0 },
    wards: changed
      .map((code) => ({
        wardCode: code,
        wardName: names.get(code)?.name ?? code,
        boroughName: names.get(code)?.boroughName ?? "",
        before: before.get(code) ?? 0,
        after: after.get(code) ?? 0,
      }))
      .sort(
        (a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before) || a.wardName.localeCompare(b.wardName),
      ),
    wardsUnchanged: codes.size - changed.length,
  };
}

type CrimeHeldElsewhere = { id: string; month: string; force: string };

/**
 * Row ids of a file that are already held for another month (or another force's month): the
 * primary key would refuse them, so the import is refused first with the file's line.
 */
export function findCrimeIdsHeldElsewhere(
  db: Db,
  { force, month, ids }: { force: string; month: string; ids: readonly string[] },
): CrimeHeldElsewhere[] {
  // One JSON parameter rather than 100,000 bound variables (SQLite's limit is 32,766).
  return db.$client
    .prepare(
      `select c.id, c.month, c.force from json_each(?) j join crimes c on c.id = j.value where not (c.force = ? and c.month = ?)`,
    )
    .all(JSON.stringify(ids), force, month) as CrimeHeldElsewhere[];
}

type LaterOutcome = { id: string; outcome: string; outcomeGroup: string; outcomeMonth: string };

/**
 * Moves a force's month out of `crimes` into `replaced_crimes` under the entry replacing it, and
 * returns the outcomes later outcomes files gave its rows, for keepLaterOutcomes.
 */
export function archiveMonth(
  db: Db,
  { force, month, replacedBy }: { force: string; month: string; replacedBy: number },
) {
  const laterOutcomes = db
    .select({
      id: crimes.id,
      outcome: crimes.outcome,
      outcomeGroup: crimes.outcomeGroup,
      outcomeMonth: sql<string>`${crimes.outcomeMonth}`,
    })
    .from(crimes)
    .where(and(eq(crimes.force, force), eq(crimes.month, month), sql`${crimes.outcomeMonth} > ${month}`))
    .all();
  db.$client
    .prepare(
      `insert into replaced_crimes (replaced_by, ${CRIME_COLUMNS}) select ?, ${CRIME_COLUMNS} from crimes where force = ? and month = ?`,
    )
    .run(replacedBy, force, month);
  const replaced = db
    .delete(crimes)
    .where(and(eq(crimes.force, force), eq(crimes.month, month)))
    .run().changes;
  return { replaced, laterOutcomes };
}

/** Gives rows that came back the outcome a later outcomes file recorded, unless they hold a newer one. */
export function keepLaterOutcomes(db: Db, later: readonly LaterOutcome[]): number {
  const update = db.$client.prepare(
    "update crimes set outcome = ?, outcome_group = ?, outcome_month = ? where id = ? and (outcome_month is null or outcome_month < ?)",
  );
  let kept = 0;
  for (const row of later)
    kept += update.run(row.outcome, row.outcomeGroup, row.outcomeMonth, row.id, row.outcomeMonth).changes;
  return kept;
}

/** A log entry of a force, or not found (an entry of another force is not found either). */
function getCrimeImport(db: Db, { force, importId }: { force: string; importId: number }) {
  const entry = db
    .select()
    .from(crimeImports)
    .where(and(eq(crimeImports.id, importId), eq(crimeImports.force, force)))
    .get();
  if (!entry) throw new DomainError("not_found", "There is no such import in this force's log");
  return entry;
}

/** What restoring the rows an entry replaced would change now. */
export function describeRestore(db: Db, { force, importId }: { force: string; importId: number }): MonthChange {
  const entry = getCrimeImport(db, { force, importId });
  const after = countReplacedByWard(db, entry.id);
  if (after.size === 0)
    throw new DomainError("not_found", "That import replaced nothing, so there is nothing to restore");
  return describeMonthChange(db, { force, month: entry.month, after });
}

type RestoreMonthParams = {
  force: string;
  /** The log entry whose replaced rows come back. */
  importId: number;
  /** The version the person saw as live when they confirmed: refused if it has changed since. */
  heldImportId: number | null;
  restoredBy: number | null;
  now: Date;
};

type RestoreMonthResult = {
  importId: number;
  month: string;
  rowsBefore: number;
  rowsAfter: number;
  outcomesKept: number;
};

/**
 * Puts back the rows a log entry replaced, as a new `restore` entry in the log. The rows replaced by
 * the restore are kept in turn, so a restore can itself be undone. One transaction.
 */
export function restoreMonthVersion(db: Db, params: RestoreMonthParams): RestoreMonthResult {
  return db.transaction(() => {
    const entry = getCrimeImport(db, { force: params.force, importId: params.importId });
    const { force, month } = entry;
    const rowsAfter =
      db
        .select({ n: sql<number>`count(*)` })
        .from(replacedCrimes)
        .where(eq(replacedCrimes.replacedBy, entry.id))
        .get()?.n ?? 0;
    if (rowsAfter === 0)
      throw new DomainError("not_found", "That import replaced nothing, so there is nothing to restore");
    const held = getHeldVersion(db, { force, month });
    if (held.importId !== params.heldImportId) {
      throw new DomainError(
        "conflict",
        `${month} has changed since you checked what restoring would do. Nothing was changed: check again.`,
      );
    }
    const clash = db.$client
      .prepare(
        `select c.id, c.month, c.force from replaced_crimes r join crimes c on c.id = r.id where r.replaced_by = ? and not (c.force = ? and c.month = ?) limit 1`,
      )
      .get(entry.id, force, month) as CrimeHeldElsewhere | undefined;
    if (clash) {
      throw new DomainError(
        "conflict",
        `Crime ID ${clash.id} of the rows to restore is now held for ${clash.month} (${clash.force}), and a crime belongs to one month. Nothing was changed.`,
      );
    }
    // The file the restored rows came from: the version that was live just before the entry.
    const source = db
      .select({ fileName: crimeImports.fileName })
      .from(crimeImports)
      .where(
        and(
          eq(crimeImports.force, force),
          eq(crimeImports.month, month),
          inArray(crimeImports.kind, MONTH_CHANGING_KINDS),
          lt(crimeImports.id, entry.id),
        ),
      )
      .orderBy(desc(crimeImports.id))
      .get();
    const importId = logMonthChange(db, {
      kind: "restore",
      force,
      month,
      fileName: source?.fileName ?? "",
      summary: {},
      rowsBefore: held.rows,
      rowsAfter,
      restoredFrom: entry.id,
      importedBy: params.restoredBy,
      now: params.now,
    });
    const { laterOutcomes } = archiveMonth(db, { force, month, replacedBy: importId });
    db.$client
      .prepare(
        `insert into crimes (${CRIME_COLUMNS}) select ${CRIME_COLUMNS} from replaced_crimes where replaced_by = ?`,
      )
      .run(entry.id);
    return { importId, month, rowsBefore: held.rows, rowsAfter, outcomesKept: keepLaterOutcomes(db, laterOutcomes) };
  });
}
