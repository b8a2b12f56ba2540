import { checkHeader } from "./columns";
import { CrimeIdentities } from "./crime-identity";
import { crimeTypeSlug } from "./crime-types";
import { type CsvInput, readCsvRecords } from "./csv-records";
import { CrimeFileError } from "./errors";
import { normaliseOutcomeName, outcomeGroupOf } from "./outcomes";
import { checkCoordinates, emptyToNull, FileMonth } from "./row-fields";
import { SingleForce } from "./single-force";
import type { StreetFile, StreetRow } from "./street-row";

export type ParseOptions = {
  /** "YYYY-MM": refuse the file unless every row is for this month. */
  expectedMonth?: string;
};

const COLUMN_COUNT = 12;

/**
 * Parses and validates a police.uk street-level crime CSV. All or nothing: the first bad line
 * throws CrimeFileError with its line number, so a month is never half imported.
 */
export async function parseStreetCsv(input: CsvInput, options: ParseOptions = {}): Promise<StreetFile> {
  const month = new FileMonth(options.expectedMonth);
  const force = new SingleForce();
  const identities = new CrimeIdentities();
  const rows: StreetRow[] = [];
  let headerSeen = false;

  for await (const batch of readCsvRecords(input)) {
    for (const { fields, line } of batch) {
      if (!headerSeen) {
        checkHeader(fields, "street");
        headerSeen = true;
        continue;
      }
      rows.push(parseRow(fields, line, month, force, identities));
    }
  }

  if (!headerSeen) throw new CrimeFileError(1, "the file is empty");
  if (rows.length === 0 || month.value === undefined || force.value === undefined) {
    // A force with no crimes in a month does not publish an empty file; this is a truncated download.
    throw new CrimeFileError(2, "the file has a header but no rows");
  }
  return { month: month.value, reportedBy: force.value, rows };
}

function parseRow(
  fields: string[],
  line: number,
  month: FileMonth,
  force: SingleForce,
  identities: CrimeIdentities,
): StreetRow {
  if (fields.length !== COLUMN_COUNT) {
    throw new CrimeFileError(line, `the row has ${fields.length} columns, expected ${COLUMN_COUNT}`);
  }
  const [
    crimeIdText,
    monthText,
    reportedBy,
    fallsWithin,
    lon,
    lat,
    location,
    lsoaCode,
    lsoaName,
    type,
    outcome,
    context,
  ] = fields as [string, string, string, string, string, string, string, string, string, string, string, string];

  const rowMonth = month.check(monthText, line);
  force.check(reportedBy, line);
  const crimeType = crimeTypeSlug(type);
  if (crimeType === null) {
    throw new CrimeFileError(line, `Crime type "${type}" is not one of the 14 police.uk crime types`, "Crime type");
  }
  const { longitude, latitude } = checkCoordinates(lon, lat, line);
  const crimeId = emptyToNull(crimeIdText.trim());
  const lastOutcome = outcome === "" ? null : normaliseOutcomeName(outcome);

  return {
    id: identities.idFor(crimeId, rowMonth, fields),
    crimeId,
    line,
    month: rowMonth,
    reportedBy,
    fallsWithin,
    longitude,
    latitude,
    location,
    lsoaCode: emptyToNull(lsoaCode),
    lsoaName: emptyToNull(lsoaName),
    crimeType,
    lastOutcome,
    outcomeGroup: lastOutcome === null ? null : outcomeGroupOf(lastOutcome),
    context: emptyToNull(context),
  };
}
