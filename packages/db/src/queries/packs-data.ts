import { londonInstant } from "@wardpanel/meetings/london-time";
import { and, asc, eq, gte, inArray, lt, ne, sql } from "drizzle-orm";

import type { Db } from "../client";
import { callResponses, crimes, meetings, priorities, priorityProgress, type WardGeometry, wards } from "../schema";
import { listCrimeMonthsForBorough } from "./crimes";
import { getTeam } from "./panels";
import { getWard } from "./wards";

/**
 * Everything a ward's monthly pack is made from, read in one go. It is plain JSON (dates as ISO
 * strings) because publishing freezes it in `packs.published`: every output of a published pack
 * (web, PDF, e-mail) renders the same frozen facts. @wardpanel/packs turns it into the view model.
 */
export type PackData = {
  version: 1;
  month: string;
  /**
   * `nameWelsh`: the ward's Welsh name where the boundary file gave one, null otherwise; absent from
   * packs frozen before it was added (read it as null).
   */
  ward: {
    code: string;
    name: string;
    nameWelsh?: string | null;
    boroughCode: string;
    boroughName: string;
    boundary: WardGeometry;
  };
  /**
   * The force whose police.uk month placed the borough's crimes, as police.uk names it
   * ("Leicestershire Police"), named where the pack credits its figures; null when no crime of the
   * borough that month is held. Absent from packs published before it was kept.
   */
  force?: string | null;
  /** The 13 months from a year before up to the pack month, oldest first. */
  months: PackMonthCounts[];
  /**
   * This month's crimes in the ward reported by a force that does not police it (the British
   * Transport Police at stations, the City of London Police across its boundary), by force as
   * police.uk names it, largest first: shown apart, never added to the ward's figures (decision 0023).
   * Absent from packs published before it was kept.
   */
  otherForces?: PackOtherForceCounts[];
  /** Where this month's crimes happened (police.uk's anonymised points). */
  points: { lon: number; lat: number; category: string }[];
  /** This month's crimes by outcome group ("" for ASB, which has no outcomes). */
  outcomesThisMonth: Record<string, number>;
  /** Crimes from earlier months whose outcome was recorded in the pack month, by group and by month. */
  outcomeUpdates: { month: string; outcomeGroup: string; count: number }[];
  priorities: PackPriority[];
  /** Calls about the ward's priorities received in the pack month (Policing Pledge point 6). */
  calls: PackCalls;
  team: {
    contacts: {
      baseName: string | null;
      baseAddress: string | null;
      email: string | null;
      phone: string | null;
      publicNote: string | null;
    } | null;
    officers: { id: number; name: string; rank: string }[];
  };
  nextMeeting: {
    meetingId: number;
    title: string;
    startsAt: string;
    endsAt: string;
    venueName: string;
    venueAddress: string;
  } | null;
  commentary: string;
  partnerActions: string;
  generatedAt: string;
};

export type PackMonthCounts = {
  month: string;
  /** False when no crime data is held for the ward's borough that month: not the same as zero. */
  covered: boolean;
  total: number;
  byCategory: Record<string, number>;
};

export type PackOtherForceCounts = { force: string; total: number; byCategory: Record<string, number> };

export type PackPriority = {
  id: number;
  title: string;
  problem: string;
  placeName: string;
  wantedAction: string;
  successMeasure: string;
  reviewDate: string | null;
  isCallHandlingFlagged: boolean;
  progress: { policeAction: string; partnerAction: string; whatChanged: string }[];
};

/**
 * The month's calls about the ward's priorities and how many were attended within the force's
 * call-handling response target. `targetMinutes` is frozen with the pack so an old pack keeps
 * saying what was true then; packs frozen before it was kept lack it (and name the count
 * `within60`): read them through `packCallsOf`.
 */
export type PackCalls = { received: number; withinTarget: number; targetMinutes?: number };

/** A frozen pack's calls, whatever the shape it was frozen in: packs from before the field say 60 minutes. */
export function packCallsOf(calls: PackCalls | { received: number; within60: number }): Required<PackCalls> {
  if ("withinTarget" in calls)
    return { received: calls.received, withinTarget: calls.withinTarget, targetMinutes: calls.targetMinutes ?? 60 };
  return { received: calls.received, withinTarget: calls.within60, targetMinutes: 60 };
}

/** "2024-12" plus n months ("2023-12" for -12). */
function addMonths(month: string, n: number): string {
  const [y = 0, m = 1] = month.split("-").map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The London instants a month starts and ends: crime months and call times are London months. */
function londonMonthSpan(month: string): { start: Date; end: Date } {
  return { start: londonInstant(`${month}-01`, "00:00"), end: londonInstant(`${addMonths(month, 1)}-01`, "00:00") };
}

type GetPackDataParams = {
  wardCode: string;
  month: string;
  commentary?: string;
  partnerActions?: string;
  now: Date;
  /** The force's call-handling response target in minutes (60 by default, the seeds' promise). */
  callTargetMinutes?: number;
};

export function getPackData(
  db: Db,
  { wardCode, month, commentary = "", partnerActions = "", now, callTargetMinutes = 60 }: GetPackDataParams,
): PackData {
  const ward = getWard(db, wardCode);
  const first = addMonths(month, -12);

  const coveredMonths = new Set(listCrimeMonthsForBorough(db, ward.boroughCode, { from: first, to: month }));
  const counts = db
    .select({ month: crimes.month, category: crimes.category, n: sql<number>`count(*)` })
    .from(crimes)
    .where(
      and(
        eq(crimes.wardCode, wardCode),
        gte(crimes.month, first),
        sql`${crimes.month} <= ${month}`,
        eq(crimes.placement, "ward"),
      ),
    )
    .groupBy(crimes.month, crimes.category)
    .all();
  const months: PackMonthCounts[] = Array.from({ length: 13 }, (_, i) => {
    const m = addMonths(first, i);
    const byCategory: Record<string, number> = {};
    let total = 0;
    for (const c of counts) {
      if (c.month !== m) continue;
      byCategory[c.category] = c.n;
      total += c.n;
    }
    return { month: m, covered: coveredMonths.has(m), total, byCategory };
  });

  const thisMonth = and(eq(crimes.wardCode, wardCode), eq(crimes.month, month), eq(crimes.placement, "ward"));
  const points = db
    .select({ lon: crimes.lon, lat: crimes.lat, category: crimes.category })
    .from(crimes)
    .where(thisMonth)
    .all()
    .flatMap((p) => (p.lon === null || p.lat === null ? [] : [{ lon: p.lon, lat: p.lat, category: p.category }]));
  const outcomesThisMonth = Object.fromEntries(
    db
      .select({ group: crimes.outcomeGroup, n: sql<number>`count(*)` })
      .from(crimes)
      .where(thisMonth)
      .groupBy(crimes.outcomeGroup)
      .all()
      .map((r) => [r.group, r.n]),
  );
  const outcomeUpdates = db
    .select({ month: crimes.month, outcomeGroup: crimes.outcomeGroup, count: sql<number>`count(*)` })
    .from(crimes)
    .where(
      and(
        eq(crimes.wardCode, wardCode),
        eq(crimes.placement, "ward"),
        lt(crimes.month, month),
        eq(crimes.outcomeMonth, month),
      ),
    )
    .groupBy(crimes.month, crimes.outcomeGroup)
    .orderBy(asc(crimes.month), asc(crimes.outcomeGroup))
    .all();

  const otherForces = getOtherForceCounts(db, wardCode, month);
  const force = getBoroughMonthForce(db, ward.boroughCode, month);
  const team = getTeam(db, wardCode);
  const next = db
    .select({
      meetingId: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      venueName: meetings.venueName,
      venueAddress: meetings.venueAddress,
    })
    .from(meetings)
    .where(and(eq(meetings.wardCode, wardCode), eq(meetings.status, "published"), gte(meetings.startsAt, now)))
    .orderBy(asc(meetings.startsAt))
    .limit(1)
    .get();

  return {
    version: 1,
    month,
    ward: {
      code: ward.code,
      name: ward.name,
      nameWelsh: ward.nameWelsh,
      boroughCode: ward.boroughCode,
      boroughName: ward.boroughName,
      boundary: ward.boundary,
    },
    force,
    months,
    otherForces,
    points,
    outcomesThisMonth,
    outcomeUpdates,
    priorities: getPackPriorities(db, wardCode, month),
    calls: getPriorityCallStats(db, wardCode, month, callTargetMinutes),
    team: {
      contacts: team.contacts
        ? {
            baseName: team.contacts.baseName,
            baseAddress: team.contacts.baseAddress,
            email: team.contacts.email,
            phone: team.contacts.phone,
            publicNote: team.contacts.publicNote,
          }
        : null,
      officers: team.officers,
    },
    nextMeeting: next ? { ...next, startsAt: next.startsAt.toISOString(), endsAt: next.endsAt.toISOString() } : null,
    commentary,
    partnerActions,
    generatedAt: now.toISOString(),
  };
}

/** The force whose month file placed most of the borough's crimes in its wards this month, or null. */
function getBoroughMonthForce(db: Db, boroughCode: string, month: string): string | null {
  const row = db
    .select({ force: crimes.force, n: sql<number>`count(*)` })
    .from(crimes)
    .where(
      and(
        eq(crimes.month, month),
        eq(crimes.placement, "ward"),
        inArray(crimes.wardCode, db.select({ code: wards.code }).from(wards).where(eq(wards.boroughCode, boroughCode))),
      ),
    )
    .groupBy(crimes.force)
    .orderBy(sql`count(*) desc`, asc(crimes.force))
    .limit(1)
    .get();
  return row?.force ?? null;
}

/** Crimes another force reported in the ward this month: its own reporting force, else the month's force. */
function getOtherForceCounts(db: Db, wardCode: string, month: string): PackOtherForceCounts[] {
  const force = sql<string>`case when ${crimes.reportedBy} = '' then ${crimes.force} else ${crimes.reportedBy} end`;
  const rows = db
    .select({ force, category: crimes.category, n: sql<number>`count(*)` })
    .from(crimes)
    .where(and(eq(crimes.wardCode, wardCode), eq(crimes.month, month), eq(crimes.placement, "outside-force-area")))
    .groupBy(force, crimes.category)
    .all();
  const byForce = new Map<string, PackOtherForceCounts>();
  for (const r of rows) {
    const entry = byForce.get(r.force) ?? { force: r.force, total: 0, byCategory: {} };
    entry.total += r.n;
    entry.byCategory[r.category] = r.n;
    byForce.set(r.force, entry);
  }
  return [...byForce.values()].sort((a, b) => b.total - a.total || (a.force < b.force ? -1 : 1));
}

/** "You said – We did": the ward's active priorities, each with its progress entries for the month. */
function getPackPriorities(db: Db, wardCode: string, month: string): PackPriority[] {
  const active = db
    .select({
      id: priorities.id,
      title: priorities.title,
      problem: priorities.problem,
      placeName: priorities.placeName,
      wantedAction: priorities.wantedAction,
      successMeasure: priorities.successMeasure,
      reviewDate: priorities.reviewDate,
      // A flag that lapsed for want of a review (decision 0029) is not promised in the pack.
      isCallHandlingFlagged:
        sql<boolean>`(${priorities.isCallHandlingFlagged} and ${priorities.flagLapsedAt} is null)`.mapWith(Boolean),
    })
    .from(priorities)
    .where(and(eq(priorities.wardCode, wardCode), eq(priorities.status, "active")))
    .orderBy(asc(priorities.id))
    .all();
  if (active.length === 0) return [];
  const progress = db
    .select({
      priorityId: priorityProgress.priorityId,
      policeAction: priorityProgress.policeAction,
      partnerAction: priorityProgress.partnerAction,
      whatChanged: priorityProgress.whatChanged,
    })
    .from(priorityProgress)
    .where(
      and(
        inArray(
          priorityProgress.priorityId,
          active.map((p) => p.id),
        ),
        eq(priorityProgress.month, month),
      ),
    )
    .orderBy(asc(priorityProgress.id))
    .all();
  return active.map((p) => ({
    ...p,
    progress: progress.filter((r) => r.priorityId === p.id).map(({ priorityId: _, ...entry }) => entry),
  }));
}

/**
 * Calls about any of the ward's priorities received in the month (London time), and how many were
 * attended within the force's target. A call with no arrival recorded counts as not attended in time.
 */
function getPriorityCallStats(db: Db, wardCode: string, month: string, targetMinutes: number): Required<PackCalls> {
  const { start, end } = londonMonthSpan(month);
  const targetMs = targetMinutes * 60_000;
  const row = db
    .select({
      received: sql<number>`count(*)`,
      withinTarget: sql<number>`coalesce(sum(case when ${callResponses.arrivedAt} is not null and ${callResponses.arrivedAt} - ${callResponses.receivedAt} <= ${targetMs} then 1 else 0 end), 0)`,
    })
    .from(callResponses)
    .innerJoin(priorities, eq(priorities.id, callResponses.priorityId))
    .where(
      and(
        eq(priorities.wardCode, wardCode),
        gte(callResponses.receivedAt, start),
        lt(callResponses.receivedAt, end),
        ne(priorities.status, "draft"),
      ),
    )
    .get();
  return { received: row?.received ?? 0, withinTarget: row?.withinTarget ?? 0, targetMinutes };
}
