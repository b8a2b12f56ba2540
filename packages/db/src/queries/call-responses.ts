import { londonInstant, londonParts } from "@wardpanel/meetings/london-time";
import { DomainError } from "@wardpanel/validators";
import { and, asc, eq, gte, inArray, lt, ne, type SQL, sql } from "drizzle-orm";

import type { Db } from "../client";
import { boroughs, callResponses, priorities, wards } from "../schema";

/**
 * Calls a control room reports as matching a priority, and whether a unit arrived within the
 * force's target (Policing Pledge point 6; 60 minutes unless the force sets another). Inspectors found no force could monitor this.
 */

export type CallResponseReport = {
  callReference: string;
  priorityId: number;
  receivedAt: Date;
  arrivedAt: Date | null;
};

/** Clocks in a control room and here may disagree by a few minutes. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** A control room may match against a copy of the feed up to a day old (the package's last-good cache). */
const ACTIVE_PERIOD_SLACK_MS = 24 * 60 * 60_000;

/**
 * Records reports idempotently on (key, call reference, priority): sending the same report again
 * changes nothing, and a later report of the same call (the unit has now arrived) replaces the
 * earlier one. Every priority must exist, have been published, and lie in the key's boroughs;
 * every time must fall in the priority's active period (reportingWindow) and not be in the future
 * (beyond CLOCK_SKEW_MS), and a unit cannot arrive before the call. Otherwise nothing is recorded
 * and the DomainError names the report and field (`responses[3].priorityId`, `responses[0].arrivedAt`).
 */
export function recordCallResponses(
  db: Db,
  params: { apiKeyId: number; boroughCodes: readonly string[]; reports: readonly CallResponseReport[]; now: Date },
): { recorded: number } {
  return db.transaction(() => {
    const ids = [...new Set(params.reports.map((r) => r.priorityId))];
    const found =
      ids.length === 0
        ? []
        : db
            .select({
              id: priorities.id,
              status: priorities.status,
              boroughCode: wards.boroughCode,
              startDate: priorities.startDate,
              statusDate: priorities.statusDate,
              publishedAt: priorities.publishedAt,
            })
            .from(priorities)
            .innerJoin(wards, eq(wards.code, priorities.wardCode))
            .where(inArray(priorities.id, ids))
            .all();
    const byId = new Map(found.map((p) => [p.id, p]));
    params.reports.forEach((report, index) => {
      const field = `responses[${index}]`;
      const priority = byId.get(report.priorityId);
      if (!priority || priority.status === "draft")
        throw new DomainError(
          "not_found",
          `There is no published priority ${report.priorityId}`,
          `${field}.priorityId`,
        );
      if (params.boroughCodes.length > 0 && !params.boroughCodes.includes(priority.boroughCode)) {
        throw new DomainError(
          "forbidden",
          `Priority ${report.priorityId} is outside this key's boroughs`,
          `${field}.priorityId`,
        );
      }
      const latest = params.now.getTime() + CLOCK_SKEW_MS;
      if (report.receivedAt.getTime() > latest)
        throw new DomainError("invalid", "The call's received time is in the future", `${field}.receivedAt`);
      if (report.arrivedAt && report.arrivedAt.getTime() > latest)
        throw new DomainError("invalid", "The unit's arrival time is in the future", `${field}.arrivedAt`);
      if (report.arrivedAt && report.arrivedAt < report.receivedAt)
        throw new DomainError("invalid", "A unit cannot arrive before the call was received", `${field}.arrivedAt`);
      const window = reportingWindow(priority, params.now);
      if (report.receivedAt < window.from)
        throw new DomainError(
          "invalid",
          `The call was received before priority ${report.priorityId} was active (from ${window.fromDate})`,
          `${field}.receivedAt`,
        );
      if (report.receivedAt > window.until)
        throw new DomainError(
          "invalid",
          `The call was received after priority ${report.priorityId} ended (${window.untilDate})`,
          `${field}.receivedAt`,
        );
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

/**
 * When calls could have matched a priority: from the earlier of its start date (midnight, London)
 * and its publication, to the end of the London day it ended on (or now, while active), each
 * widened by ACTIVE_PERIOD_SLACK_MS. The dates are London calendar dates for messages.
 */
function reportingWindow(
  p: { status: string; startDate: string | null; statusDate: string | null; publishedAt: Date | null },
  now: Date,
) {
  const starts = [
    p.startDate ? londonInstant(p.startDate, "00:00").getTime() : null,
    p.publishedAt?.getTime() ?? null,
  ].filter((t): t is number => t !== null);
  const start = starts.length > 0 ? Math.min(...starts) : now.getTime();
  const endedOn = p.status === "active" ? null : p.statusDate;
  const end = endedOn ? londonInstant(endedOn, "00:00").getTime() + 24 * 60 * 60_000 : now.getTime();
  return {
    from: new Date(start - ACTIVE_PERIOD_SLACK_MS),
    until: new Date(end + ACTIVE_PERIOD_SLACK_MS),
    fromDate: londonParts(new Date(start)).date,
    untilDate: endedOn ?? londonParts(now).date,
  };
}

type ResponseShare = { reported: number; attendedInTime: number; notAttended: number; share: number | null };
type PriorityResponseStats = ResponseShare & {
  priorityId: number;
  title: string;
  wardCode: string;
  wardName: string;
  isCallHandlingFlagged: boolean;
};
type WardResponseStats = ResponseShare & { wardCode: string; wardName: string; boroughCode: string };
type BoroughResponseStats = ResponseShare & { boroughCode: string; boroughName: string };
type ResponseMiss = {
  callReference: string;
  priorityId: number;
  title: string;
  wardCode: string;
  receivedAt: Date;
  arrivedAt: Date | null;
  minutesToArrive: number | null;
};

type ResponseStats = {
  targetMinutes: number;
  byPriority: PriorityResponseStats[];
  byWard: WardResponseStats[];
  byBorough: BoroughResponseStats[];
  misses: ResponseMiss[];
};

/** `wardCodes: null` means every ward (admins); `from`/`to` bound the time the call was received. */
type ResponseStatsParams = {
  wardCodes: readonly string[] | null;
  from?: Date | null;
  to?: Date | null;
  missLimit?: number;
  /** The force's call-handling response target in minutes (CALL_RESPONSE_TARGET_MINUTES; 60 by default). */
  targetMinutes?: number;
};

/** Per priority, ward and borough: the share of reported calls attended within the force's target, and the misses. */
export function getResponseStats(db: Db, params: ResponseStatsParams): ResponseStats {
  const targetMinutes = params.targetMinutes ?? 60;
  const targetMs = targetMinutes * 60_000;
  const where: SQL[] = [];
  if (params.wardCodes)
    where.push(params.wardCodes.length === 0 ? sql`0` : inArray(priorities.wardCode, [...params.wardCodes]));
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
    const minutesToArrive = row.arrivedAt
      ? Math.round((row.arrivedAt.getTime() - row.receivedAt.getTime()) / 60_000)
      : null;
    const inTime = row.arrivedAt !== null && row.arrivedAt.getTime() - row.receivedAt.getTime() <= targetMs;
    const tallies = [
      getOrSet(byPriority, row.priorityId, () => ({
        ...empty(),
        priorityId: row.priorityId,
        title: row.title,
        wardCode: row.wardCode,
        wardName: row.wardName,
        isCallHandlingFlagged: row.isCallHandlingFlagged,
      })),
      getOrSet(byWard, row.wardCode, () => ({
        ...empty(),
        wardCode: row.wardCode,
        wardName: row.wardName,
        boroughCode: row.boroughCode,
      })),
      getOrSet(byBorough, row.boroughCode, () => ({
        ...empty(),
        boroughCode: row.boroughCode,
        boroughName: row.boroughName,
      })),
    ];
    for (const tally of tallies) {
      tally.reported += 1;
      if (inTime) tally.attendedInTime += 1;
      if (row.arrivedAt === null) tally.notAttended += 1;
      tally.share = tally.attendedInTime / tally.reported;
    }
    if (!inTime)
      misses.push({
        callReference: row.callReference,
        priorityId: row.priorityId,
        title: row.title,
        wardCode: row.wardCode,
        receivedAt: row.receivedAt,
        arrivedAt: row.arrivedAt,
        minutesToArrive,
      });
  }
  // Newest misses first: what a manager reviews each morning.
  misses.reverse();
  return {
    targetMinutes,
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
