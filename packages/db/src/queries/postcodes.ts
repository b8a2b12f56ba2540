import { and, asc, count, desc, eq, isNull, notInArray } from "drizzle-orm";

import type { Db } from "../client";
import { wardIndexFor } from "../reference/ward-index";
import { boroughs, postcodes, wards } from "../schema";
import type { WardSummary } from "./wards";

/** A stored postcode with its ward. `terminatedOn` is "YYYY-MM" for a postcode no longer in use. */
export type PostcodeWard = {
  pcds: string;
  terminatedOn: string | null;
  wardAssignedBy: "file" | "point_in_polygon";
  ward: WardSummary;
};

/** A ward covering part of a postcode district or sector, with how many of its postcodes are in it. */
export type CoveringWard = WardSummary & { postcodeCount: number };

const wardColumns = {
  code: wards.code,
  name: wards.name,
  nameWelsh: wards.nameWelsh,
  boroughCode: wards.boroughCode,
  boroughName: boroughs.name,
};

/** The ward of a full postcode in `pcds` form ("NW3 4QG"); null when it is not held (outside the loaded wards). */
export function getPostcodeWard(db: Db, pcds: string): PostcodeWard | null {
  const row = db
    .select({
      pcds: postcodes.pcds,
      terminatedOn: postcodes.terminatedOn,
      wardAssignedBy: postcodes.wardAssignedBy,
      ...wardColumns,
    })
    .from(postcodes)
    .innerJoin(wards, eq(wards.code, postcodes.wardCode))
    .innerJoin(boroughs, eq(boroughs.code, wards.boroughCode))
    .where(eq(postcodes.pcds, pcds))
    .get();
  if (!row) return null;
  const { pcds: code, terminatedOn, wardAssignedBy, ...ward } = row;
  return { pcds: code, terminatedOn, wardAssignedBy, ward };
}

export type CoveringWardsParams = { outward: string } | { sector: string };

/**
 * The wards the live postcodes of an outward code ("NW3") or sector ("NW3 4") fall in, the ward
 * with most postcodes first. Terminated postcodes are left out: they say where a district used to
 * reach, not where it reaches now. Empty when none is held.
 */
export function listCoveringWards(db: Db, params: CoveringWardsParams): CoveringWard[] {
  const area = "outward" in params ? eq(postcodes.outward, params.outward) : eq(postcodes.sector, params.sector);
  const postcodeCount = count(postcodes.pcds);
  return db
    .select({ ...wardColumns, postcodeCount })
    .from(postcodes)
    .innerJoin(wards, eq(wards.code, postcodes.wardCode))
    .innerJoin(boroughs, eq(boroughs.code, wards.boroughCode))
    .where(and(area, isNull(postcodes.terminatedOn)))
    .groupBy(wards.code)
    .orderBy(desc(postcodeCount), asc(wards.name))
    .all();
}

/**
 * The loaded ward containing a WGS84 point ("use my location"), by point in polygon on our
 * generalised boundaries: within ~100–200 m of an edge the answer can be the neighbouring ward.
 * Null outside every loaded ward.
 */
/**
 * The names of boroughs with wards in force but no postcode loaded ("City of London" when only
 * Camden's postcodes are): a postcode we do not hold may still be in one of them.
 */
export function listBoroughsWithoutPostcodes(db: Db): string[] {
  // One pass over the postcodes, only when a postcode was not found.
  const withPostcodes = db
    .selectDistinct({ code: wards.boroughCode })
    .from(postcodes)
    .innerJoin(wards, eq(wards.code, postcodes.wardCode));
  return db
    .selectDistinct({ name: boroughs.name })
    .from(boroughs)
    .innerJoin(wards, and(eq(wards.boroughCode, boroughs.code), isNull(wards.retiredOn)))
    .where(notInArray(boroughs.code, withPostcodes))
    .orderBy(asc(boroughs.name))
    .all()
    .map(({ name }) => name);
}

export function getWardAtPoint(db: Db, { lat, lon }: { lat: number; lon: number }): WardSummary | null {
  const found = wardIndexFor(db).wardAt(lon, lat);
  if (!found) return null;
  // The index holds code, name and borough; the Welsh name comes from the table.
  const nameWelsh = db.select({ nameWelsh: wards.nameWelsh }).from(wards).where(eq(wards.code, found.code)).get();
  return { ...found, nameWelsh: nameWelsh?.nameWelsh ?? null };
}
