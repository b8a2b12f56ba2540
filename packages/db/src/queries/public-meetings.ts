import { DomainError } from "@wardpanel/validators";
import { and, desc, eq, gte, inArray, lt, max, sql } from "drizzle-orm";

import type { Db } from "../client";
import { agendaVersions, meetings, minutesVersions } from "../schema";
import { getMeetingInWard, type Meeting } from "./meetings";

/** A meeting once advertised stays public; a draft, or one cancelled before it was advertised, never is. */
function isPublic(meeting: Pick<Meeting, "status" | "publishedAt">): boolean {
  return meeting.status !== "draft" && meeting.publishedAt !== null;
}

/** A meeting of this ward the public may see, or "not found". */
export function getPublicMeeting(db: Db, wardCode: string, meetingId: number): Meeting {
  const meeting = getMeetingInWard(db, wardCode, meetingId);
  if (!isPublic(meeting)) throw new DomainError("not_found", "There is no such meeting for this ward");
  return meeting;
}

/** How long a calendar keeps a meeting after it starts: held and minuted meetings stay for a year. */
export const CALENDAR_KEEPS_MONTHS = 12;

/** The earliest start a ward's calendar still carries on `now`: the same moment 12 months before. */
export function calendarHorizon(now: Date): Date {
  const horizon = new Date(now);
  horizon.setUTCMonth(horizon.getUTCMonth() - CALENDAR_KEEPS_MONTHS);
  return horizon;
}

const ADVERTISED = ["published", "cancelled", "held", "minutes_published"] as const;

/**
 * A ward's calendar feed: every advertised meeting, including cancelled ones, held ones and those
 * with published minutes, that started in the last 12 months or is still to come. A meeting keeps
 * its place (and UID) when it is held and minuted, so nothing vanishes from subscribers' calendars.
 */
export function listCalendarMeetings(db: Db, params: { wardCode: string; now: Date }): Meeting[] {
  return db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.wardCode, params.wardCode),
        inArray(meetings.status, ADVERTISED),
        gte(meetings.startsAt, calendarHorizon(params.now)),
      ),
    )
    .orderBy(meetings.startsAt)
    .all()
    .filter(isPublic);
}

export const PAST_MEETINGS_PER_PAGE = 10;

const HELD = ["held", "minutes_published"] as const;

/**
 * A ward's held meetings, newest first, a page at a time (page 1 is the newest ten): each with
 * whether its agenda was published and when its current minutes were published, if they were.
 */
export function listPastMeetings(db: Db, params: { wardCode: string; page: number; now: Date }) {
  const where = and(
    eq(meetings.wardCode, params.wardCode),
    inArray(meetings.status, HELD),
    lt(meetings.startsAt, params.now),
  );
  const rows = db
    .select({
      meeting: meetings,
      hasAgenda: sql<number>`exists (select 1 from ${agendaVersions} where ${agendaVersions.meetingId} = ${meetings.id})`,
    })
    .from(meetings)
    .where(where)
    .orderBy(desc(meetings.startsAt), desc(meetings.id))
    .limit(PAST_MEETINGS_PER_PAGE + 1)
    .offset((params.page - 1) * PAST_MEETINGS_PER_PAGE)
    .all();
  const shown = rows.slice(0, PAST_MEETINGS_PER_PAGE);
  const ids = shown.map((r) => r.meeting.id);
  const minutes =
    ids.length === 0
      ? []
      : db
          .select({ meetingId: minutesVersions.meetingId, publishedAt: max(minutesVersions.publishedAt) })
          .from(minutesVersions)
          .where(and(inArray(minutesVersions.meetingId, ids), eq(minutesVersions.status, "published")))
          .groupBy(minutesVersions.meetingId)
          .all();
  const minutesPublished = new Map(minutes.map((m) => [m.meetingId, m.publishedAt]));
  const [total] = db
    .select({ n: sql<number>`count(*)` })
    .from(meetings)
    .where(where)
    .all();
  return {
    meetings: shown.map((r) => ({
      meeting: r.meeting,
      hasAgenda: r.hasAgenda === 1,
      minutesPublishedAt: minutesPublished.get(r.meeting.id) ?? null,
    })),
    total: total?.n ?? 0,
    hasOlder: rows.length > PAST_MEETINGS_PER_PAGE,
  };
}
