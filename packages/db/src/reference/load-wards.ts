import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { count, type Placeholder, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

import type { Db } from "../client";
import { boroughs, type WardGeometry, wards } from "../schema";

/** The ONS May 2022 London wards, shipped with the repository (see data/ATTRIBUTION.md). */
export const LONDON_WARDS_PATH = fileURLToPath(new URL("../../data/london-wards-2022.geojson", import.meta.url));

type WardFeature = {
  properties: { WD22CD: string; WD22NM: string; LAD22CD: string; LAD22NM: string; LONG: number; LAT: number };
  geometry: WardGeometry;
};

class ReferenceDataError extends Error {
  readonly code = "REFERENCE_DATA_INVALID";
}

let parsed: { path: string; features: WardFeature[] } | undefined;

function readWardFeatures(path: string): WardFeature[] {
  if (parsed?.path === path) return parsed.features;
  const collection = JSON.parse(readFileSync(path, "utf8")) as { type?: string; features?: WardFeature[] };
  if (collection.type !== "FeatureCollection" || !Array.isArray(collection.features)) {
    throw new ReferenceDataError(`${path} is not a GeoJSON FeatureCollection`);
  }
  collection.features.forEach((feature, index) => {
    const p = feature.properties;
    if (!/^E05\d{6}$/.test(p?.WD22CD ?? "") || !p.WD22NM || !/^E0[69]\d{6}$/.test(p.LAD22CD ?? "") || !p.LAD22NM) {
      throw new ReferenceDataError(`${path}: feature ${index + 1} lacks a ward code, name or borough`);
    }
    if (feature.geometry?.type !== "Polygon" && feature.geometry?.type !== "MultiPolygon") {
      throw new ReferenceDataError(`${path}: ward ${p.WD22CD} has no polygon boundary`);
    }
  });
  parsed = { path, features: collection.features };
  return collection.features;
}

function boundingBox(geometry: WardGeometry) {
  const rings = geometry.type === "Polygon" ? geometry.coordinates : geometry.coordinates.flat();
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const ring of rings) {
    for (const [lon = 0, lat = 0] of ring) {
      minLon = Math.min(minLon, lon);
      minLat = Math.min(minLat, lat);
      maxLon = Math.max(maxLon, lon);
      maxLat = Math.max(maxLat, lat);
    }
  }
  return { minLon, minLat, maxLon, maxLat };
}

/** `excluded.<column>`: in an upsert's update, the value the insert would have written. */
const excluded = (column: SQLiteColumn) => sql.raw(`excluded."${column.name}"`);

/**
 * Inserts or updates every borough and ward in the file, in one transaction. Returns the ward count.
 * Each statement is prepared once and run per row: building 1,408 statements took most of the time.
 */
export function loadWards(db: Db, path: string = LONDON_WARDS_PATH): number {
  const features = readWardFeatures(path);
  const upsertBorough = db
    .insert(boroughs)
    .values({ code: sql.placeholder("code"), name: sql.placeholder("name") })
    .onConflictDoUpdate({ target: boroughs.code, set: { name: excluded(boroughs.name) } })
    .prepare();
  const columns = [
    "code",
    "name",
    "boroughCode",
    "labelLon",
    "labelLat",
    "minLon",
    "minLat",
    "maxLon",
    "maxLat",
    "boundary",
  ] as const;
  const upsertWard = db
    .insert(wards)
    .values(
      Object.fromEntries(columns.map((c) => [c, sql.placeholder(c)])) as Record<(typeof columns)[number], Placeholder>,
    )
    .onConflictDoUpdate({
      target: wards.code,
      set: Object.fromEntries(columns.slice(1).map((c) => [c, excluded(wards[c])])),
    })
    .prepare();
  db.transaction(() => {
    for (const { properties: p } of features) upsertBorough.run({ code: p.LAD22CD, name: p.LAD22NM });
    for (const { properties: p, geometry } of features) {
      upsertWard.run({
        code: p.WD22CD,
        name: p.WD22NM,
        boroughCode: p.LAD22CD,
        labelLon: p.LONG,
        labelLat: p.LAT,
        ...boundingBox(geometry),
        boundary: geometry,
      });
    }
  });
  return features.length;
}

/** Loads the shipped wards into a database that has none; leaves a loaded one alone. */
export function ensureWardsLoaded(db: Db): number {
  const [row] = db.select({ n: count() }).from(wards).all();
  if ((row?.n ?? 0) > 0) return 0;
  return loadWards(db);
}
