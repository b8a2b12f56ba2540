import { parse } from "csv-parse/sync";
import pointInPolygon from "point-in-polygon-hao";

import { STREET_COLUMNS } from "../src/columns";
import { londonBoroughsOf } from "../src/force-areas";
import { readWardShapes, ringsBbox, type WardFeatureCollection, type WardShape } from "../src/ward-boundaries";

export type FullScaleMonthOptions = {
  /** ONS ward boundaries (packages/db/data/london-wards-2022.geojson). */
  wards: WardFeatureCollection;
  /** Real police.uk street CSV texts whose rows give the crime type, outcome and no-location mix. */
  templates: string[];
  rows?: number;
  month?: string;
  reportedBy?: string;
  /** Share of located rows put outside London altogether, as the Met's Walsall/Dartford points. */
  outsideLondonShare?: number;
  seed?: number;
};

/** Places outside London where the Met's real files put a few crimes. */
const OUTSIDE_LONDON: Array<[number, number]> = [
  [-1.98, 52.586], // Walsall
  [0.218, 51.446], // Dartford
  [0.11, 51.7], // Epping Forest
];

/**
 * A full month (default 100,000 rows, a Met month is about 90,000) in the exact police.uk street
 * format: the same 12 columns, one row per template row drawn at random, so the crime type, outcome
 * and "No Location" shares are the templates'. Each located row gets a point drawn uniformly inside a
 * random ward of the force's area (a few outside London); LSOA and street text stay the template's,
 * so they do not match the point. Crime IDs are fresh random hex; ASB rows keep an empty Crime ID.
 * Deterministic for a given seed, so a storage benchmark can rebuild the same file.
 */
export function buildFullScaleMonth(options: FullScaleMonthOptions): string {
  const {
    rows = 100_000,
    month = "2024-12",
    reportedBy = "Metropolitan Police Service",
    outsideLondonShare = 0.001,
    seed = 20241201,
  } = options;
  const random = mulberry32(seed);
  const templates = options.templates.flatMap((text) => parse(text, { from_line: 2 }) as string[][]);
  if (templates.length === 0) throw new Error("buildFullScaleMonth needs at least one template row");
  const area = londonBoroughsOf(reportedBy === "City of London Police" ? "city-of-london" : "metropolitan");
  const wards = readWardShapes(options.wards).filter((w) => area.has(w.ref.boroughCode));

  const lines: string[] = [STREET_COLUMNS.join(",")];
  for (let i = 0; i < rows; i += 1) {
    const template = templates[Math.floor(random() * templates.length)] ?? [];
    const cells = [...template];
    cells[0] = cells[0] === "" ? "" : randomHex(random, 64);
    cells[1] = month;
    cells[2] = reportedBy;
    cells[3] = reportedBy;
    if (cells[4] !== "") {
      const [lon, lat] =
        random() < outsideLondonShare
          ? jitter(OUTSIDE_LONDON[Math.floor(random() * OUTSIDE_LONDON.length)] ?? [0, 52], random)
          : pointInWard(wards[Math.floor(random() * wards.length)], random);
      cells[4] = lon.toFixed(6);
      cells[5] = lat.toFixed(6);
    }
    lines.push(cells.map(csvCell).join(","));
  }
  return `${lines.join("\n")}\n`;
}

function pointInWard(ward: WardShape | undefined, random: () => number): [number, number] {
  if (!ward) throw new Error("no wards in the force's area");
  const rings = ward.polygons[Math.floor(random() * ward.polygons.length)] ?? [];
  const [minX, minY, maxX, maxY] = ringsBbox(rings);
  for (;;) {
    // Round first, so the point written to the file is the point that was tested.
    const lon = Number((minX + random() * (maxX - minX)).toFixed(6));
    const lat = Number((minY + random() * (maxY - minY)).toFixed(6));
    if (pointInPolygon([lon, lat], rings) === true) return [lon, lat];
  }
}

function jitter([lon, lat]: [number, number], random: () => number): [number, number] {
  return [lon + (random() - 0.5) * 0.02, lat + (random() - 0.5) * 0.02];
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function randomHex(random: () => number, length: number): string {
  let out = "";
  while (out.length < length)
    out += Math.floor(random() * 0x100000000)
      .toString(16)
      .padStart(8, "0");
  return out.slice(0, length);
}

/** A small seeded PRNG (public-domain mulberry32): repeatable files without a dependency. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
