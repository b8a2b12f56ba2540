import { createWardIndex, type WardFeatureCollection, type WardIndex } from "@wardpanel/crime-data";
import { eq } from "drizzle-orm";

import type { Db } from "../client";
import { boroughs, wards } from "../schema";
import { cachedUntilWardsChange, type WardsCache } from "./wards-freshness";

const indexes: WardsCache<WardIndex> = new WeakMap();

/**
 * The point-in-polygon ward lookup (crime-data's R-tree) built from the wards held in the database,
 * the same boundaries every page draws; built once per database connection and again after any
 * `wards load` (wards-freshness.ts), so a running server uses reloaded boundaries at once. Crimes,
 * postcodes and "use my location" all place points with it.
 */
export function wardIndexFor(db: Db): WardIndex {
  return cachedUntilWardsChange(indexes, db, () => {
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
  });
}
