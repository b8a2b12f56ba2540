import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";

import {
  type BoundaryWard,
  readWardBoundaries,
  type WardBoundaries,
  WardBoundaryError,
  type WardFileOptions,
} from "@wardpanel/crime-data";
import { count, type Placeholder, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

import type { Db } from "../client";
import { boroughs, wards } from "../schema";
import { markWardsChanged } from "./wards-freshness";

/** The ONS May 2022 London wards, shipped with the repository (see data/ATTRIBUTION.md). */
export const LONDON_WARDS_PATH = fileURLToPath(new URL("../../data/london-wards-2022.geojson", import.meta.url));

export type { WardFileOptions };

/** What a load of one file would do, worked out without writing (`wards load --check` prints it). */
export type WardLoadPlan = {
  boundaries: WardBoundaries;
  /** Codes of wards not yet held. */
  added: string[];
  /** Codes of held wards whose name, Welsh name, borough or boundary would change. */
  updated: string[];
  unchanged: number;
  /** Every borough of the file, with its name as it will be stored; `isNew` when not yet held. */
  boroughs: Array<{ code: string; name: string; isNew: boolean; wards: number }>;
};

/** The last file read, kept while it is unchanged on disk: test processes load London many times. */
let lastRead: { key: string; boundaries: WardBoundaries } | undefined;

function readCached(path: string, options: WardFileOptions): WardBoundaries {
  const { mtimeMs, size } = statSync(path, { throwIfNoEntry: false }) ?? { mtimeMs: 0, size: -1 };
  const key = JSON.stringify([path, mtimeMs, size, options]);
  if (lastRead?.key !== key) lastRead = { key, boundaries: readWardBoundaries(path, options) };
  return lastRead.boundaries;
}

/**
 * Reads and checks the file (readWardBoundaries: any ONS naming style, GeoJSON or Shapefile,
 * British National Grid reprojected) and compares it with the wards held. Writes nothing. Throws
 * WardBoundaryError for a file it cannot load, or a borough it cannot name.
 */
export function planWardLoad(db: Db, path: string = LONDON_WARDS_PATH, options: WardFileOptions = {}): WardLoadPlan {
  const boundaries = readCached(path, options);
  const heldBoroughs = new Map(
    db
      .select()
      .from(boroughs)
      .all()
      .map((b) => [b.code, b.name]),
  );
  const held = new Map(
    db
      .select({
        code: wards.code,
        name: wards.name,
        nameWelsh: wards.nameWelsh,
        boroughCode: wards.boroughCode,
        boundary: wards.boundary,
      })
      .from(wards)
      .all()
      .map((w) => [w.code, w]),
  );
  const boroughNames = new Map<string, { name: string; wards: number }>();
  for (const ward of boundaries.wards) {
    const name = ward.boroughName ?? heldBoroughs.get(ward.boroughCode);
    if (name === undefined) {
      throw new WardBoundaryError(
        `${path}: the borough ${ward.boroughCode} has no name in the file and is not yet known: give it with --borough-name`,
      );
    }
    const entry = boroughNames.get(ward.boroughCode);
    boroughNames.set(ward.boroughCode, { name: entry?.name ?? name, wards: (entry?.wards ?? 0) + 1 });
  }
  const added: string[] = [];
  const updated: string[] = [];
  for (const ward of boundaries.wards) {
    const before = held.get(ward.code);
    if (!before) added.push(ward.code);
    else if (
      before.name !== ward.name ||
      before.nameWelsh !== ward.welshName ||
      before.boroughCode !== ward.boroughCode ||
      JSON.stringify(before.boundary) !== JSON.stringify(ward.geometry)
    ) {
      updated.push(ward.code);
    }
  }
  return {
    boundaries,
    added,
    updated,
    unchanged: boundaries.wards.length - added.length - updated.length,
    boroughs: [...boroughNames].map(([code, { name, wards: n }]) => ({
      code,
      name,
      isNew: !heldBoroughs.has(code),
      wards: n,
    })),
  };
}

function boundingBox(ward: BoundaryWard) {
  const g = ward.geometry;
  const rings = g.type === "Polygon" ? g.coordinates : g.coordinates.flat();
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
 * Writes a plan: inserts or updates every borough and ward of the file in one transaction (wards
 * not in the file are left as they are), then marks the wards changed so this connection's caches
 * are rebuilt (other connections see SQLite's data_version move). Each statement is prepared once
 * and run per row: building 1,408 statements took most of the time.
 */
export function applyWardLoad(db: Db, plan: WardLoadPlan): number {
  const upsertBorough = db
    .insert(boroughs)
    .values({ code: sql.placeholder("code"), name: sql.placeholder("name") })
    .onConflictDoUpdate({ target: boroughs.code, set: { name: excluded(boroughs.name) } })
    .prepare();
  const columns = [
    "code",
    "name",
    "nameWelsh",
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
    for (const { code, name } of plan.boroughs) upsertBorough.run({ code, name });
    for (const ward of plan.boundaries.wards) {
      upsertWard.run({
        code: ward.code,
        name: ward.name,
        nameWelsh: ward.welshName,
        boroughCode: ward.boroughCode,
        labelLon: ward.label[0],
        labelLat: ward.label[1],
        ...boundingBox(ward),
        boundary: ward.geometry,
      });
    }
  });
  markWardsChanged(db);
  return plan.boundaries.wards.length;
}

/** Loads every ward of a file (planWardLoad then applyWardLoad). Returns the ward count. */
export function loadWards(db: Db, path: string = LONDON_WARDS_PATH, options: WardFileOptions = {}): number {
  return applyWardLoad(db, planWardLoad(db, path, options));
}

/** Loads the shipped wards into a database that has none; leaves a loaded one alone. */
export function ensureWardsLoaded(db: Db): number {
  const [row] = db.select({ n: count() }).from(wards).all();
  if ((row?.n ?? 0) > 0) return 0;
  return loadWards(db);
}
