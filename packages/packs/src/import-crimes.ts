import { assignCrimes, createWardIndex, forceAreaFor, parseOutcomesCsv, parseStreetCsv, type AssignmentSummary, type CsvInput, type WardFeatureCollection, type WardIndex } from "@wardpanel/crime-data";
import type { Db } from "@wardpanel/db/client";
import { applyOutcomes, replaceCrimeMonth, type ApplyOutcomesResult, type ReplaceCrimeMonthResult } from "@wardpanel/db/queries/crimes";
import { boroughs, wards } from "@wardpanel/db/schema";
import { eq } from "drizzle-orm";

const indexes = new WeakMap<Db, WardIndex>();

/** The ward lookup built from the wards held in the database (the same boundaries every page draws). */
export function wardIndexFor(db: Db): WardIndex {
  let index = indexes.get(db);
  if (!index) {
    const rows = db
      .select({ code: wards.code, name: wards.name, boroughCode: wards.boroughCode, boroughName: boroughs.name, boundary: wards.boundary })
      .from(wards)
      .innerJoin(boroughs, eq(boroughs.code, wards.boroughCode))
      .all();
    const collection: WardFeatureCollection = {
      type: "FeatureCollection",
      features: rows.map((r) => ({
        type: "Feature",
        properties: { WD22CD: r.code, WD22NM: r.name, LAD22CD: r.boroughCode, LAD22NM: r.boroughName },
        geometry: r.boundary as WardFeatureCollection["features"][number]["geometry"],
      })),
    };
    index = createWardIndex(collection);
    indexes.set(db, index);
  }
  return index;
}

export type CrimeFileInput = { input: CsvInput; fileName: string };

export type ImportCrimeFilesParams = {
  street?: CrimeFileInput | undefined;
  outcomes?: CrimeFileInput | undefined;
  /** "YYYY-MM": refuse files for any other month. */
  expectedMonth?: string | undefined;
  importedBy: number | null;
  now: Date;
};

export type ImportCrimeFilesResult = {
  street: (ReplaceCrimeMonthResult & { month: string; force: string; summary: AssignmentSummary }) | null;
  outcomes: (ApplyOutcomesResult & { month: string; force: string; rows: number }) | null;
};

/**
 * Imports a police.uk month: both files are parsed and checked first (a bad file throws
 * CrimeFileError with its line, before anything is written), then the street rows replace the
 * force's month and the outcomes are applied, in one transaction: all of it or none of it.
 */
export async function importCrimeFiles(db: Db, params: ImportCrimeFilesParams): Promise<ImportCrimeFilesResult> {
  if (!params.street && !params.outcomes) throw new RangeError("importCrimeFiles needs a street file, an outcomes file or both");
  const options = params.expectedMonth ? { expectedMonth: params.expectedMonth } : {};
  const street = params.street ? await parseStreetCsv(params.street.input, options) : null;
  const outcomes = params.outcomes ? await parseOutcomesCsv(params.outcomes.input, options) : null;
  const assignment = street ? assignCrimes(street.rows, wardIndexFor(db), forceAreaFor(street.reportedBy)) : null;
  if (outcomes) forceAreaFor(outcomes.reportedBy);

  return db.transaction(() => {
    const stored =
      street && assignment && params.street
        ? {
            ...replaceCrimeMonth(db, {
              force: street.reportedBy,
              month: street.month,
              fileName: params.street.fileName,
              crimes: assignment.crimes,
              summary: assignment.summary,
              importedBy: params.importedBy,
              now: params.now,
            }),
            month: street.month,
            force: street.reportedBy,
            summary: assignment.summary,
          }
        : null;
    const applied =
      outcomes && params.outcomes
        ? {
            ...applyOutcomes(db, {
              force: outcomes.reportedBy,
              month: outcomes.month,
              fileName: params.outcomes.fileName,
              updates: outcomes.updates,
              importedBy: params.importedBy,
              now: params.now,
            }),
            month: outcomes.month,
            force: outcomes.reportedBy,
            rows: outcomes.rows,
          }
        : null;
    return { street: stored, outcomes: applied };
  });
}
