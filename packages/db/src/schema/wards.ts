import { index, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Boroughs (local authority districts), keyed by ONS code. */
export const boroughs = sqliteTable("boroughs", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
});

/**
 * Wards, keyed by ONS code (E05…) and never by name: eleven names exist in two boroughs.
 * The boundary is GeoJSON geometry in WGS84; the bounding box lets queries skip it cheaply.
 */
export const wards = sqliteTable(
  "wards",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    /** The Welsh name ONS publishes for a Welsh ward (`WDyyNMW`); null elsewhere. */
    nameWelsh: text("name_welsh"),
    boroughCode: text("borough_code")
      .notNull()
      .references(() => boroughs.code),
    /** A point inside the ward, as published by ONS. */
    labelLon: real("label_lon").notNull(),
    labelLat: real("label_lat").notNull(),
    minLon: real("min_lon").notNull(),
    minLat: real("min_lat").notNull(),
    maxLon: real("max_lon").notNull(),
    maxLat: real("max_lat").notNull(),
    boundary: text("boundary", { mode: "json" }).notNull().$type<WardGeometry>(),
    /**
     * The first day these boundaries were in force ("YYYY-MM-DD", UK calendar date); null when in
     * force as far back as Ward Panel knows (the first load of a borough). See decision 0026.
     */
    inForceFrom: text("in_force_from"),
    /**
     * The day the ward stopped being in force ("YYYY-MM-DD"): a later load of its borough left it
     * out. Null while in force. A retired ward keeps its row, code and boundary: its meetings,
     * packs and priorities stay readable.
     */
    retiredOn: text("retired_on"),
  },
  (table) => [index("wards_borough_idx").on(table.boroughCode), index("wards_name_idx").on(table.name)],
);

export type WardGeometry =
  { type: "Polygon"; coordinates: number[][][] } | { type: "MultiPolygon"; coordinates: number[][][][] };
