import { createWardIndex, type WardFeatureCollection, type WardIndex } from "@wardpanel/crime-data";
import { eq } from "drizzle-orm";

import type { Db } from "../client";
import { boroughs, wards } from "../schema";

const indexes = new WeakMap<Db, WardIndex>();

/**
 * The point-in-polygon ward lookup (crime-data's R-tree) built from the wards held in the database,
 * the same boundaries every page draws; built once per database connection. Crimes, postcodes and
 * "use my location" all place points with it.
 */
export function wardIndexFor(db: Db): WardIndex {
  let index = indexes.get(db);
  if (!index) {
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
    index = createWardIndex(collection);
    indexes.set(db, index);
  }
  return index;
}
