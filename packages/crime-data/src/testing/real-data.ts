import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import type { WardFeatureCollection } from "../ward-boundaries";

/**
 * The real, unedited public files the tests run against (shipped in data/, see its ATTRIBUTION.md), and
 * deliberately naive ways of counting them, so the parser is checked against something independent.
 */
export const POLICE_UK_DATA = fileURLToPath(new URL("../../data/police-uk", import.meta.url));
const DATA = POLICE_UK_DATA;

export const REAL_FILES = {
  city202401: `${DATA}/city-of-london/2024-01-city-of-london-street.csv`,
  city202402: `${DATA}/city-of-london/2024-02-city-of-london-street.csv`,
  metStreet202412: `${DATA}/metropolitan-burglary-only/2024-12-metropolitan-street.csv`,
  metOutcomes202412: `${DATA}/metropolitan-burglary-only/2024-12-metropolitan-outcomes.csv`,
} as const;

export const WARDS_PATH = fileURLToPath(new URL("../../../db/data/london-wards-2022.geojson", import.meta.url));

export const FIXTURES = fileURLToPath(new URL("../../test-fixtures/", import.meta.url));

const WARD_DATA = fileURLToPath(new URL("../../data/wards/", import.meta.url));
const WARD_FIXTURES = `${FIXTURES}ward-files/`;

/** Ward files in each naming style and coordinate system (data/ATTRIBUTION.md, test-fixtures/ward-files/README.md). */
export const WARD_FILES = {
  london2022: WARDS_PATH,
  oadbyWigston2013: `${WARD_DATA}E07000135.json`,
  newport2013Welsh: `${WARD_DATA}W06000022.json`,
  lancashire2022Bgc: `${WARD_DATA}blackpool-fylde-wyre-wards-2022-bgc.geojson`,
  camdenGridWithCrs: `${WARD_FIXTURES}camden-bng.geojson`,
  camdenGridNoCrs: `${WARD_FIXTURES}camden-bng-no-crs.geojson`,
  camdenGridShapefile: `${WARD_FIXTURES}camden-bng.shp`,
  camdenWebMercator: `${WARD_FIXTURES}camden-web-mercator.geojson`,
  camdenBoundaryLineStyle: `${WARD_FIXTURES}camden-boundary-line-style.geojson`,
  /** An invented earlier Camden: Bloomsbury and Holborn & Covent Garden as one ward E05900001; Kilburn. */
  camdenBefore2022: `${WARD_FIXTURES}camden-before-2022.geojson`,
} as const;

/** The three Camden wards of the fixtures. */
export const CAMDEN_FIXTURE_WARDS = ["E05013653", "E05013662", "E05013665"] as const;

export function readText(path: string): string {
  return readFileSync(path, "utf8");
}

let wards: WardFeatureCollection | undefined;
export function londonWards(): WardFeatureCollection {
  wards ??= JSON.parse(readText(WARDS_PATH)) as WardFeatureCollection;
  return wards;
}

/** Data rows as arrays of cells by splitting on commas: safe because these files contain no quotes. */
export function naiveRows(path: string): string[][] {
  const text = readText(path);
  if (text.includes('"')) throw new Error(`${path} has quoted fields; the naive count would be wrong`);
  return text
    .split(/\r?\n/)
    .filter((line) => line !== "")
    .slice(1)
    .map((line) => line.split(","));
}

export function naiveCount<T extends string>(rows: string[][], column: number): Map<T, number> {
  const counts = new Map<T, number>();
  for (const row of rows) {
    const key = (row[column] ?? "") as T;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
