import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";

import {
  type BoundaryWard,
  largestOverlaps,
  readWardBoundaries,
  type WardBoundaries,
  WardBoundaryError,
  type WardFileOptions,
  type WardOverlap,
} from "@wardpanel/crime-data";
import { and, count, eq, inArray, isNull, type Placeholder, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

import type { Db } from "../client";
import { boroughs, postcodes, wards } from "../schema";
import { wardIndexFor } from "./ward-index";
import { markWardsChanged } from "./wards-freshness";

/** The ONS May 2022 London wards, shipped with the repository (see data/ATTRIBUTION.md). */
export const LONDON_WARDS_PATH = fileURLToPath(new URL("../../data/london-wards-2022.geojson", import.meta.url));

export type { WardFileOptions, WardOverlap };

/**
 * When the file's boundaries came into force (`wards load --in-force-from`). ONS files carry no
 * date. `inForceFrom` ("YYYY-MM-DD") dates the wards added and retires the wards left out; without
 * it, wards of a borough held for the first time are in force as far back as known (null) and a
 * borough's replacement takes effect on `today` (the UK date of the load).
 */
export type WardLoadDates = { inForceFrom?: string | undefined; now?: Date | undefined };

/** A held ward of a borough the file covers that the file leaves out, and the new wards that cover it. */
export type RetiredWard = {
  code: string;
  name: string;
  boroughCode: string;
  /** The wards of the file overlapping it most, largest share of its area first (largestOverlaps). */
  overlaps: WardOverlap[];
};

/** What a load of one file would do, worked out without writing (`wards load --check` prints it). */
export type WardLoadPlan = {
  boundaries: WardBoundaries;
  /** Codes of wards not yet held. */
  added: string[];
  /** Codes of held wards whose name, Welsh name, borough or boundary would change. */
  updated: string[];
  /** Codes of held wards retired by an earlier load that the file holds again: in force again. */
  unretired: string[];
  unchanged: number;
  /** Wards in force in the file's boroughs that the file leaves out: retired on `retiredOn`. */
  retired: RetiredWard[];
  /** "YYYY-MM-DD": the day the retired wards stop being in force. */
  retiredOn: string;
  /**
   * Every borough of the file, with its name as it will be stored; `isNew` when not yet held;
   * `inForceFrom`, the date ("YYYY-MM-DD") given to its added wards (null: as far back as known).
   */
  boroughs: Array<{ code: string; name: string; isNew: boolean; wards: number; inForceFrom: string | null }>;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "YYYY-MM-DD" for a real calendar day, or WardBoundaryError naming --in-force-from. */
function checkedDate(value: string): string {
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!ISO_DATE.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value)
    throw new WardBoundaryError(`--in-force-from: "${value}" is not a date written YYYY-MM-DD`);
  return value;
}

/** The UK calendar date of an instant, "YYYY-MM-DD". */
function londonDate(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(now);
}

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
export function planWardLoad(
  db: Db,
  path: string = LONDON_WARDS_PATH,
  options: WardFileOptions = {},
  dates: WardLoadDates = {},
): WardLoadPlan {
  const given = dates.inForceFrom === undefined ? undefined : checkedDate(dates.inForceFrom);
  const retiredOn = given ?? londonDate(dates.now ?? new Date());
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
        retiredOn: wards.retiredOn,
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
  const unretired: string[] = [];
  for (const ward of boundaries.wards) {
    const before = held.get(ward.code);
    if (!before) added.push(ward.code);
    else if (before.retiredOn !== null) unretired.push(ward.code);
    else if (
      before.name !== ward.name ||
      before.nameWelsh !== ward.welshName ||
      before.boroughCode !== ward.boroughCode ||
      JSON.stringify(before.boundary) !== JSON.stringify(ward.geometry)
    ) {
      updated.push(ward.code);
    }
  }
  const inFile = new Set(boundaries.wards.map((w) => w.code));
  const successors = boundaries.wards.map((w) => ({ code: w.code, name: w.name, geometry: w.geometry }));
  const retired: RetiredWard[] = [];
  const boroughsInForce = new Set<string>();
  for (const ward of held.values()) {
    if (ward.retiredOn !== null) continue;
    boroughsInForce.add(ward.boroughCode);
    if (!boroughNames.has(ward.boroughCode) || inFile.has(ward.code)) continue;
    retired.push({
      code: ward.code,
      name: ward.name,
      boroughCode: ward.boroughCode,
      overlaps: largestOverlaps(ward.boundary, successors),
    });
  }
  return {
    boundaries,
    added,
    updated,
    unretired,
    unchanged: boundaries.wards.length - added.length - updated.length - unretired.length,
    retired: retired.sort((a, b) => a.boroughCode.localeCompare(b.boroughCode) || a.name.localeCompare(b.name)),
    retiredOn,
    boroughs: [...boroughNames].map(([code, { name, wards: n }]) => ({
      code,
      name,
      isNew: !heldBoroughs.has(code),
      wards: n,
      inForceFrom: given ?? (boroughsInForce.has(code) ? retiredOn : null),
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
 * Writes a plan in one transaction: inserts or updates every borough and ward of the file (added
 * wards dated from their borough's `inForceFrom`; a held ward keeps its date; every ward of the
 * file is in force, so a retired code that reappears is un-retired) and retires the plan's retired
 * wards on `retiredOn`, keeping their rows and boundaries; the postcodes of retired wards are
 * placed again on the wards now in force. Then marks the wards changed so this connection's caches
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
    "inForceFrom",
  ] as const;
  const updatedOnConflict = columns.slice(1).filter((c) => c !== "inForceFrom");
  const upsertWard = db
    .insert(wards)
    .values(
      Object.fromEntries(columns.map((c) => [c, sql.placeholder(c)])) as Record<(typeof columns)[number], Placeholder>,
    )
    .onConflictDoUpdate({
      target: wards.code,
      set: {
        ...Object.fromEntries(updatedOnConflict.map((c) => [c, excluded(wards[c])])),
        retiredOn: sql`null`,
      },
    })
    .prepare();
  const since = new Map(plan.boroughs.map((b) => [b.code, b.inForceFrom]));
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
        inForceFrom: since.get(ward.boroughCode) ?? null,
      });
    }
    const codes = plan.retired.map((w) => w.code);
    for (let i = 0; i < codes.length; i += 500)
      db.update(wards)
        .set({ retiredOn: plan.retiredOn })
        .where(and(inArray(wards.code, codes.slice(i, i + 500)), isNull(wards.retiredOn)))
        .run();
  });
  markWardsChanged(db);
  if (plan.retired.length > 0)
    replacePostcodesOfRetiredWards(
      db,
      plan.retired.map((w) => w.code),
    );
  return plan.boundaries.wards.length;
}

/**
 * Places again, by point in polygon on the wards now in force, the postcodes held in wards just
 * retired, so find-your-ward leads to the new wards at once. Postcodes without a location, or in
 * no ward in force, keep their former ward (whose page links on to its successors).
 */
function replacePostcodesOfRetiredWards(db: Db, retiredCodes: string[]): void {
  const index = wardIndexFor(db);
  const update = db
    .update(postcodes)
    .set({ wardCode: sql`${sql.placeholder("wardCode")}`, wardAssignedBy: "point_in_polygon" })
    .where(eq(postcodes.pcds, sql.placeholder("pcds")))
    .prepare();
  db.transaction(() => {
    for (let i = 0; i < retiredCodes.length; i += 500) {
      const held = db
        .select({ pcds: postcodes.pcds, lon: postcodes.lon, lat: postcodes.lat })
        .from(postcodes)
        .where(inArray(postcodes.wardCode, retiredCodes.slice(i, i + 500)))
        .all();
      for (const { pcds, lon, lat } of held) {
        if (lon === null || lat === null) continue;
        const ward = index.wardAt(lon, lat);
        if (ward) update.run({ pcds, wardCode: ward.code });
      }
    }
  });
}

/** Loads every ward of a file (planWardLoad then applyWardLoad). Returns the ward count. */
export function loadWards(
  db: Db,
  path: string = LONDON_WARDS_PATH,
  options: WardFileOptions = {},
  dates: WardLoadDates = {},
): number {
  return applyWardLoad(db, planWardLoad(db, path, options, dates));
}

/** Loads the shipped wards into a database that has none; leaves a loaded one alone. */
export function ensureWardsLoaded(db: Db): number {
  const [row] = db.select({ n: count() }).from(wards).all();
  if ((row?.n ?? 0) > 0) return 0;
  return loadWards(db);
}
