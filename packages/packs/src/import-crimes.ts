import {
  assignCrimes,
  type Assignment,
  type AssignmentSummary,
  CrimeFileError,
  type CsvInput,
  type ForceArea,
  forceAreaFor,
  type OutcomesFile,
  parseOutcomesCsv,
  parseStreetCsv,
  parseStreetJson,
  type StreetFile,
  UnknownForceError,
} from "@wardpanel/crime-data";
import type { Db } from "@wardpanel/db/client";
import {
  describeMonthChange,
  findCrimeIdsHeldElsewhere,
  getHeldVersion,
  type MonthChange,
  type WardCounts,
} from "@wardpanel/db/queries/crime-versions";
import {
  applyOutcomes,
  type ApplyOutcomesResult,
  replaceCrimeMonth,
  type ReplaceCrimeMonthResult,
} from "@wardpanel/db/queries/crimes";
import { wardIndexFor } from "@wardpanel/db/ward-index";
import {
  defined,
  DomainError,
  POLICE_FORCES,
  type PoliceForceId,
  policeForceIdOf,
  policeForceName,
} from "@wardpanel/validators";

import { type CrimeFileField, CrimeImportRefusal, ReplaceNotConfirmedError } from "./crime-import-errors";

// The ward lookup lives in db since postcodes place points with it too; re-exported for the bench and callers.
export { wardIndexFor };

type CrimeFileInput = { input: CsvInput; fileName: string };

type PrepareCrimeImportParams = {
  /** A police.uk street CSV, or a data.police.uk API answer (crimes-street, crimes-at-location: JSON). */
  street?: CrimeFileInput | undefined;
  outcomes?: CrimeFileInput | undefined;
  /** "YYYY-MM": refuse files for any other month. */
  expectedMonth?: string | undefined;
  /**
   * The deployment's own force (POLICE_FORCE_ID, decision 0023): it polices every loaded ward outside
   * London; an API answer is about its area. Defaults to the Metropolitan Police Service.
   */
  homeForceId?: PoliceForceId | undefined;
};

/** Files parsed, checked and placed in wards, not yet written: what an import would do. */
type PreparedCrimeImport = {
  /** The force the files are from: its police.uk id ("metropolitan") and name. */
  forceId: string;
  force: string;
  street: { fileName: string; file: StreetFile; assignment: Assignment } | null;
  outcomes: { fileName: string; file: OutcomesFile } | null;
  /** What the street file would change in its month (null with no street file). */
  change: MonthChange | null;
};

/**
 * Parses and checks police.uk files without writing anything: each file's rows (CrimeFileError
 * becomes a CrimeImportRefusal naming the file and line), the force (one force per upload, and one
 * Ward Panel knows), and that no crime is already held for another month. Returns what replacing
 * the street file's month would change, ward by ward.
 */
export async function prepareCrimeImport(db: Db, params: PrepareCrimeImportParams): Promise<PreparedCrimeImport> {
  if (!params.street && !params.outcomes)
    throw new RangeError("prepareCrimeImport needs a street file, an outcomes file or both");
  const homeForceId = params.homeForceId ?? "metropolitan";
  const options = params.expectedMonth ? { expectedMonth: params.expectedMonth } : {};
  const { street: streetInput, outcomes: outcomesInput } = params;
  if (streetInput) refuseEmpty("street", streetInput);
  if (outcomesInput) refuseEmpty("outcomes", outcomesInput);
  const streetFile = streetInput
    ? await refusingAs("street", streetInput.fileName, () =>
        isJson(streetInput)
          ? Promise.resolve(
              parseStreetJson(streetInput.input as string | Buffer, {
                ...options,
                forceName: policeForceName(homeForceId),
                btpName: policeForceName("btp"),
              }),
            )
          : parseStreetCsv(streetInput.input, options),
      )
    : null;
  const outcomesFile = outcomesInput
    ? await refusingAs("outcomes", outcomesInput.fileName, () => parseOutcomesCsv(outcomesInput.input, options))
    : null;

  // Each file's force, said against the file it is named in.
  const streetForce =
    streetFile && streetInput ? knownForce(streetFile.reportedBy, "street", streetInput.fileName) : null;
  const outcomesForce =
    outcomesFile && outcomesInput ? knownForce(outcomesFile.reportedBy, "outcomes", outcomesInput.fileName) : null;
  const force = defined(streetForce ?? outcomesForce, "a street or outcomes file's force");
  const reportedBy = defined(streetFile ?? outcomesFile, "a street or outcomes file").reportedBy;
  if (streetFile && outcomesFile && outcomesFile.reportedBy !== streetFile.reportedBy) {
    throw new CrimeImportRefusal(
      "outcomes",
      outcomesInput?.fileName ?? "",
      null,
      `it is from ${outcomesFile.reportedBy} but the street file is from ${streetFile.reportedBy}: import each force's files separately`,
    );
  }

  const street =
    streetFile && params.street
      ? {
          fileName: params.street.fileName,
          file: streetFile,
          assignment: assignCrimes(
            streetFile.rows,
            wardIndexFor(db, streetFile.month),
            rowForces(params.street.fileName, homeForceId),
          ),
        }
      : null;
  if (street) assertNoCrimeHeldElsewhere(db, street);
  return {
    forceId: force.id,
    force: reportedBy,
    street,
    outcomes: outcomesFile && params.outcomes ? { fileName: params.outcomes.fileName, file: outcomesFile } : null,
    change: street
      ? describeMonthChange(db, { force: reportedBy, month: street.file.month, after: countByWard(street.assignment) })
      : null,
  };
}

type CommitCrimeImportParams = {
  /**
   * Set only after the person has seen what replacing the month changes: the version they saw as
   * held. Without it a held month is refused with ReplaceNotConfirmedError; with a version that is
   * no longer the held one, with a conflict (someone changed the month since the preview).
   */
  replace?: { heldImportId: number | null } | null | undefined;
  importedBy: number | null;
  now: Date;
};

export type ImportCrimeFilesResult = {
  street: (ReplaceCrimeMonthResult & { month: string; force: string; summary: AssignmentSummary }) | null;
  outcomes: (ApplyOutcomesResult & { month: string; force: string; rows: number }) | null;
};

/**
 * Writes prepared files in one transaction: the street rows replace the force's month (the rows
 * replaced are kept, to restore) and the outcomes are applied: all of it or none of it.
 */
export function commitCrimeImport(
  db: Db,
  prepared: PreparedCrimeImport,
  params: CommitCrimeImportParams,
): ImportCrimeFilesResult {
  return db.transaction(() => {
    const { street, outcomes } = prepared;
    let stored: ImportCrimeFilesResult["street"] = null;
    if (street) {
      const month = street.file.month;
      const held = getHeldVersion(db, { force: prepared.force, month });
      if (held.rows > 0 && !params.replace)
        throw new ReplaceNotConfirmedError(
          describeMonthChange(db, { force: prepared.force, month, after: countByWard(street.assignment) }),
        );
      if (held.rows > 0 && params.replace && params.replace.heldImportId !== held.importId) {
        throw new DomainError(
          "conflict",
          `${prepared.force}'s ${month} has changed since you saw what this upload would change. Nothing was changed: upload the files again to see the new comparison.`,
        );
      }
      // Checked again inside the transaction: another import may have landed since the preview.
      assertNoCrimeHeldElsewhere(db, street);
      stored = {
        ...replaceCrimeMonth(db, {
          force: prepared.force,
          month,
          fileName: street.fileName,
          crimes: street.assignment.crimes,
          summary: street.assignment.summary,
          importedBy: params.importedBy,
          now: params.now,
        }),
        month,
        force: prepared.force,
        summary: street.assignment.summary,
      };
    }
    const applied = outcomes
      ? {
          ...applyOutcomes(db, {
            force: outcomes.file.reportedBy,
            month: outcomes.file.month,
            fileName: outcomes.fileName,
            updates: outcomes.file.updates,
            importedBy: params.importedBy,
            now: params.now,
          }),
          month: outcomes.file.month,
          force: outcomes.file.reportedBy,
          rows: outcomes.file.rows,
        }
      : null;
    return { street: stored, outcomes: applied };
  });
}

type ImportCrimeFilesParams = PrepareCrimeImportParams & CommitCrimeImportParams;

/**
 * Imports a police.uk month: prepareCrimeImport, then commitCrimeImport. A bad file throws
 * CrimeImportRefusal before anything is written; a month already held throws
 * ReplaceNotConfirmedError unless `replace` names the version the caller agreed to replace.
 */
export async function importCrimeFiles(db: Db, params: ImportCrimeFilesParams): Promise<ImportCrimeFilesResult> {
  return commitCrimeImport(db, await prepareCrimeImport(db, params), params);
}

/** A file with no bytes at all is named as empty, never taken for "no file chosen". */
function refuseEmpty(field: CrimeFileField, file: CrimeFileInput): void {
  const { input } = file;
  if ((typeof input === "string" || Buffer.isBuffer(input)) && input.length === 0)
    throw new CrimeImportRefusal(field, file.fileName, null, "it is empty (0 bytes)");
}

/** A data.police.uk API answer: named .json, or text starting with a JSON list or object. */
function isJson({ input, fileName }: CrimeFileInput): boolean {
  if (typeof input !== "string" && !Buffer.isBuffer(input)) return false;
  if (/\.json$/i.test(fileName)) return true;
  const start = (typeof input === "string" ? input.slice(0, 64) : input.subarray(0, 64).toString("utf8"))
    .replace(/^\uFEFF/, "")
    .trimStart();
  return start.startsWith("[") || start.startsWith("{");
}

/** The force a file falls within, or a refusal naming the file. */
function knownForce(name: string, field: CrimeFileField, fileName: string): { id: PoliceForceId; name: string } {
  const id = policeForceIdOf(name);
  if (id === null) {
    const error = new UnknownForceError(
      name,
      POLICE_FORCES.map((f) => f.name),
    );
    throw new CrimeImportRefusal(field, fileName, null, error.message);
  }
  return { id, name };
}

/** The area of each row's reporting force, looked up once per force; an unknown one is refused at its line. */
function rowForces(fileName: string, homeForceId: PoliceForceId): (reportedBy: string, line: number) => ForceArea {
  const areas = new Map<string, ForceArea>();
  return (reportedBy, line) => {
    let area = areas.get(reportedBy);
    if (area === undefined) {
      const id = policeForceIdOf(reportedBy);
      if (id === null)
        throw new CrimeImportRefusal(
          "street",
          fileName,
          line,
          `Reported by is "${reportedBy}", which is no police force police.uk publishes for`,
        );
      area = forceAreaFor({ id, name: reportedBy }, homeForceId);
      areas.set(reportedBy, area);
    }
    return area;
  };
}

/** A parser's or force lookup's refusal, said against the file it came from. */
async function refusingAs<T>(field: CrimeFileField, fileName: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CrimeFileError)
      throw new CrimeImportRefusal(field, fileName, error.line, error.reason, error.unit);
    if (error instanceof UnknownForceError) throw new CrimeImportRefusal(field, fileName, null, error.message);
    throw error;
  }
}

/** A crime belongs to one month: a row whose id is held for another month is refused, first by line. */
function assertNoCrimeHeldElsewhere(db: Db, street: NonNullable<PreparedCrimeImport["street"]>): void {
  const { file } = street;
  const held = findCrimeIdsHeldElsewhere(db, {
    force: file.reportedBy,
    month: file.month,
    ids: street.assignment.crimes.map((c) => c.id),
  });
  if (held.length === 0) return;
  const heldById = new Map(held.map((h) => [h.id, h]));
  const clashing = file.rows.filter((r) => heldById.has(r.id));
  const first = defined(clashing[0], "a clashing row");
  const where = defined(heldById.get(first.id), "where the clashing crime is held");
  const others =
    clashing.length > 1
      ? ` (${clashing.length - 1} more ${clashing.length === 2 ? "row clashes" : "rows clash"} the same way)`
      : "";
  throw new CrimeImportRefusal(
    "street",
    street.fileName,
    first.line,
    `Crime ID ${first.crimeId ?? first.id} is already held for ${where.month}${where.force === file.reportedBy ? "" : ` (${where.force})`}, and a crime belongs to one month${others}`,
  );
}

function countByWard(assignment: Assignment): WardCounts {
  const counts: WardCounts = new Map();
  for (const c of assignment.crimes) counts.set(c.wardCode, (counts.get(c.wardCode) ?? 0) + 1);
  return counts;
}
