import { MEETING_LIFECYCLE } from "@wardpanel/meetings/meeting-lifecycle";
import { type Category, DomainError } from "@wardpanel/validators";
import { and, asc, eq } from "drizzle-orm";

import type { Db } from "../client";
import { returnedRow } from "../returned-row";
import { actions, agendaItems, concerns, decisions, meetings } from "../schema";
import { getItemInMeeting, listAgendaItems } from "./agenda";
import { recordConcernEvents } from "./concern-events";
import { getMeetingInWard, type Meeting } from "./meetings";

/** How early before its advertised start a chair may open the live meeting. */
const OPEN_EARLY_MS = 24 * 60 * 60 * 1000;

type MeetingParams = { wardCode: string; meetingId: number; now: Date };

/** The meeting is under way: the status becomes "held" and the record starts. */
export function startMeeting(db: Db, { wardCode, meetingId, now }: MeetingParams): void {
  db.transaction(() => {
    const meeting = getMeetingInWard(db, wardCode, meetingId);
    // Two organisers' tablets may both press Start: the second finds it under way, which is no error.
    if (meeting.status === "held") return;
    MEETING_LIFECYCLE.assert(meeting.status, "start");
    if (meeting.startsAt.getTime() - now.getTime() > OPEN_EARLY_MS) {
      throw new DomainError("conflict", "This meeting is more than a day away. Start it on the day.");
    }
    const first = listAgendaItems(db, meeting.id)[0];
    db.update(meetings)
      .set({
        status: "held",
        liveStartedAt: now,
        currentItemId: first?.id ?? null,
        currentItemStartedAt: first ? now : null,
        updatedAt: now,
      })
      .where(eq(meetings.id, meeting.id))
      .run();
  });
}

/** The live record is written while the meeting is held and before its minutes are published. */
function liveMeeting(db: Db, wardCode: string, meetingId: number): Meeting {
  const meeting = getMeetingInWard(db, wardCode, meetingId);
  MEETING_LIFECYCLE.assert(meeting.status, "record");
  return meeting;
}

/**
 * Banks the time spent on the current item before moving to another (or to none, at the end). Moving
 * to another item starts its clock, even if the chair had paused the one before.
 */
function switchItem(db: Db, meeting: Meeting, nextItemId: number | null, now: Date): void {
  bankTime(db, meeting, now);
  db.update(meetings)
    .set({ currentItemId: nextItemId, currentItemStartedAt: nextItemId === null ? null : now, updatedAt: now })
    .where(eq(meetings.id, meeting.id))
    .run();
}

/** Adds the seconds since the current item's clock last started to the item's time used (none when paused). */
function bankTime(db: Db, meeting: Meeting, now: Date): void {
  if (meeting.currentItemId !== null && meeting.currentItemStartedAt) {
    const seconds = Math.max(0, Math.round((now.getTime() - meeting.currentItemStartedAt.getTime()) / 1000));
    const current = db
      .select({ used: agendaItems.secondsUsed })
      .from(agendaItems)
      .where(eq(agendaItems.id, meeting.currentItemId))
      .get();
    if (current)
      db.update(agendaItems)
        .set({ secondsUsed: current.used + seconds })
        .where(eq(agendaItems.id, meeting.currentItemId))
        .run();
  }
}

export function setCurrentItem(db: Db, params: MeetingParams & { itemId: number | null }): void {
  db.transaction(() => {
    const meeting = liveMeeting(db, params.wardCode, params.meetingId);
    if (params.itemId !== null) getItemInMeeting(db, meeting.id, params.itemId);
    if (meeting.currentItemId === params.itemId) return;
    switchItem(db, meeting, params.itemId, params.now);
  });
}

/**
 * Pauses the current item's clock: the seconds so far are banked on the item and the running start
 * is cleared, so every device reading the view shows the same stopped figure. Pausing a paused
 * clock, or with no current item, is refused as a conflict.
 */
export function pauseItemTimer(db: Db, params: MeetingParams): void {
  db.transaction(() => {
    const meeting = liveMeeting(db, params.wardCode, params.meetingId);
    if (meeting.currentItemId === null || meeting.liveEndedAt !== null)
      throw new DomainError("conflict", "No item is being discussed, so there is no timer to pause.");
    if (!meeting.currentItemStartedAt) throw new DomainError("conflict", "The timer is already paused.");
    bankTime(db, meeting, params.now);
    db.update(meetings)
      .set({ currentItemStartedAt: null, updatedAt: params.now })
      .where(eq(meetings.id, meeting.id))
      .run();
  });
}

/** Restarts the current item's clock from `now`, adding to the seconds banked when it was paused. */
export function resumeItemTimer(db: Db, params: MeetingParams): void {
  db.transaction(() => {
    const meeting = liveMeeting(db, params.wardCode, params.meetingId);
    if (meeting.currentItemId === null || meeting.liveEndedAt !== null)
      throw new DomainError("conflict", "No item is being discussed, so there is no timer to restart.");
    if (meeting.currentItemStartedAt) throw new DomainError("conflict", "The timer is already running.");
    db.update(meetings)
      .set({ currentItemStartedAt: params.now, updatedAt: params.now })
      .where(eq(meetings.id, meeting.id))
      .run();
  });
}

export function endMeeting(db: Db, params: MeetingParams): void {
  db.transaction(() => {
    const meeting = liveMeeting(db, params.wardCode, params.meetingId);
    switchItem(db, meeting, null, params.now);
    db.update(meetings).set({ liveEndedAt: params.now }).where(eq(meetings.id, meeting.id)).run();
  });
}

export function saveItemNotes(db: Db, params: MeetingParams & { itemId: number; notes: string }): void {
  db.transaction(() => {
    const meeting = liveMeeting(db, params.wardCode, params.meetingId);
    const item = getItemInMeeting(db, meeting.id, params.itemId);
    db.update(agendaItems).set({ notes: params.notes, updatedAt: params.now }).where(eq(agendaItems.id, item.id)).run();
  });
}

export function addDecision(db: Db, params: MeetingParams & { itemId: number; text: string }): number {
  return db.transaction(() => {
    const meeting = liveMeeting(db, params.wardCode, params.meetingId);
    const item = getItemInMeeting(db, meeting.id, params.itemId);
    return returnedRow(
      db
        .insert(decisions)
        .values({ meetingId: meeting.id, agendaItemId: item.id, text: params.text })
        .returning({ id: decisions.id }),
    ).id;
  });
}

export function removeDecision(db: Db, params: MeetingParams & { decisionId: number }): void {
  db.transaction(() => {
    const meeting = liveMeeting(db, params.wardCode, params.meetingId);
    const removed = db
      .delete(decisions)
      .where(and(eq(decisions.id, params.decisionId), eq(decisions.meetingId, meeting.id)))
      .returning({ id: decisions.id })
      .all();
    if (removed.length === 0) throw new DomainError("not_found", "There is no such decision at this meeting");
  });
}

type NewAction = { description: string; owner: string; dueDate: string };

export function addAction(db: Db, params: MeetingParams & { itemId: number; action: NewAction }): number {
  return db.transaction(() => {
    const meeting = liveMeeting(db, params.wardCode, params.meetingId);
    const item = getItemInMeeting(db, meeting.id, params.itemId);
    return returnedRow(
      db
        .insert(actions)
        .values({
          ...params.action,
          wardCode: meeting.wardCode,
          meetingId: meeting.id,
          agendaItemId: item.id,
          updatedAt: params.now,
        })
        .returning({ id: actions.id }),
    ).id;
  });
}

type NewConcern = {
  description: string;
  location: string;
  category: Category;
  hasConsent: boolean;
  raisedBy: string;
  contactEmail: string;
};

/** A concern handed over in the room, kept there and then so it cannot be lost on the way back. */
export function recordMeetingConcern(db: Db, params: MeetingParams & { concern: NewConcern }): number {
  return db.transaction(() => {
    const meeting = liveMeeting(db, params.wardCode, params.meetingId);
    const { hasConsent, raisedBy, contactEmail, ...rest } = params.concern;
    const id = returnedRow(
      db
        .insert(concerns)
        .values({
          ...rest,
          hasConsent,
          // Without consent nothing about the person is kept, whatever was typed.
          raisedBy: hasConsent ? raisedBy : "",
          contactEmail: hasConsent ? contactEmail.toLowerCase() : "",
          wardCode: meeting.wardCode,
          source: "meeting",
          meetingId: meeting.id,
          createdAt: params.now,
        })
        .returning({ id: concerns.id }),
    ).id;
    recordConcernEvents(db, { concernIds: [id], kind: "received", detail: {}, now: params.now });
    return id;
  });
}

export function listMeetingConcerns(db: Db, meetingId: number) {
  return db
    .select({
      id: concerns.id,
      description: concerns.description,
      location: concerns.location,
      category: concerns.category,
      raisedBy: concerns.raisedBy,
      hasConsent: concerns.hasConsent,
    })
    .from(concerns)
    .where(eq(concerns.meetingId, meetingId))
    .orderBy(asc(concerns.id))
    .all();
}

/** Everything recorded at a meeting, grouped by agenda item. */
export function getMeetingRecord(db: Db, meetingId: number) {
  const byItem =
    <T extends { agendaItemId: number | null }>(rows: T[]) =>
    (itemId: number) =>
      rows.filter((r) => r.agendaItemId === itemId);
  const decisionsOf = byItem(
    db
      .select({ id: decisions.id, agendaItemId: decisions.agendaItemId, text: decisions.text })
      .from(decisions)
      .where(eq(decisions.meetingId, meetingId))
      .orderBy(asc(decisions.id))
      .all(),
  );
  const actionsOf = byItem(
    db
      .select({
        id: actions.id,
        agendaItemId: actions.agendaItemId,
        description: actions.description,
        owner: actions.owner,
        dueDate: actions.dueDate,
        status: actions.status,
      })
      .from(actions)
      .where(eq(actions.meetingId, meetingId))
      .orderBy(asc(actions.id))
      .all(),
  );
  return listAgendaItems(db, meetingId).map((item) => ({
    ...item,
    decisions: decisionsOf(item.id),
    actions: actionsOf(item.id),
  }));
}
