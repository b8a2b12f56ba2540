import { createWardIndex, type WardFeatureCollection, type WardIndex } from "@wardpanel/crime-data";
import { and, eq, gt, isNull, lte, or, type SQL } from "drizzle-orm";

import type { Db } from "../client";
import { boroughs, wards } from "../schema";
import { cachedUntilWardsChange, type WardsCache } from "./wards-freshness";

/**
 * Per connection: one index per distinct set of wards in force (keyed by the set's codes), and
 * which index each month ("now" without one) uses, so a repeat call costs one pragma.
 */
const indexes: WardsCache<{ bySet: Map<string, WardIndex>; byMonth: Map<string, WardIndex> }> = new WeakMap();

/** The last day of a month "YYYY-MM", as "YYYY-MM-DD". */
function lastDayOf(month: string): string {
  const [year = 0, m = 0] = month.split("-").map(Number);
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

/**
 * Which wards are in force: without `month`, now (not retired); with `month` ("YYYY-MM"), on its
 * last day (in force from on or before it, and not retired by then: decision 0026). A where
 * condition on the wards table, for the ward index and for drafting a month's packs.
 */
export function wardsInForce(month?: string): SQL | undefined {
  if (month === undefined) return isNull(wards.retiredOn);
  const day = lastDayOf(month);
  return and(
    or(isNull(wards.inForceFrom), lte(wards.inForceFrom, day)),
    or(isNull(wards.retiredOn), gt(wards.retiredOn, day)),
  );
}

/**
 * The point-in-polygon ward lookup (crime-data's R-tree) built from the wards held in the database,
 * the same boundaries every page draws. Without `month`, the wards in force now (not retired):
 * postcodes and "use my location" place points with it. With `month` ("YYYY-MM"), the wards in
 * force on its last day (in force from on or before it, and not retired by then), so a month's
 * crimes are placed with the boundaries of their month; a month in which boundaries changed takes
 * the new ones (decision 0026). One index is built per distinct set of wards and kept per database
 * connection until any `wards load` (wards-freshness.ts), so a running server uses reloaded
 * boundaries at once and months sharing boundaries share an index.
 */
export function wardIndexFor(db: Db, month?: string): WardIndex {
  const { bySet, byMonth } = cachedUntilWardsChange(indexes, db, () => ({ bySet: new Map(), byMonth: new Map() }));
  const known = byMonth.get(month ?? "now");
  if (known) return known;
  const inForce = wardsInForce(month);
  const key = db
    .select({ code: wards.code })
    .from(wards)
    .where(inForce)
    .orderBy(wards.code)
    .all()
    .map((r) => r.code)
    .join(",");
  const index = bySet.get(key) ?? buildIndex(db, inForce);
  bySet.set(key, index);
  byMonth.set(month ?? "now", index);
  return index;
}

function buildIndex(db: Db, inForce: SQL | undefined): WardIndex {
  const rows = db
    .select({
      code: wards.code,
      name: wards.name,
      boroughCode: wards.boroughCode,
      boroughName: boroughs.name,
      boundary: wards.boundary,
    })
    .from(wards)
    .innerJoin(boroughs, eq(boroughs.code, wards.boroughCode))
    .where(inForce)
    .all();
  const collection: WardFeatureCollection = {
    type: "FeatureCollection",
    features: rows.map((r) => ({
      type: "Feature",
      properties: { WD22CD: r.code, WD22NM: r.name, LAD22CD: r.boroughCode, LAD22NM: r.boroughName },
      geometry: r.boundary as WardFeatureCollection["features"][number]["geometry"],
    })),
  };
  return createWardIndex(collection);
}
