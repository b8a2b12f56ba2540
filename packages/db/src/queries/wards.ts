import { DomainError } from "@wardpanel/validators";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";

import type { Db } from "../client";
import { boroughs, wards } from "../schema";
import { searchWardNames } from "./ward-name-search";

/** A ward's names and borough. `nameWelsh`: the Welsh name the boundary file gave (`WDyyNMW`), null when none. */
export type WardSummary = {
  code: string;
  name: string;
  nameWelsh: string | null;
  boroughCode: string;
  boroughName: string;
};

const summaryColumns = {
  code: wards.code,
  name: wards.name,
  nameWelsh: wards.nameWelsh,
  boroughCode: wards.boroughCode,
  boroughName: boroughs.name,
};

type SearchWardsParams = { query: string; boroughCode?: string | undefined; limit?: number };

/**
 * Wards found by name or borough name, forgivingly (searchWardNames: apostrophes, St/Saint, &/and,
 * accents, small typos); with an empty query, every ward (of one borough, when given) by borough
 * and name. Wards in force only (retired wards are former wards). Postcodes are findWards' job.
 */
export function searchWards(db: Db, { query, boroughCode, limit = 50 }: SearchWardsParams): WardSummary[] {
  if (query.trim() !== "") return searchWardNames(db, { query, boroughCode, limit });
  return db
    .select(summaryColumns)
    .from(wards)
    .innerJoin(boroughs, eq(boroughs.code, wards.boroughCode))
    .where(and(isNull(wards.retiredOn), boroughCode ? eq(wards.boroughCode, boroughCode) : undefined))
    .orderBy(asc(boroughs.name), asc(wards.name))
    .limit(limit)
    .all();
}

export function listBoroughs(db: Db): { code: string; name: string }[] {
  return db.select({ code: boroughs.code, name: boroughs.name }).from(boroughs).orderBy(asc(boroughs.name)).all();
}

/**
 * The box around every ward in force, [west, south, east, north] in WGS84 degrees (longitude,
 * latitude), or null when none is loaded: the deployment's area as the wards loaded make it.
 */
export function wardsExtent(db: Db): [number, number, number, number] | null {
  const box = db
    .select({
      west: sql<number | null>`min(${wards.minLon})`,
      south: sql<number | null>`min(${wards.minLat})`,
      east: sql<number | null>`max(${wards.maxLon})`,
      north: sql<number | null>`max(${wards.maxLat})`,
    })
    .from(wards)
    .where(isNull(wards.retiredOn))
    .get();
  if (!box || box.west === null || box.south === null || box.east === null || box.north === null) return null;
  return [box.west, box.south, box.east, box.north];
}

/** One ward, retired or not (`retiredOn` "YYYY-MM-DD", null while in force), with its boundary and label point. */
export function getWard(db: Db, wardCode: string) {
  const ward = db
    .select({
      ...summaryColumns,
      boundary: wards.boundary,
      labelLon: wards.labelLon,
      labelLat: wards.labelLat,
      retiredOn: wards.retiredOn,
    })
    .from(wards)
    .innerJoin(boroughs, eq(boroughs.code, wards.boroughCode))
    .where(eq(wards.code, wardCode))
    .get();
  if (!ward) throw new DomainError("not_found", `There is no ward with the code ${wardCode}`, "wardCode");
  return ward;
}

export function getWardSummaries(db: Db, wardCodes: string[]): WardSummary[] {
  if (wardCodes.length === 0) return [];
  return db
    .select(summaryColumns)
    .from(wards)
    .innerJoin(boroughs, eq(boroughs.code, wards.boroughCode))
    .where(inArray(wards.code, wardCodes))
    .orderBy(asc(wards.name))
    .all();
}
