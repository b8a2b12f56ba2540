import { londonInstant, londonParts } from "@wardpanel/meetings/london-time";
import { and, eq, inArray, lt, sql } from "drizzle-orm";

import type { Db } from "../client";
import { actions, boroughs, meetings, wards } from "../schema";

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
};

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
    .where(params.boroughCode ? eq(wards.boroughCode, params.boroughCode) : undefined)
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
  return wardRows.map((w) => ({
    ...w,
    advertisedThisMonth: thisMonthCounts.get(w.wardCode) ?? 0,
    advertisedNextMonth: nextMonthCounts.get(w.wardCode) ?? 0,
    minutesOverdue: minutesOverdue.get(w.wardCode) ?? 0,
    overdueActions: overdueActions.get(w.wardCode) ?? 0,
  }));
}
