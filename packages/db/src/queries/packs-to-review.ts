import { and, asc, eq, exists } from "drizzle-orm";

import type { Db } from "../client";
import { boroughs, crimes, packs, wards } from "../schema";

/**
 * The packs of a month waiting for review after an import: draft packs (not yet published) of the
 * wards that have at least one crime counted in them that month, in one borough or (`boroughCode`
 * null) anywhere. A ward drafted with no crimes of its own is left out: there is nothing
 * for its sergeant to review. Ordered by borough then ward name.
 */
export function listPacksToReview(db: Db, params: { month: string; boroughCode: string | null }) {
  return db
    .select({ wardCode: packs.wardCode, wardName: wards.name, boroughName: boroughs.name })
    .from(packs)
    .innerJoin(wards, eq(wards.code, packs.wardCode))
    .innerJoin(boroughs, eq(boroughs.code, wards.boroughCode))
    .where(
      and(
        eq(packs.month, params.month),
        eq(packs.status, "draft"),
        params.boroughCode ? eq(wards.boroughCode, params.boroughCode) : undefined,
        exists(
          db
            .select({ one: crimes.id })
            .from(crimes)
            .where(and(eq(crimes.wardCode, packs.wardCode), eq(crimes.month, params.month))),
        ),
      ),
    )
    .orderBy(asc(boroughs.name), asc(wards.name))
    .all();
}
