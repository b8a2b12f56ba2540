import { index, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { wards } from "./wards";

export const POSTCODE_SOURCES = ["onspd", "code-point-open"] as const;
export const WARD_ASSIGNED_BY = ["file", "point_in_polygon"] as const;

/**
 * Postcodes inside the loaded wards (`pnpm cli postcodes load`), keyed by ONS `pcds` ("NW3 4QG").
 * Terminated postcodes are kept, marked by the month they ended, so an old address still finds
 * its ward. `wardAssignedBy` says whether the ward is the file's own (ONS, full-resolution
 * boundaries) or our point-in-polygon answer on generalised boundaries.
 */
export const postcodes = sqliteTable(
  "postcodes",
  {
    pcds: text("pcds").primaryKey(),
    /** "NW3" */
    outward: text("outward").notNull(),
    /** "NW3 4" */
    sector: text("sector").notNull(),
    /** WGS84 degrees; null when the file gives no location. */
    lat: real("lat"),
    lon: real("lon"),
    wardCode: text("ward_code").references(() => wards.code),
    /** "YYYY-MM" the postcode was terminated (ONSPD `doterm`); null while live. */
    terminatedOn: text("terminated_on"),
    source: text("source", { enum: POSTCODE_SOURCES }).notNull(),
    wardAssignedBy: text("ward_assigned_by", { enum: WARD_ASSIGNED_BY }).notNull(),
  },
  (table) => [
    index("postcodes_outward_ward_idx").on(table.outward, table.wardCode),
    index("postcodes_sector_ward_idx").on(table.sector, table.wardCode),
  ],
);
