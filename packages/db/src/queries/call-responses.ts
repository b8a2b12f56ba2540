import { and, asc, eq, gte, inArray, lt, ne, sql, type SQL } from "drizzle-orm";
import { DomainError } from "@wardpanel/validators";
import type { Db } from "../client";
import { boroughs, callResponses, priorities, wards } from "../schema";

/**
 * Calls a control room reports as matching a priority, and whether a unit arrived within the
 * 60-minute target (Policing Pledge point 6). Inspectors found no force could monitor this.
 */

export const RESPONSE_TARGET_MINUTES = 60;
const TARGET_MS = RESPONSE_TARGET_MINUTES * 60_000;

export type CallResponseReport = { callReference: string; priorityId: number; receivedAt: Date; arrivedAt: Date | null };

/**
 * Records reports idempotently on (key, call reference, priority): sending the same report again
 * changes nothing, and a later report of the same call (the unit has now arrived) replaces the
 * earlier one. Every priority must exist, have been published, and lie in the key's boroughs;
 * otherwise nothing is recorded and the error names the report (`responses[3].priorityId`).
 */
export function recordCallResponses(db: Db, params: { apiKeyId: number; boroughCodes: readonly string[]; reports: readonly CallResponseReport[]; now: Date }): { recorded: number } {
  return db.transaction(() => {
    const ids = [...new Set(params.reports.map((r) => r.priorityId))];
    const found = ids.length === 0 ? [] : db
      .select({ id: priorities.id, status: priorities.status, boroughCode: wards.boroughCode })
      .from(priorities)
      .innerJoin(wards, eq(wards.code, priorities.wardCode))
      .where(inArray(priorities.id, ids))
      .all();
    const byId = new Map(found.map((p) => [p.id, p]));
    params.reports.forEach((report, index) => {
      const field = `responses[${index}]`;
      const priority = byId.get(report.priorityId);
      if (!priority || priority.status === "draft") throw new DomainError("not_found", `There is no published priority ${report.priorityId}`, `${field}.priorityId`);
      if (params.boroughCodes.length > 0 && !params.boroughCodes.includes(priority.boroughCode)) {
        throw new DomainError("forbidden", `Priority ${report.priorityId} is outside this key's boroughs`, `${field}.priorityId`);
      }
      if (report.arrivedAt && report.arrivedAt < report.receivedAt) throw new DomainError("invalid", "A unit cannot arrive before the call was received", `${field}.arrivedAt`);
      if (report.receivedAt.getTime() > params.now.getTime() + 5 * 60_000) throw new DomainError("invalid", "The call's received time is in the future", `${field}.receivedAt`);
    });
    for (const report of params.reports) {
      db.insert(callResponses)
        .values({ apiKeyId: params.apiKeyId, ...report, createdAt: params.now })
        .onConflictDoUpdate({
          target: [callResponses.apiKeyId, callResponses.callReference, callResponses.priorityId],
          set: { receivedAt: report.receivedAt, arrivedAt: report.arrivedAt },
        })
        .run();
    }
    return { recorded: params.reports.length };
  });
}

export type ResponseShare = { reported: number; attendedInTime: number; notAttended: number; share: number | null };
export type PriorityResponseStats = ResponseShare & { priorityId: number; title: string; wardCode: string; wardName: string; isCallHandlingFlagged: boolean };
export type WardResponseStats = ResponseShare & { wardCode: string; wardName: string; boroughCode: string };
export type BoroughResponseStats = ResponseShare & { boroughCode: string; boroughName: string };
export type ResponseMiss = { callReference: string; priorityId: number; title: string; wardCode: string; receivedAt: Date; arrivedAt: Date | null; minutesToArrive: number | null };

export type ResponseStats = {
  targetMinutes: number;
  byPriority: PriorityResponseStats[];
  byWard: WardResponseStats[];
  byBorough: BoroughResponseStats[];
  misses: ResponseMiss[];
};

/** `wardCodes: null` means every ward (admins); `from`/`to` bound the time the call was received. */
export type ResponseStatsParams = { wardCodes: readonly string[] | null; from?: Date | null; to?: Date | null; missLimit?: number };

/** Per priority, ward and borough: the share of reported calls attended within 60 minutes, and the misses. */
export function getResponseStats(db: Db, params: ResponseStatsParams): ResponseStats {
  const where: SQL[] = [];
  if (params.wardCodes) where.push(params.wardCodes.length === 0 ? sql`0` : inArray(priorities.wardCode, [...params.wardCodes]));
  if (params.from) where.push(gte(callResponses.receivedAt, params.from));
  if (params.to) where.push(lt(callResponses.receivedAt, params.to));
  const rows = db
    .select({
      callReference: callResponses.callReference,
      priorityId: priorities.id,
      title: priorities.title,
      isCallHandlingFlagged: priorities.isCallHandlingFlagged,
      wardCode: wards.code,
      wardName: wards.name,
      boroughCode: boroughs.code,
      boroughName: boroughs.name,
      receivedAt: callResponses.receivedAt,
      arrivedAt: callResponses.arrivedAt,
    })
    .from(callResponses)
    .innerJoin(priorities, eq(priorities.id, callResponses.priorityId))
    .innerJoin(wards, eq(wards.code, priorities.wardCode))
    .innerJoin(boroughs, eq(boroughs.code, wards.boroughCode))
    .where(and(ne(priorities.status, "draft"), ...where))
    .orderBy(asc(callResponses.receivedAt), asc(callResponses.id))
    .all();

  const byPriority = new Map<number, PriorityResponseStats>();
  const byWard = new Map<string, WardResponseStats>();
  const byBorough = new Map<string, BoroughResponseStats>();
  const misses: ResponseMiss[] = [];
  const empty = (): ResponseShare => ({ reported: 0, attendedInTime: 0, notAttended: 0, share: null });
  for (const row of rows) {
    const minutesToArrive = row.arrivedAt ? Math.round((row.arrivedAt.getTime() - row.receivedAt.getTime()) / 60_000) : null;
    const inTime = row.arrivedAt !== null && row.arrivedAt.getTime() - row.receivedAt.getTime() <= TARGET_MS;
    const tallies = [
      getOrSet(byPriority, row.priorityId, () => ({ ...empty(), priorityId: row.priorityId, title: row.title, wardCode: row.wardCode, wardName: row.wardName, isCallHandlingFlagged: row.isCallHandlingFlagged })),
      getOrSet(byWard, row.wardCode, () => ({ ...empty(), wardCode: row.wardCode, wardName: row.wardName, boroughCode: row.boroughCode })),
      getOrSet(byBorough, row.boroughCode, () => ({ ...empty(), boroughCode: row.boroughCode, boroughName: row.boroughName })),
    ];
    for (const tally of tallies) {
      tally.reported += 1;
      if (inTime) tally.attendedInTime += 1;
      if (row.arrivedAt === null) tally.notAttended += 1;
      tally.share = tally.attendedInTime / tally.reported;
    }
    if (!inTime) misses.push({ callReference: row.callReference, priorityId: row.priorityId, title: row.title, wardCode: row.wardCode, receivedAt: row.receivedAt, arrivedAt: row.arrivedAt, minutesToArrive });
  }
  // Newest misses first: what a manager reviews each morning.
  misses.reverse();
  return {
    targetMinutes: RESPONSE_TARGET_MINUTES,
    byPriority: [...byPriority.values()],
    byWard: [...byWard.values()],
    byBorough: [...byBorough.values()],
    misses: misses.slice(0, params.missLimit ?? 200),
  };
}

function getOrSet<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}
