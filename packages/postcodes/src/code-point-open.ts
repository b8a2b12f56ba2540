import { PostcodeFileError } from "./errors";
import { gridToWgs84 } from "./national-grid";
import { normalisePostcode } from "./postcode-format";
import { gssCodeOrNull, type PostcodeRecord } from "./postcode-record";

/**
 * OS Code-Point Open: no header; 10 columns in the order of Doc/Code-Point_Open_Column_Headers.csv
 * (PC, PQ, EA, NO, CY, RH, LH, CC, DC, WC): postcode, positional quality, eastings, northings
 * (British National Grid, metres), country, NHS region, NHS health authority, county, district,
 * ward. Holds live postcodes only. Positional quality 90 means "no coordinates" (OS Code-Point
 * Open user guide, table of PQI values).
 */
export const CODE_POINT_OPEN_COLUMNS = ["PC", "PQ", "EA", "NO", "CY", "RH", "LH", "CC", "DC", "WC"] as const;

const NO_COORDINATES = "90";

/** True when a first row looks like Code-Point Open (10 fields, a postcode first). */
export function isCodePointRow(fields: readonly string[]): boolean {
  return fields.length === CODE_POINT_OPEN_COLUMNS.length && normalisePostcode(fields[0] ?? "") !== null;
}

export function readCodePointRow(file: string, line: number, fields: readonly string[]): PostcodeRecord {
  if (fields.length !== CODE_POINT_OPEN_COLUMNS.length) {
    throw new PostcodeFileError(
      file,
      line,
      `${fields.length} fields where Code-Point Open has ${CODE_POINT_OPEN_COLUMNS.length}`,
    );
  }
  const [text = "", quality = "", eastings = "", northings = "", , , , , district, ward] = fields;
  const postcode = normalisePostcode(text);
  if (!postcode) throw new PostcodeFileError(file, line, `"${text}" is not a UK postcode`);
  const easting = Number(eastings);
  const northing = Number(northings);
  if (eastings.trim() === "" || northings.trim() === "" || !Number.isFinite(easting) || !Number.isFinite(northing)) {
    throw new PostcodeFileError(file, line, `eastings "${eastings}" / northings "${northings}" are not numbers`);
  }
  const point = quality.trim() === NO_COORDINATES ? null : gridToWgs84(easting, northing);
  return {
    pcds: postcode.pcds,
    outward: postcode.outward,
    sector: postcode.sector,
    lat: point?.lat ?? null,
    lon: point?.lon ?? null,
    wardCode: gssCodeOrNull(ward),
    districtCode: gssCodeOrNull(district),
    terminatedOn: null,
    line,
  };
}
