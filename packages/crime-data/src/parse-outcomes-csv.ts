import { checkHeader } from "./columns";
import { type CsvInput, readCsvRecords } from "./csv-records";
import { CrimeFileError } from "./errors";
import { normaliseOutcomeName, type OutcomeGroup, outcomeGroupOf } from "./outcomes";
import type { ParseOptions } from "./parse-street-csv";
import { checkCoordinates, FileMonth } from "./row-fields";
import { SingleForce } from "./single-force";

/**
 * "Set the last outcome of every crime with this Crime ID". The crime may be from this month or any
 * earlier one: police.uk's outcomes file for a month lists the outcomes *recorded* that month. Apply
 * an update only when `month` is not older than the outcome month already stored, so importing an old
 * outcomes file after a newer one does not turn the clock back.
 */
export type OutcomeUpdate = {
  crimeId: string;
  /** The month the outcome was recorded (the outcomes file's month). */
  month: string;
  /** In the API's spelling (see outcomes.ts). */
  outcome: string;
  outcomeGroup: OutcomeGroup;
  /** 1-based line in the file of the row this update came from. */
  line: number;
};

export type OutcomesFile = {
  month: string;
  reportedBy: string;
  /** One per Crime ID, in the order the Crime IDs first appear. */
  updates: OutcomeUpdate[];
  /** Data rows in the file; `rows - updates.length` rows repeated a Crime ID. */
  rows: number;
};

const COLUMN_COUNT = 10;

/**
 * Parses and validates a police.uk outcomes CSV. Real files repeat rows (49 exact repeats in the Met's
 * 2024-12 burglary extract); when a Crime ID has several outcomes in one month the file gives no date
 * to order them by, so the last one in file order wins, matching how police.uk lists them oldest first.
 */
export async function parseOutcomesCsv(input: CsvInput, options: ParseOptions = {}): Promise<OutcomesFile> {
  const month = new FileMonth(options.expectedMonth);
  const force = new SingleForce();
  const updates = new Map<string, OutcomeUpdate>();
  let headerSeen = false;
  let rows = 0;

  for await (const batch of readCsvRecords(input)) {
    for (const { fields, line } of batch) {
      if (!headerSeen) {
        checkHeader(fields, "outcomes");
        headerSeen = true;
        continue;
      }
      rows += 1;
      const update = parseRow(fields, line, month, force);
      updates.set(update.crimeId, update);
    }
  }

  if (!headerSeen) throw new CrimeFileError(1, "the file is empty");
  if (rows === 0 || month.value === undefined || force.value === undefined) {
    throw new CrimeFileError(2, "the file has a header but no rows");
  }
  return { month: month.value, reportedBy: force.value, updates: [...updates.values()], rows };
}

function parseRow(fields: string[], line: number, month: FileMonth, force: SingleForce): OutcomeUpdate {
  if (fields.length !== COLUMN_COUNT) {
    throw new CrimeFileError(line, `the row has ${fields.length} columns, expected ${COLUMN_COUNT}`);
  }
  const [crimeId, monthText, reportedBy, fallsWithin, lon, lat, , , , outcomeText] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const rowMonth = month.check(monthText, line);
  force.check(fallsWithin, reportedBy, line);
  checkCoordinates(lon, lat, line);
  // Without a Crime ID an outcome cannot be matched to any crime.
  if (crimeId.trim() === "") throw new CrimeFileError(line, "Crime ID is empty", "Crime ID");
  if (outcomeText.trim() === "") throw new CrimeFileError(line, "Outcome type is empty", "Outcome type");
  const outcome = normaliseOutcomeName(outcomeText);
  return { crimeId: crimeId.trim(), month: rowMonth, outcome, outcomeGroup: outcomeGroupOf(outcome), line };
}
