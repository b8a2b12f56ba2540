import { and, asc, count, eq, inArray, or, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

import type { Db } from "../client";
import { wardsInForce } from "../reference/ward-index";
import { boroughs, wards } from "../schema";

/** Wards on one page of the admin's list. */
export const ADMIN_WARDS_PAGE_SIZE = 25;

/**
 * The admin's list of the wards in force now, by borough then ward name, `ADMIN_WARDS_PAGE_SIZE`
 * a page (`page` 1-based; past the last page gives no wards). `query` (any case) narrows to wards
 * whose name, Welsh name, code or borough's name contains it. Returns the page's wards, the number
 * matching and the number of pages (at least 1). `boroughCodes` (a borough admin's boroughs)
 * narrows to wards in those boroughs; null or absent is every borough.
 */
export function listWardsForAdmin(
  db: Db,
  { query, page, boroughCodes = null }: { query: string; page: number; boroughCodes?: readonly string[] | null },
) {
  const needle = query.toLowerCase();
  // instr, not LIKE: a "%" or "_" typed is looked for as itself.
  const contains = (column: SQLiteColumn) => sql`instr(lower(${column}), ${needle}) > 0`;
  const matches = and(
    wardsInForce(),
    boroughCodes === null ? undefined : inArray(wards.boroughCode, [...boroughCodes]),
    query
      ? or(contains(wards.name), contains(wards.nameWelsh), contains(wards.code), contains(boroughs.name))
      : undefined,
  );
  const total =
    db.select({ n: count() }).from(wards).innerJoin(boroughs, eq(boroughs.code, wards.boroughCode)).where(matches).get()
      ?.n ?? 0;
  const list = db
    .select({ code: wards.code, name: wards.name, boroughCode: wards.boroughCode, boroughName: boroughs.name })
    .from(wards)
    .innerJoin(boroughs, eq(boroughs.code, wards.boroughCode))
    .where(matches)
    .orderBy(asc(boroughs.name), asc(wards.name))
    .limit(ADMIN_WARDS_PAGE_SIZE)
    .offset((page - 1) * ADMIN_WARDS_PAGE_SIZE)
    .all();
  return { wards: list, total, pages: Math.max(1, Math.ceil(total / ADMIN_WARDS_PAGE_SIZE)), page };
}
