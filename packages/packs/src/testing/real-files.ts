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
