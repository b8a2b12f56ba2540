import { CRIME_TYPES } from "./crime-types";
import { CrimeFileError } from "./errors";
import type { StreetFile } from "./street-row";
import { type ParseOptions, type StreetCells, StreetRowReader } from "./street-rows";

export type ApiParseOptions = ParseOptions & {
  /**
   * The force the answer is about: police.uk's API says only `location_type` "Force" (this force) or
   * "BTP" per crime, never the force's name. Its name as the CSVs write it ("Metropolitan Police Service").
   */
  forceName: string;
  /** How the CSVs name the British Transport Police ("British Transport Police"). */
  btpName: string;
};

/** One crime as data.police.uk's crimes-street, crimes-at-location and crimes-no-location answer it. */
type ApiCrime = {
  category?: unknown;
  location_type?: unknown;
  location?: { latitude?: unknown; longitude?: unknown; street?: { name?: unknown } | null } | null;
  context?: unknown;
  outcome_status?: { category?: unknown } | null;
  persistent_id?: unknown;
  month?: unknown;
};

const nameBySlug = new Map<string, string>(CRIME_TYPES.map((t) => [t.slug, t.name]));

/**
 * Reads a data.police.uk API answer (https://data.police.uk/docs/method/crime-street/ and
 * crimes-at-location: a JSON list of crimes) through the same row path as the street CSV: each crime
 * is written as the CSV's 12 cells, then checked, identified and refused exactly as a CSV line is.
 * Messages name the crime by its place in the list ("Record 12"). The mapping (decision 0023):
 *
 * - `persistent_id` → Crime ID ("" for anti-social behaviour, as in the CSV); `month` → Month;
 * - `location_type` "BTP" → Reported by the British Transport Police, otherwise by `forceName`;
 *   Falls within is `forceName` for every crime (the answer is one force's area);
 * - `location.longitude` / `latitude` (strings, as the CSV) → Longitude / Latitude; no `location`
 *   (crimes-no-location) → both empty and Location "No Location";
 * - `location.street.name` ("On or near Marsh Wall", a station's name for BTP) → Location;
 * - `category` slug → the CSV's crime type name (data.police.uk /api/crime-categories);
 * - `outcome_status.category` → Last outcome category (empty when null); `context` → Context.
 *
 * The API gives no LSOA, so LSOA code and name are empty. Throws CrimeFileError.
 */
export function parseStreetJson(input: string | Buffer, options: ApiParseOptions): StreetFile {
  const text = typeof input === "string" ? input : input.toString("utf8");
  if (text.trim() === "") throw new CrimeFileError(1, "the file is empty");
  let list: unknown;
  try {
    list = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new CrimeFileError(1, `the file is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(list)) {
    throw new CrimeFileError(
      1,
      "the file is JSON but not a police.uk API list of crimes (the answer of crimes-street or crimes-at-location)",
    );
  }
  const reader = new StreetRowReader(options, "Record");
  list.forEach((crime: unknown, index) => reader.add(cellsOf(crime, index + 1, options), index + 1));
  return reader.finish({ line: 1, reason: "the list of crimes is empty" });
}

function cellsOf(crime: unknown, record: number, options: ApiParseOptions): StreetCells {
  if (typeof crime !== "object" || crime === null || Array.isArray(crime)) {
    throw recordError(record, "is not a crime (expected an object with category, location and month)");
  }
  const c = crime as ApiCrime;
  const category = text(c.category, "category", record);
  const type = nameBySlug.get(category);
  if (type === undefined || category === "all-crime") {
    throw recordError(record, `category "${category}" is not one of the 14 police.uk crime types`, "category");
  }
  const location = c.location ?? null;
  const reportedBy = c.location_type === "BTP" ? options.btpName : options.forceName;
  return [
    text(c.persistent_id ?? "", "persistent_id", record),
    text(c.month, "month", record),
    reportedBy,
    options.forceName,
    location === null ? "" : coordinate(location.longitude, "longitude", record),
    location === null ? "" : coordinate(location.latitude, "latitude", record),
    location === null ? "No Location" : text(location.street?.name ?? "", "location.street.name", record),
    "",
    "",
    type,
    c.outcome_status ? text(c.outcome_status.category, "outcome_status.category", record) : "",
    text(c.context ?? "", "context", record),
  ];
}

function text(value: unknown, field: string, record: number): string {
  if (typeof value !== "string") {
    throw recordError(
      record,
      `${field} is ${value === undefined ? "missing" : JSON.stringify(value)}, expected text`,
      field,
    );
  }
  return value;
}

/** The API writes coordinates as strings ("51.499798"); a number is accepted as the same value. */
function coordinate(value: unknown, field: string, record: number): string {
  if (typeof value === "number") return String(value);
  return text(value, `location.${field}`, record);
}

function recordError(record: number, reason: string, field?: string): CrimeFileError {
  return new CrimeFileError(record, reason, field, "Record");
}
