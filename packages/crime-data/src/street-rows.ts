import { CrimeIdentities } from "./crime-identity";
import { crimeTypeSlug } from "./crime-types";
import { CrimeFileError } from "./errors";
import { normaliseOutcomeName, outcomeGroupOf } from "./outcomes";
import { checkCoordinates, emptyToNull, FileMonth } from "./row-fields";
import { SingleForce } from "./single-force";
import type { StreetFile, StreetRow } from "./street-row";

export type ParseOptions = {
  /** "YYYY-MM": refuse the file unless every row is for this month. */
  expectedMonth?: string;
};

/** The police.uk street CSV's 12 cells, in column order (columns.ts STREET_COLUMNS). */
export type StreetCells = [
  crimeId: string,
  month: string,
  reportedBy: string,
  fallsWithin: string,
  longitude: string,
  latitude: string,
  location: string,
  lsoaCode: string,
  lsoaName: string,
  crimeType: string,
  lastOutcome: string,
  context: string,
];

export const STREET_CELL_COUNT = 12;

/**
 * The one path every street row takes, whatever it came in as: a CSV line, or an API record written
 * as the same 12 cells (parse-street-json.ts). So the same crimes give the same rows, ids and
 * refusals from either. `unit` says how the file's places are named in messages ("Line", "Record").
 */
export class StreetRowReader {
  private readonly month: FileMonth;
  private readonly force = new SingleForce();
  private readonly identities = new CrimeIdentities();
  private readonly rows: StreetRow[] = [];

  constructor(
    options: ParseOptions,
    private readonly unit: "Line" | "Record" = "Line",
  ) {
    this.month = new FileMonth(options.expectedMonth);
  }

  add(fields: readonly string[], line: number): void {
    try {
      this.rows.push(this.parseRow(fields, line));
    } catch (error) {
      if (error instanceof CrimeFileError && error.unit !== this.unit)
        throw new CrimeFileError(error.line, error.reason, error.column, this.unit);
      throw error;
    }
  }

  /** The file, once every row is in; a file without rows is refused with `empty` ({line, reason}). */
  finish(empty: { line: number; reason: string }): StreetFile {
    if (this.rows.length === 0 || this.month.value === undefined || this.force.value === undefined) {
      throw new CrimeFileError(empty.line, empty.reason, undefined, this.unit);
    }
    return { month: this.month.value, reportedBy: this.force.value, rows: this.rows };
  }

  private parseRow(fields: readonly string[], line: number): StreetRow {
    if (fields.length !== STREET_CELL_COUNT) {
      throw new CrimeFileError(line, `the row has ${fields.length} columns, expected ${STREET_CELL_COUNT}`);
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
    ] = fields as StreetCells;

    const rowMonth = this.month.check(monthText, line);
    this.force.check(fallsWithin, reportedBy, line);
    const crimeType = crimeTypeSlug(type);
    if (crimeType === null) {
      throw new CrimeFileError(line, `Crime type "${type}" is not one of the 14 police.uk crime types`, "Crime type");
    }
    const { longitude, latitude } = checkCoordinates(lon, lat, line);
    const crimeId = emptyToNull(crimeIdText.trim());
    const lastOutcome = outcome === "" ? null : normaliseOutcomeName(outcome);

    return {
      id: this.identities.idFor(crimeId, rowMonth, fields),
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
}
