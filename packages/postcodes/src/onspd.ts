import { PostcodeFileError } from "./errors";
import { normalisePostcode } from "./postcode-format";
import { gssCodeOrNull, type PostcodeRecord } from "./postcode-record";

/**
 * The ONS Postcode Directory (ONSPD) and National Statistics Postcode Lookup (NSPL): one postcode a
 * row under a header of column names (ONSPD user guide). We read only the columns below, found by
 * name, so the 52-column ONSPD, the slimmer NSPL and later editions (whose geography columns are
 * named by vintage, `wd25cd`, `lad25cd`) all work. `lat` 99.999999 / `long` 0.000000 means "no
 * grid reference" (Channel Islands, Isle of Man, some non-geographic postcodes).
 */
const COLUMN_NAMES = {
  postcode: ["pcds", "pcd", "pcd7", "pcd8", "pcd2"],
  lat: ["lat"],
  long: ["long"],
  terminated: ["doterm"],
  ward: ["osward", "ward", /^wd\d\dcd$/],
  district: ["oslaua", "laua", /^lad\d\dcd$/],
} as const;

const NO_LOCATION_LATITUDE = 99.999999;

export type OnspdColumns = {
  postcode: number;
  lat: number;
  long: number;
  terminated: number;
  ward: number;
  district: number;
  count: number;
};

/** True when a first row looks like an ONSPD/NSPL header (it names a postcode column and lat). */
export function isOnspdHeader(fields: readonly string[]): boolean {
  const names = fields.map((f) => f.trim().toLowerCase());
  return names.includes("lat") && COLUMN_NAMES.postcode.some((n) => names.includes(n));
}

/** Finds our columns in the header; refuses a header without postcode, lat and long. */
export function readOnspdHeader(file: string, fields: readonly string[]): OnspdColumns {
  const names = fields.map((f) => f.trim().toLowerCase());
  const find = (candidates: readonly (string | RegExp)[]) => {
    for (const candidate of candidates) {
      const at = names.findIndex((n) => (typeof candidate === "string" ? n === candidate : candidate.test(n)));
      if (at >= 0) return at;
    }
    return -1;
  };
  const columns = {
    postcode: find(COLUMN_NAMES.postcode),
    lat: find(COLUMN_NAMES.lat),
    long: find(COLUMN_NAMES.long),
    terminated: find(COLUMN_NAMES.terminated),
    ward: find(COLUMN_NAMES.ward),
    district: find(COLUMN_NAMES.district),
    count: fields.length,
  };
  const missing = (["postcode", "lat", "long"] as const).filter((k) => columns[k] < 0);
  if (missing.length > 0) {
    const wanted = missing.map((k) => COLUMN_NAMES[k].filter((c) => typeof c === "string").join(" or ")).join(", ");
    throw new PostcodeFileError(file, 1, `the ONSPD/NSPL header has no ${wanted} column`);
  }
  return columns;
}

/** One ONSPD/NSPL row as a record; refuses a row with the wrong number of fields or a bad value. */
export function readOnspdRow(
  file: string,
  line: number,
  fields: readonly string[],
  columns: OnspdColumns,
): PostcodeRecord {
  if (fields.length !== columns.count) {
    throw new PostcodeFileError(file, line, `${fields.length} fields where the header has ${columns.count}`);
  }
  const text = fields[columns.postcode] ?? "";
  const postcode = normalisePostcode(text);
  if (!postcode) throw new PostcodeFileError(file, line, `"${text}" is not a UK postcode`);
  const lat = Number(fields[columns.lat]);
  const lon = Number(fields[columns.long]);
  if (
    fields[columns.lat]?.trim() === "" ||
    fields[columns.long]?.trim() === "" ||
    !Number.isFinite(lat) ||
    !Number.isFinite(lon)
  ) {
    throw new PostcodeFileError(
      file,
      line,
      `lat "${fields[columns.lat]}" / long "${fields[columns.long]}" are not numbers`,
    );
  }
  const located = lat !== NO_LOCATION_LATITUDE;
  const doterm = columns.terminated >= 0 ? (fields[columns.terminated]?.trim() ?? "") : "";
  if (doterm !== "" && !/^\d{6}$/.test(doterm))
    throw new PostcodeFileError(file, line, `doterm "${doterm}" is not a YYYYMM date`);
  return {
    pcds: postcode.pcds,
    outward: postcode.outward,
    sector: postcode.sector,
    lat: located ? lat : null,
    lon: located ? lon : null,
    wardCode: columns.ward >= 0 ? gssCodeOrNull(fields[columns.ward]) : null,
    districtCode: columns.district >= 0 ? gssCodeOrNull(fields[columns.district]) : null,
    terminatedOn: doterm === "" ? null : `${doterm.slice(0, 4)}-${doterm.slice(4)}`,
    line,
  };
}
