import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";

import type { Db } from "../client";
import { boroughs, postcodes, wards } from "../schema";

/**
 * What the public's ward search can show as examples, from the data loaded (issue 13: a
 * Leicestershire site must not suggest "NW3 4QG"): a live postcode held ("LE1 5FQ"), its postcode
 * district ("LE1"), a ward in force and its district's name. `postcode` and `outward` are null
 * when no postcode is loaded; the whole answer is null when no ward is. The first by postcode
 * (else by district and ward name), so the examples stay the same from one visit to the next.
 */
export type SearchExamples = { postcode: string | null; outward: string | null; ward: string; district: string };

export function getSearchExamples(db: Db): SearchExamples | null {
  const held = db
    .select({ postcode: postcodes.pcds, outward: postcodes.outward, ward: wards.name, district: boroughs.name })
    .from(postcodes)
    .innerJoin(wards, and(eq(wards.code, postcodes.wardCode), isNull(wards.retiredOn)))
    .innerJoin(boroughs, eq(boroughs.code, wards.boroughCode))
    .where(and(isNull(postcodes.terminatedOn), isNotNull(postcodes.wardCode)))
    .orderBy(asc(postcodes.pcds))
    .limit(1)
    .get();
  if (held) return held;
  const ward = db
    .select({ ward: wards.name, district: boroughs.name })
    .from(wards)
    .innerJoin(boroughs, eq(boroughs.code, wards.boroughCode))
    .where(isNull(wards.retiredOn))
    .orderBy(asc(boroughs.name), asc(wards.name))
    .limit(1)
    .get();
  return ward ? { postcode: null, outward: null, ...ward } : null;
}

/** Which postcode files are loaded ("onspd", "code-point-open"), for the footer's credits: none when no postcode is. */
export function listPostcodeSources(db: Db): (typeof postcodes.$inferSelect.source)[] {
  return db
    .selectDistinct({ source: postcodes.source })
    .from(postcodes)
    .orderBy(asc(postcodes.source))
    .all()
    .map(({ source }) => source);
}
