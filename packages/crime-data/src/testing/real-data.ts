import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { type ForceArea, forceAreaFor } from "../force-areas";
import type { WardFeatureCollection } from "../ward-boundaries";

export { plainWardLookup } from "./plain-ward-lookup";

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

/** Real police.uk files of forces other than London's, for the tests of any force's import. */
export const OTHER_FORCE_FILES = {
  leicestershire202301: `${DATA}/leicestershire/2023-01-leicestershire-street.csv`,
  leicestershire202412: `${DATA}/leicestershire/2024-12-leicestershire-street.csv`,
  apiCrimesStreet201408: fileURLToPath(
    new URL("../../data/police-uk-api/crimes-street_all-crime_lat51.5017_lng0.0055_2014-08.json", import.meta.url),
  ),
  apiCrimeCategories: fileURLToPath(new URL("../../data/police-uk-api/crime-categories.json", import.meta.url)),
} as const;

const LEICESTERSHIRE_WARDS = fileURLToPath(new URL("../../data/leicestershire-wards-2013/", import.meta.url));

/** The 9 districts of the Leicestershire Police area (ONS codes, 2013), one boundary file each. */
export const LEICESTERSHIRE_DISTRICTS: Record<string, string> = {
  E06000016: "Leicester",
  E06000017: "Rutland",
  E07000129: "Blaby",
  E07000130: "Charnwood",
  E07000131: "Harborough",
  E07000132: "Hinckley and Bosworth",
  E07000133: "Melton",
  E07000134: "North West Leicestershire",
  E07000135: "Oadby and Wigston",
};

/** The real ONS 2013 ward file of each Leicestershire district, as `wards load --file` takes them. */
export function leicestershireWardFiles(): Array<{ boroughCode: string; boroughName: string; path: string }> {
  return Object.entries(LEICESTERSHIRE_DISTRICTS).map(([boroughCode, boroughName]) => ({
    boroughCode,
    boroughName,
    path: `${LEICESTERSHIRE_WARDS}${boroughCode}.json`,
  }));
}

type Wd13Collection = {
  features: Array<{
    properties: { WD13CD: string; WD13NM: string };
    geometry: WardFeatureCollection["features"][number]["geometry"];
  }>;
};

/**
 * The 171 ONS 2013 wards of the Leicestershire Police area read straight from the raw files, with
 * the WD22/LAD22 property names this package's index reads: for tests that place points without
 * the ward file loader, or check it (apps/server/src/leicestershire.test.ts loads the same files
 * through `pnpm cli wards load`).
 */
export function leicestershireWards(): WardFeatureCollection {
  return {
    type: "FeatureCollection",
    features: Object.entries(LEICESTERSHIRE_DISTRICTS).flatMap(([lad, ladName]) =>
      (JSON.parse(readText(`${LEICESTERSHIRE_WARDS}${lad}.json`)) as Wd13Collection).features.map((f) => ({
        type: "Feature" as const,
        properties: { WD22CD: f.properties.WD13CD, WD22NM: f.properties.WD13NM, LAD22CD: lad, LAD22NM: ladName },
        geometry: f.geometry,
      })),
    ),
  };
}

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

const LONDON_NAMES: Record<string, string> = {
  "Metropolitan Police Service": "metropolitan",
  "City of London Police": "city-of-london",
};

/**
 * The area of a London force's file as a Met deployment sees it (POLICE_FORCE_ID=metropolitan), for
 * tests of London's files: `assignCrimes(rows, wards, londonAreaOf)`.
 */
export function londonAreaOf(reportedBy: string): ForceArea {
  const id = LONDON_NAMES[reportedBy];
  if (id === undefined) throw new Error(`londonAreaOf: "${reportedBy}" is not a London force`);
  return forceAreaFor({ id, name: reportedBy }, "metropolitan");
}
