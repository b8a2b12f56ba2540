import { DomainError } from "@wardpanel/validators";
import { and, asc, eq, inArray, or, type SQL, sql } from "drizzle-orm";

import type { Db } from "../client";
import { boroughs, wards } from "../schema";

type WardSummary = { code: string; name: string; boroughCode: string; boroughName: string };

const summaryColumns = {
  code: wards.code,
  name: wards.name,
  boroughCode: wards.boroughCode,
  boroughName: boroughs.name,
};

type SearchWardsParams = { query: string; boroughCode?: string | undefined; limit?: number };

/** Wards whose name (or borough's name) contains the query, optionally within one borough. */
export function searchWards(db: Db, { query, boroughCode, limit = 50 }: SearchWardsParams): WardSummary[] {
  const filters: SQL[] = [];
  const text = query.trim();
  if (text !== "") {
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const byName = or(containsText(wards.name, pattern), containsText(boroughs.name, pattern));
    if (byName) filters.push(byName);
  }
  if (boroughCode) filters.push(eq(wards.boroughCode, boroughCode));
  return db
    .select(summaryColumns)
    .from(wards)
    .innerJoin(boroughs, eq(boroughs.code, wards.boroughCode))
    .where(and(...filters))
    .orderBy(asc(boroughs.name), asc(wards.name))
    .limit(limit)
    .all();
}

/** SQLite's LIKE is case-insensitive for ASCII; the escape clause keeps % and _ in a search literal. */
function containsText(column: typeof wards.name | typeof boroughs.name, pattern: string): SQL {
  return sql`${column} like ${pattern} escape '\\'`;
}

export function listBoroughs(db: Db): { code: string; name: string }[] {
  return db.select({ code: boroughs.code, name: boroughs.name }).from(boroughs).orderBy(asc(boroughs.name)).all();
}

export function getWard(db: Db, wardCode: string) {
  const ward = db
    .select({ ...summaryColumns, boundary: wards.boundary, labelLon: wards.labelLon, labelLat: wards.labelLat })
    .from(wards)
    .innerJoin(boroughs, eq(boroughs.code, wards.boroughCode))
    .where(eq(wards.code, wardCode))
    .get();
  if (!ward) throw new DomainError("not_found", `There is no ward with the code ${wardCode}`, "wardCode");
  return ward;
}

export function getWardSummaries(db: Db, wardCodes: string[]): WardSummary[] {
  if (wardCodes.length === 0) return [];
  return db
    .select(summaryColumns)
    .from(wards)
    .innerJoin(boroughs, eq(boroughs.code, wards.boroughCode))
    .where(inArray(wards.code, wardCodes))
    .orderBy(asc(wards.name))
    .all();
}
