import { largestOverlaps, type WardOverlap } from "@wardpanel/crime-data";
import { DomainError } from "@wardpanel/validators";
import { and, eq, gte, isNull, lte } from "drizzle-orm";

import type { Db } from "../client";
import { wards } from "../schema";

/**
 * A retired ward: the day it stopped being in force ("YYYY-MM-DD") and the wards in force that cover
 * it, each with its Welsh name where held (null otherwise).
 */
export type FormerWard = { retiredOn: string; successors: Array<WardOverlap & { nameWelsh: string | null }> };

/**
 * For a retired ward, the wards in force now that overlap it most, largest share of its area first
 * (largestOverlaps; candidates found by bounding box in SQL, so a handful are clipped: milliseconds).
 * Null for a ward in force. Not found: DomainError("not_found", …, "wardCode").
 */
export function getFormerWard(db: Db, wardCode: string): FormerWard | null {
  const ward = db
    .select({
      retiredOn: wards.retiredOn,
      boundary: wards.boundary,
      minLon: wards.minLon,
      minLat: wards.minLat,
      maxLon: wards.maxLon,
      maxLat: wards.maxLat,
    })
    .from(wards)
    .where(eq(wards.code, wardCode))
    .get();
  if (!ward) throw new DomainError("not_found", `There is no ward with the code ${wardCode}`, "wardCode");
  if (ward.retiredOn === null) return null;
  const candidates = db
    .select({ code: wards.code, name: wards.name, nameWelsh: wards.nameWelsh, geometry: wards.boundary })
    .from(wards)
    .where(
      and(
        isNull(wards.retiredOn),
        lte(wards.minLon, ward.maxLon),
        gte(wards.maxLon, ward.minLon),
        lte(wards.minLat, ward.maxLat),
        gte(wards.maxLat, ward.minLat),
      ),
    )
    .all();
  const welsh = new Map(candidates.map((c) => [c.code, c.nameWelsh]));
  const successors = largestOverlaps(ward.boundary, candidates).map((s) => ({
    ...s,
    nameWelsh: welsh.get(s.code) ?? null,
  }));
  return { retiredOn: ward.retiredOn, successors };
}

/**
 * Refuses new meetings in a retired ward: DomainError("conflict") naming the ward and the day it
 * was replaced. Its existing meetings, minutes and packs stay as they are.
 */
export function assertWardInForce(db: Db, wardCode: string): void {
  const ward = db
    .select({ name: wards.name, retiredOn: wards.retiredOn })
    .from(wards)
    .where(eq(wards.code, wardCode))
    .get();
  if (!ward) throw new DomainError("not_found", `There is no ward with the code ${wardCode}`, "wardCode");
  if (ward.retiredOn !== null)
    throw new DomainError(
      "conflict",
      `${ward.name} is a former ward: its boundaries were replaced on ${ward.retiredOn}, so no new meetings can be arranged in it. Arrange them in the wards that replaced it.`,
      "wardCode",
    );
}
