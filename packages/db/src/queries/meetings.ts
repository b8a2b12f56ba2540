import { randomUUID } from "node:crypto";

import { LocalTimeError, londonInstant } from "@wardpanel/meetings/london-time";
import { MEETING_LIFECYCLE } from "@wardpanel/meetings/meeting-lifecycle";
import { meetingPlace } from "@wardpanel/meetings/meeting-place";
import { describeRule, monthlyDates, type MonthlyRule } from "@wardpanel/meetings/series";
import { DomainError, type MeetingDetails } from "@wardpanel/validators";
import { and, asc, eq, gt, gte, inArray } from "drizzle-orm";

import type { Db } from "../client";
import { returnedRow } from "../returned-row";
import { meetings, meetingSeries } from "../schema";
import { assertWardInForce } from "./former-wards";
import { insertTemplateAgenda } from "./template-agenda";

export type { MeetingDetails };

/**
 * The stored columns for details on a London date; a time the clocks skip is refused against the
 * field. A meeting only online has no room, so no step-free access or hearing loop is kept for it.
 */
function timedRow(details: MeetingDetails, date: string) {
  const { startTime, endTime, ...rest } = details;
  const room = meetingPlace(details) === "online" ? { stepFreeAccess: false, hearingLoop: false } : {};
  try {
    return { ...rest, ...room, startsAt: londonInstant(date, startTime), endsAt: londonInstant(date, endTime) };
  } catch (error) {
    if (error instanceof LocalTimeError) throw new DomainError("invalid", error.message, "startTime");
    throw error;
  }
}

type CreateMeetingParams = {
  wardCode: string;
  date: string;
  details: MeetingDetails;
  createdBy: number | null;
  now: Date;
};

/** A new meeting starts from the template agenda. A retired ward takes none (assertWardInForce). */
export function createMeeting(db: Db, { wardCode, date, details, createdBy, now }: CreateMeetingParams): number {
  assertWardInForce(db, wardCode);
  return db.transaction(() => {
    const id = returnedRow(
      db
        .insert(meetings)
        .values({ ...timedRow(details, date), wardCode, uid: `${randomUUID()}@wardpanel`, createdBy, updatedAt: now })
        .returning({ id: meetings.id }),
    ).id;
    insertTemplateAgenda(db, id, now);
    return id;
  });
}

type ScheduleSeriesParams = {
  wardCode: string;
  rule: MonthlyRule;
  details: MeetingDetails;
  createdBy: number | null;
  now: Date;
};

/** Creates every meeting of a monthly series as drafts, all or nothing; none in a retired ward (assertWardInForce). */
export function scheduleSeries(db: Db, { wardCode, rule, details, createdBy, now }: ScheduleSeriesParams) {
  assertWardInForce(db, wardCode);
  return db.transaction((tx) => {
    const seriesId = returnedRow(
      tx
        .insert(meetingSeries)
        .values({ wardCode, description: describeRule(rule) })
        .returning({ id: meetingSeries.id }),
    ).id;
    const ids = monthlyDates(rule).map((date) => {
      const id = returnedRow(
        tx
          .insert(meetings)
          .values({
            ...timedRow(details, date),
            wardCode,
            seriesId,
            uid: `${randomUUID()}@wardpanel`,
            createdBy,
            updatedAt: now,
          })
          .returning({ id: meetings.id }),
      ).id;
      insertTemplateAgenda(tx, id, now);
      return id;
    });
    return { seriesId, meetingIds: ids };
  });
}

/** A meeting of this ward; a meeting of another ward is "not found", never shown. */
export function getMeetingInWard(db: Db, wardCode: string, meetingId: number) {
  const meeting = db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.wardCode, wardCode)))
    .get();
  if (!meeting) throw new DomainError("not_found", "There is no such meeting for this ward");
  return meeting;
}

/** Edits one meeting (one occurrence of a series). After publishing, calendars see the change. */
export function updateMeeting(
  db: Db,
  params: { wardCode: string; meetingId: number; date: string; details: MeetingDetails; now: Date },
) {
  db.transaction(() => {
    const meeting = getMeetingInWard(db, params.wardCode, params.meetingId);
    MEETING_LIFECYCLE.assert(meeting.status, "edit");
    const row = timedRow(params.details, params.date);
    if (meeting.status === "published" && row.startsAt.getTime() < params.now.getTime()) {
      throw new DomainError("invalid", "A published meeting cannot be moved into the past", "date");
    }
    db.update(meetings)
      .set({ ...row, sequence: meeting.sequence + (meeting.status === "published" ? 1 : 0), updatedAt: params.now })
      .where(eq(meetings.id, meeting.id))
      .run();
  });
}

export function publishMeeting(
  db: Db,
  { wardCode, meetingId, now }: { wardCode: string; meetingId: number; now: Date },
) {
  db.transaction(() => {
    const meeting = getMeetingInWard(db, wardCode, meetingId);
    MEETING_LIFECYCLE.assert(meeting.status, "publish");
    if (meeting.startsAt.getTime() <= now.getTime()) {
      throw new DomainError(
        "invalid",
        "This meeting is in the past, so it cannot be advertised as upcoming. Change its date first.",
        "date",
      );
    }
    db.update(meetings)
      .set({ status: "published", publishedAt: now, updatedAt: now })
      .where(eq(meetings.id, meeting.id))
      .run();
  });
}

/**
 * Publishes every draft meeting of a series that is still to come, in one transaction: the
 * meetings' ids, earliest first. Drafts already past are left as they are (they cannot be
 * advertised). Refused as not found when the series is not this ward's, and as a conflict when it
 * has no draft still to come.
 */
export function publishSeries(
  db: Db,
  { wardCode, seriesId, now }: { wardCode: string; seriesId: number; now: Date },
): number[] {
  return db.transaction(() => {
    const series = db
      .select({ id: meetingSeries.id })
      .from(meetingSeries)
      .where(and(eq(meetingSeries.id, seriesId), eq(meetingSeries.wardCode, wardCode)))
      .get();
    if (!series) throw new DomainError("not_found", "There is no such series of meetings in this ward", "seriesId");
    const drafts = db
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.seriesId, series.id), eq(meetings.status, "draft"), gt(meetings.startsAt, now)))
      .orderBy(asc(meetings.startsAt))
      .all();
    if (drafts.length === 0)
      throw new DomainError("conflict", "Every meeting still to come in this series is already published");
    for (const draft of drafts) publishMeeting(db, { wardCode, meetingId: draft.id, now });
    return drafts.map((d) => d.id);
  });
}

/** Cancels a meeting; the reason stays visible on the public page and in calendars. */
export function cancelMeeting(
  db: Db,
  { wardCode, meetingId, reason, now }: { wardCode: string; meetingId: number; reason: string; now: Date },
) {
  db.transaction(() => {
    const meeting = getMeetingInWard(db, wardCode, meetingId);
    MEETING_LIFECYCLE.assert(meeting.status, "cancel");
    db.update(meetings)
      .set({ status: "cancelled", cancellationReason: reason, sequence: meeting.sequence + 1, updatedAt: now })
      .where(eq(meetings.id, meeting.id))
      .run();
  });
}

/** Every meeting of a ward, for its staff. */
export function listWardMeetings(db: Db, wardCode: string) {
  return db.select().from(meetings).where(eq(meetings.wardCode, wardCode)).orderBy(asc(meetings.startsAt)).all();
}

/** What the public sees: advertised and cancelled meetings that end after `since`. */
export function listPublicMeetings(db: Db, wardCode: string, since: Date) {
  return db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.wardCode, wardCode),
        inArray(meetings.status, ["published", "cancelled"]),
        gte(meetings.endsAt, since),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .all()
    .filter((m) => m.status !== "cancelled" || m.publishedAt !== null);
}

export type Meeting = typeof meetings.$inferSelect;
