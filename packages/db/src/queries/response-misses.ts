import { londonInstant, londonParts } from "@wardpanel/meetings/london-time";
import { DomainError, MISSES_MAX_DAYS, type MissesPeriodInput } from "@wardpanel/validators";
import { and, asc, eq, gte, inArray, isNull, lt, ne, or, type SQL, sql } from "drizzle-orm";

import type { Db } from "../client";
import { apiKeys, boroughs, callResponses, priorities, wards } from "../schema";

/**
 * The managers' daily report (issue 14, item 8; the Essex practice of reporting failures to
 * managers daily): each reported call whose unit arrived later than the force's response target,
 * or has not arrived and the target has passed. Served as CSV to control rooms
 * (GET /feed/v1/responses/misses.csv) and staff (/api/response-misses.csv), and listed in the staff app.
 */

const DAY_MS = 24 * 60 * 60_000;

/** A resolved period: London dates (inclusive) and the instants `[from, until)` that bound the call's receipt. */
export type MissesPeriod = { fromDate: string; toDate: string; from: Date; until: Date };

/** The London calendar day after `date` ("2026-10-25" → "2026-10-26"), whatever the clocks do. */
function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/**
 * London dates → the period. `to` defaults to yesterday (London), or to `from` when that is later;
 * `from` defaults to `to`. Both days are whole London days, 23 or 25 hours long when the clocks
 * change. DomainError("invalid", …, "to") when `to` is before `from` or the period is longer than
 * MISSES_MAX_DAYS days. The input's shape is checked by MissesPeriodInput (validators).
 */
export function resolveMissesPeriod(input: MissesPeriodInput, now: Date): MissesPeriod {
  const today = londonParts(now).date;
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
  const toDate = input.to ?? (input.from && input.from > yesterday ? input.from : yesterday);
  const fromDate = input.from ?? toDate;
  if (toDate < fromDate)
    throw new DomainError(
      "invalid",
      `to (${toDate}) is before from (${fromDate}): give the earlier date as from`,
      "to",
    );
  const days = (Date.parse(`${toDate}T00:00:00Z`) - Date.parse(`${fromDate}T00:00:00Z`)) / DAY_MS + 1;
  if (days > MISSES_MAX_DAYS)
    throw new DomainError(
      "invalid",
      `The period from ${fromDate} to ${toDate} is ${days} days; ask for at most ${MISSES_MAX_DAYS} days at a time`,
      "to",
    );
  return { fromDate, toDate, from: londonInstant(fromDate, "00:00"), until: londonInstant(nextDay(toDate), "00:00") };
}

/**
 * Whose calls: `boroughCodes` (a feed key's; empty is all of London) or `wardCodes` (a sergeant's
 * or chair's wards; null is every ward, for admins). `targetMinutes` is the force's target
 * (CALL_RESPONSE_TARGET_MINUTES); `now` decides whether a call with no unit yet has passed it.
 */
export type ResponseMissesParams = {
  scope: { boroughCodes: readonly string[] } | { wardCodes: readonly string[] | null };
  period: MissesPeriod;
  targetMinutes: number;
  now: Date;
};

/**
 * The misses of calls received in the period, oldest first. Minutes are whole minutes rounded up,
 * so a miss is always at least one minute over: a unit arriving exactly on the target is on time.
 * `minutesTaken` and `minutesOver` are null while no unit has arrived.
 */
export function listResponseMisses(db: Db, params: ResponseMissesParams) {
  const targetMs = params.targetMinutes * 60_000;
  const where: SQL[] = [
    ne(priorities.status, "draft"),
    gte(callResponses.receivedAt, params.period.from),
    lt(callResponses.receivedAt, params.period.until),
    // Late (more than the target after the call), or no unit and the target already passed.
    or(
      sql`${callResponses.arrivedAt} - ${callResponses.receivedAt} > ${targetMs}`,
      and(isNull(callResponses.arrivedAt), lt(callResponses.receivedAt, new Date(params.now.getTime() - targetMs))),
    ) as SQL,
  ];
  const { scope } = params;
  if ("boroughCodes" in scope) {
    if (scope.boroughCodes.length > 0) where.push(inArray(wards.boroughCode, [...scope.boroughCodes]));
  } else if (scope.wardCodes) {
    where.push(scope.wardCodes.length === 0 ? sql`0` : inArray(priorities.wardCode, [...scope.wardCodes]));
  }
  const rows = db
    .select({
      callReference: callResponses.callReference,
      receivedAt: callResponses.receivedAt,
      arrivedAt: callResponses.arrivedAt,
      priorityId: priorities.id,
      title: priorities.title,
      wardCode: wards.code,
      wardName: wards.name,
      boroughCode: boroughs.code,
      boroughName: boroughs.name,
      reportedBy: apiKeys.name,
    })
    .from(callResponses)
    .innerJoin(priorities, eq(priorities.id, callResponses.priorityId))
    .innerJoin(wards, eq(wards.code, priorities.wardCode))
    .innerJoin(boroughs, eq(boroughs.code, wards.boroughCode))
    .innerJoin(apiKeys, eq(apiKeys.id, callResponses.apiKeyId))
    .where(and(...where))
    .orderBy(asc(callResponses.receivedAt), asc(callResponses.id))
    .all();
  return rows.map((row) => {
    const minutesTaken = row.arrivedAt
      ? Math.ceil((row.arrivedAt.getTime() - row.receivedAt.getTime()) / 60_000)
      : null;
    return {
      ...row,
      minutesTaken,
      targetMinutes: params.targetMinutes,
      minutesOver: minutesTaken === null ? null : minutesTaken - params.targetMinutes,
    };
  });
}

export type ResponseMiss = ReturnType<typeof listResponseMisses>[number];
