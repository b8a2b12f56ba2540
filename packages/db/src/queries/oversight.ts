import { londonInstant, londonParts } from "@wardpanel/meetings/london-time";
import { priorityReview } from "@wardpanel/validators";
import { and, eq, inArray, isNull, lt, max, sql } from "drizzle-orm";

import type { Db } from "../client";
import { actions, boroughs, meetings, priorities, priorityProgress, wards } from "../schema";

/** Minutes should be published within this many days of a meeting (the central unit's standard). */
const MINUTES_DUE_DAYS = 28;

type OversightRow = {
  wardCode: string;
  wardName: string;
  boroughName: string;
  advertisedThisMonth: number;
  advertisedNextMonth: number;
  minutesOverdue: number;
  overdueActions: number;
  /** Active priorities not reviewed for 90 days, oldest review first. */
  outOfDatePriorities: OutOfDatePriority[];
};

type OutOfDatePriority = { id: number; title: string; lastReviewed: string | null };

/**
 * Active priorities not reviewed for 90 days (validators' `priorityReview`: the latest of the day
 * published, the last status change and the last progress reported), by ward.
 */
function outOfDatePriorities(db: Db, params: { boroughCode: string | null; now: Date }) {
  const today = londonParts(params.now).date;
  const rows = db
    .select({
      id: priorities.id,
      wardCode: priorities.wardCode,
      title: priorities.title,
      status: priorities.status,
      reviewDate: priorities.reviewDate,
      statusDate: priorities.statusDate,
      publishedAt: priorities.publishedAt,
      lastProgressAt: max(priorityProgress.createdAt),
    })
    .from(priorities)
    .innerJoin(wards, eq(wards.code, priorities.wardCode))
    .leftJoin(priorityProgress, eq(priorityProgress.priorityId, priorities.id))
    .where(
      and(eq(priorities.status, "active"), params.boroughCode ? eq(wards.boroughCode, params.boroughCode) : undefined),
    )
    .groupBy(priorities.id)
    .all();
  const byWard = new Map<string, OutOfDatePriority[]>();
  for (const p of rows) {
    const review = priorityReview(
      {
        status: p.status,
        reviewDate: p.reviewDate,
        reviewedOn: [
          p.publishedAt && londonParts(p.publishedAt).date,
          p.statusDate,
          p.lastProgressAt && londonParts(p.lastProgressAt).date,
        ],
      },
      today,
    );
    if (!review.isOutOfDate) continue;
    const list = byWard.get(p.wardCode) ?? [];
    list.push({ id: p.id, title: p.title, lastReviewed: review.lastReviewed });
    byWard.set(p.wardCode, list);
  }
  for (const list of byWard.values()) list.sort((a, b) => (a.lastReviewed ?? "").localeCompare(b.lastReviewed ?? ""));
  return byWard;
}

const ADVERTISED = ["published", "held", "minutes_published"] as const;

function monthBounds(now: Date) {
  const [year, month] = londonParts(now).date.split("-").map(Number) as [number, number];
  const first = (y: number, m: number) =>
    `${y + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, "0")}-01`;
  return {
    thisMonth: londonInstant(first(year, month), "00:00"),
    nextMonth: londonInstant(first(year, month + 1), "00:00"),
    monthAfter: londonInstant(first(year, month + 2), "00:00"),
  };
}

/** Every ward of a borough (or of London), with what the monthly check looks for. */
export function getOversight(db: Db, params: { boroughCode: string | null; now: Date }): OversightRow[] {
  const { thisMonth, nextMonth, monthAfter } = monthBounds(params.now);
  const today = londonParts(params.now).date;
  const minutesDueBefore = new Date(params.now.getTime() - MINUTES_DUE_DAYS * 24 * 60 * 60 * 1000);
  const wardRows = db
    .select({ wardCode: wards.code, wardName: wards.name, boroughName: boroughs.name })
    .from(wards)
    .innerJoin(boroughs, eq(boroughs.code, wards.boroughCode))
    // Wards in force only: a retired ward's panel holds no more meetings (decision 0026).
    .where(and(isNull(wards.retiredOn), params.boroughCode ? eq(wards.boroughCode, params.boroughCode) : undefined))
    .orderBy(boroughs.name, wards.name)
    .all();

  const countBy = (rows: { wardCode: string; n: number }[]) => new Map(rows.map((r) => [r.wardCode, r.n]));
  const advertisedBetween = (from: Date, to: Date) =>
    countBy(
      db
        .select({ wardCode: meetings.wardCode, n: sql<number>`count(*)` })
        .from(meetings)
        .where(
          and(
            inArray(meetings.status, ADVERTISED),
            sql`${meetings.startsAt} >= ${from.getTime()}`,
            lt(meetings.startsAt, to),
          ),
        )
        .groupBy(meetings.wardCode)
        .all(),
    );
  const thisMonthCounts = advertisedBetween(thisMonth, nextMonth);
  const nextMonthCounts = advertisedBetween(nextMonth, monthAfter);
  const minutesOverdue = countBy(
    db
      .select({ wardCode: meetings.wardCode, n: sql<number>`count(*)` })
      .from(meetings)
      .where(and(eq(meetings.status, "held"), lt(meetings.endsAt, minutesDueBefore)))
      .groupBy(meetings.wardCode)
      .all(),
  );
  const overdueActions = countBy(
    db
      .select({ wardCode: actions.wardCode, n: sql<number>`count(*)` })
      .from(actions)
      .where(and(eq(actions.status, "open"), lt(actions.dueDate, today)))
      .groupBy(actions.wardCode)
      .all(),
  );
  const stale = outOfDatePriorities(db, params);
  return wardRows.map((w) => ({
    ...w,
    advertisedThisMonth: thisMonthCounts.get(w.wardCode) ?? 0,
    advertisedNextMonth: nextMonthCounts.get(w.wardCode) ?? 0,
    minutesOverdue: minutesOverdue.get(w.wardCode) ?? 0,
    overdueActions: overdueActions.get(w.wardCode) ?? 0,
    outOfDatePriorities: stale.get(w.wardCode) ?? [],
  }));
}
