import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The real police.uk files shipped with @wardpanel/crime-data (see its data/ATTRIBUTION.md). */
const POLICE_UK_DIR = fileURLToPath(new URL("../../../crime-data/data/police-uk/", import.meta.url));

export const POLICE_UK_FILES = {
  city202401: `${POLICE_UK_DIR}city-of-london/2024-01-city-of-london-street.csv`,
  city202402: `${POLICE_UK_DIR}city-of-london/2024-02-city-of-london-street.csv`,
  metStreet202412: `${POLICE_UK_DIR}metropolitan-burglary-only/2024-12-metropolitan-street.csv`,
  metOutcomes202412: `${POLICE_UK_DIR}metropolitan-burglary-only/2024-12-metropolitan-outcomes.csv`,
} as const;

const CRIME_DATA = fileURLToPath(new URL("../../../crime-data/", import.meta.url));

/** Files of other forces: a synthetic British Transport Police month, and a real police.uk API answer with the same records as CSV. */
export const OTHER_FORCE_FILES = {
  btp202401: `${CRIME_DATA}test-fixtures/btp-2024-01-street-synthetic.csv`,
  apiCrimesStreet201408: `${CRIME_DATA}data/police-uk-api/crimes-street_all-crime_lat51.5017_lng0.0055_2014-08.json`,
  apiCrimesStreet201408AsCsv: `${CRIME_DATA}test-fixtures/api-crimes-street-2014-08-as-csv.csv`,
} as const;

export const EARLIER_MONTH_OUTCOMES = fileURLToPath(
  new URL("../../../crime-data/test-fixtures/earlier-month-outcomes.csv", import.meta.url),
);

/** Data rows split on commas: an independent count (these files contain no quoted fields). */
export function naiveRows(path: string): string[][] {
  const text = readFileSync(path, "utf8");
  if (text.includes('"')) throw new Error(`${path} has quoted fields; a naive split would miscount`);
  return text
    .split(/\r?\n/)
    .filter((line) => line !== "")
    .slice(1)
    .map((line) => line.split(","));
}
