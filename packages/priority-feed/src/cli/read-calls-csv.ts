import { parse } from "csv-parse/sync";

import type { Call } from "../match/call.js";
import { isWardCode, normalisePostcode } from "../match/normalise.js";
import { CliError } from "./cli-error.js";

/**
 * Calls for `match-csv`. A header row is required; columns (any order, all but call_ref optional):
 *   call_ref  your reference for the call (required, echoed in the output)
 *   lon, lat  WGS84 decimal degrees; both or neither
 *   street    street name as recorded, or a whole address line
 *   ward      ONS ward code (E05…) of the incident, when known: street matches stay in that ward
 *   postcode  full postcode or sector, any case or spacing
 *   beat      force beat code
 *   category  police.uk slug or "Crime type" name
 *   at        ISO 8601 date-time of the call; empty means now
 * Every bad row is reported with its line number before anything is matched.
 */
export const CALL_COLUMNS = ["call_ref", "lon", "lat", "street", "ward", "postcode", "beat", "category", "at"] as const;

export interface CsvCall {
  line: number;
  callRef: string;
  call: Call;
}

export function readCallsCsv(text: string, fileName: string): CsvCall[] {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(text, { columns: true, info: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw new CliError(`${fileName}: ${(error as Error).message}`);
  }
  const header = rows[0] ? Object.keys(rows[0].record) : [];
  const unknown = header.filter((column) => !(CALL_COLUMNS as readonly string[]).includes(column));
  if (unknown.length > 0)
    throw new CliError(`${fileName} line 1: unknown column ${unknown.join(", ")}; expected ${CALL_COLUMNS.join(", ")}`);
  if (rows.length > 0 && !header.includes("call_ref"))
    throw new CliError(`${fileName} line 1: a call_ref column is required`);

  const calls: CsvCall[] = [];
  const errors: string[] = [];
  for (const { record, info } of rows) {
    const problems: string[] = [];
    const call = toCall(record, problems);
    if (problems.length > 0) errors.push(`${fileName} line ${info.lines}: ${problems.join("; ")}`);
    else calls.push({ line: info.lines, callRef: record.call_ref ?? "", call });
  }
  if (errors.length > 0) {
    const shown = errors.slice(0, 20);
    if (errors.length > shown.length) shown.push(`… and ${errors.length - shown.length} more bad rows`);
    throw new CliError(shown.join("\n"));
  }
  return calls;
}

function toCall(record: Record<string, string>, problems: string[]): Call {
  const field = (name: string): string | null => (record[name] ? record[name] : null);
  if (!field("call_ref")) problems.push("call_ref is empty");
  const lon = coordinate(field("lon"), "lon", 180, problems);
  const lat = coordinate(field("lat"), "lat", 90, problems);
  if ((lon === null) !== (lat === null)) problems.push("lon and lat must be given together");
  const postcode = field("postcode");
  if (postcode !== null) {
    const normalised = normalisePostcode(postcode);
    if (normalised.full === null && normalised.sector === null)
      problems.push(`postcode "${postcode}" is not a UK postcode or sector`);
  }
  const ward = field("ward");
  if (ward !== null && !isWardCode(ward))
    problems.push(`ward "${ward}" is not an ONS ward code (a letter and 8 digits, e.g. E05013806)`);
  const at = field("at");
  if (at !== null && !Number.isFinite(Date.parse(at))) problems.push(`at "${at}" is not an ISO 8601 date-time`);
  return { lon, lat, street: field("street"), ward, postcode, beat: field("beat"), category: field("category"), at };
}

function coordinate(text: string | null, name: string, limit: number, problems: string[]): number | null {
  if (text === null) return null;
  const value = Number(text);
  if (!Number.isFinite(value) || Math.abs(value) > limit) {
    problems.push(`${name} "${text}" is not a number between -${limit} and ${limit}`);
    return null;
  }
  return value;
}
