import { MEETING_LIFECYCLE } from "@wardpanel/meetings/meeting-lifecycle";
import { type QuorumRule, type QuorumState, quorumState } from "@wardpanel/meetings/quorum";
import { type AttendanceStatus, DomainError } from "@wardpanel/validators";
import { and, asc, desc, eq } from "drizzle-orm";

import type { Db } from "../client";
import { returnedRow } from "../returned-row";
import { attendance, meetingGuests, meetings, panels, publicSignIns } from "../schema";
import { getMeetingInWard, type Meeting } from "./meetings";
import { getPanelRoster } from "./panels";

type RosterEntry = { userId: number; name: string; role: "chair" | "panel_member"; status: AttendanceStatus | null };

function getQuorumRule(db: Db, wardCode: string): QuorumRule {
  const panel = db
    .select({ kind: panels.quorumKind, minimum: panels.quorumMinimum })
    .from(panels)
    .where(eq(panels.wardCode, wardCode))
    .get();
  if (panel?.kind === "fixed" && panel.minimum !== null) return { kind: "fixed", minimum: panel.minimum };
  return { kind: "more_than_half" };
}

export function setQuorumRule(db: Db, wardCode: string, rule: QuorumRule): void {
  const updated = db
    .update(panels)
    .set({ quorumKind: rule.kind, quorumMinimum: rule.kind === "fixed" ? rule.minimum : null })
    .where(eq(panels.wardCode, wardCode))
    .returning({ id: panels.id })
    .all();
  if (updated.length === 0) throw new DomainError("not_found", "This ward has no panel yet");
}

/** The roster (chair and panel members, who vote) with each one's attendance at this meeting. */
export function getRoster(db: Db, meeting: Pick<Meeting, "id" | "wardCode">): RosterEntry[] {
  const marks = new Map(
    db
      .select({ userId: attendance.userId, status: attendance.status })
      .from(attendance)
      .where(eq(attendance.meetingId, meeting.id))
      .all()
      .map((r) => [r.userId, r.status]),
  );
  return getPanelRoster(db, meeting.wardCode).members.map((m) => ({
    userId: m.userId,
    name: m.name,
    role: m.role,
    status: marks.get(m.userId) ?? null,
  }));
}

/** Whether the meeting is quorate now: later issues' votes refuse to open without it. */
export function getMeetingQuorum(db: Db, meeting: Pick<Meeting, "id" | "wardCode">): QuorumState {
  const roster = getRoster(db, meeting);
  return quorumState(
    getQuorumRule(db, meeting.wardCode),
    roster.length,
    roster.filter((r) => r.status === "present").length,
  );
}

type MeetingParams = { wardCode: string; meetingId: number; now: Date };

/** Attendance is taken on the day or after; a meeting that was cancelled has none. */
function meetingForAttendance(db: Db, wardCode: string, meetingId: number): Meeting {
  const meeting = getMeetingInWard(db, wardCode, meetingId);
  MEETING_LIFECYCLE.assert(meeting.status, "takeAttendance");
  return meeting;
}

export function markAttendance(db: Db, params: MeetingParams & { userId: number; status: AttendanceStatus }): void {
  db.transaction(() => {
    const meeting = meetingForAttendance(db, params.wardCode, params.meetingId);
    if (!getRoster(db, meeting).some((r) => r.userId === params.userId)) {
      throw new DomainError("invalid", "Only members of this ward's panel are on the roster", "userId");
    }
    db.insert(attendance)
      .values({ meetingId: meeting.id, userId: params.userId, status: params.status, updatedAt: params.now })
      .onConflictDoUpdate({
        target: [attendance.meetingId, attendance.userId],
        set: { status: params.status, updatedAt: params.now },
      })
      .run();
  });
}

export function addGuest(
  db: Db,
  params: MeetingParams & { kind: "police" | "partner"; name: string; organisation: string },
): number {
  const meeting = meetingForAttendance(db, params.wardCode, params.meetingId);
  return returnedRow(
    db
      .insert(meetingGuests)
      .values({ meetingId: meeting.id, kind: params.kind, name: params.name, organisation: params.organisation })
      .returning({ id: meetingGuests.id }),
  ).id;
}

export function removeGuest(db: Db, params: MeetingParams & { guestId: number }): void {
  const meeting = meetingForAttendance(db, params.wardCode, params.meetingId);
  const removed = db
    .delete(meetingGuests)
    .where(and(eq(meetingGuests.id, params.guestId), eq(meetingGuests.meetingId, meeting.id)))
    .returning({ id: meetingGuests.id })
    .all();
  if (removed.length === 0) throw new DomainError("not_found", "There is no such attendee at this meeting");
}

export function setPublicCount(db: Db, params: MeetingParams & { count: number }): void {
  const meeting = meetingForAttendance(db, params.wardCode, params.meetingId);
  db.update(meetings)
    .set({ publicCount: params.count, updatedAt: params.now })
    .where(eq(meetings.id, meeting.id))
    .run();
}

/** Keeps a member of the public's name and e-mail only because they agreed to receive updates. */
export function addPublicSignIn(db: Db, params: MeetingParams & { name: string; email: string }): number {
  const meeting = meetingForAttendance(db, params.wardCode, params.meetingId);
  return returnedRow(
    db
      .insert(publicSignIns)
      .values({ meetingId: meeting.id, name: params.name, email: params.email.toLowerCase(), consentedAt: params.now })
      .returning({ id: publicSignIns.id }),
  ).id;
}

/**
 * Attendance at one meeting. The names and e-mails of members of the public who signed in are
 * returned only `withPublicContacts` (for those who keep the record and send the updates people
 * asked for); otherwise `publicSignIns` is null and only `publicSignInCount` says how many.
 */
export function getAttendance(
  db: Db,
  meeting: Meeting,
  { withPublicContacts = false }: { withPublicContacts?: boolean } = {},
) {
  const signIns = db
    .select({ id: publicSignIns.id, name: publicSignIns.name, email: publicSignIns.email })
    .from(publicSignIns)
    .where(eq(publicSignIns.meetingId, meeting.id))
    .orderBy(asc(publicSignIns.id))
    .all();
  return {
    roster: getRoster(db, meeting),
    quorum: getMeetingQuorum(db, meeting),
    guests: db
      .select({
        id: meetingGuests.id,
        kind: meetingGuests.kind,
        name: meetingGuests.name,
        organisation: meetingGuests.organisation,
      })
      .from(meetingGuests)
      .where(eq(meetingGuests.meetingId, meeting.id))
      .orderBy(asc(meetingGuests.id))
      .all(),
    publicCount: meeting.publicCount,
    publicSignInCount: signIns.length,
    publicSignIns: withPublicContacts ? signIns : null,
  };
}

/** One member's attendance at their ward's meetings, newest first. */
export function getMemberAttendanceHistory(db: Db, wardCode: string, userId: number) {
  return db
    .select({ meetingId: meetings.id, title: meetings.title, startsAt: meetings.startsAt, status: attendance.status })
    .from(attendance)
    .innerJoin(meetings, eq(meetings.id, attendance.meetingId))
    .where(and(eq(attendance.userId, userId), eq(meetings.wardCode, wardCode)))
    .orderBy(desc(meetings.startsAt))
    .all();
}
