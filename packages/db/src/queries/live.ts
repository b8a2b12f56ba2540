import { MEETING_LIFECYCLE } from "@wardpanel/meetings/meeting-lifecycle";
import { type Category, defined, DomainError } from "@wardpanel/validators";
import { and, asc, eq } from "drizzle-orm";

import type { Db } from "../client";
import { returnedRow } from "../returned-row";
import { actions, agendaItems, concerns, decisions, meetings, users } from "../schema";
import { getItemInMeeting, listAgendaItems } from "./agenda";
import { recordConcernEvents } from "./concern-events";
import { getMeetingInWard, type Meeting } from "./meetings";
import { removeRecordEntry } from "./record-edits";
import { assertLiveNotesOpen, assertRecordOpen } from "./record-open";

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

/** Decisions, actions and concerns are added only until the minutes are circulated (record-open.ts). */
function recordingMeeting(db: Db, wardCode: string, meetingId: number): Meeting {
  const meeting = liveMeeting(db, wardCode, meetingId);
  assertRecordOpen(db, meeting);
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

/** Who last saved an item's notes, and when (both null before the first save through the app). */
export type NotesSave = { version: number; savedAt: Date | null; savedBy: string | null };

/**
 * What a save of an item's notes did. `saved`: applied, now at `version`. `conflict`: not applied,
 * because someone else saved since the version the writer started from; `current` is their text.
 * A result rather than an error, because the writer's screen needs the other text to merge.
 */
export type SaveNotesResult =
  { status: "saved"; version: number; savedAt: Date } | { status: "conflict"; current: NotesSave & { notes: string } };

/** The current notes of an item and who saved them, read inside the caller's transaction. */
function currentNotes(db: Db, itemId: number) {
  return defined(
    db
      .select({
        notes: agendaItems.notes,
        version: agendaItems.notesVersion,
        savedAt: agendaItems.notesSavedAt,
        savedBy: users.name,
      })
      .from(agendaItems)
      .leftJoin(users, eq(users.id, agendaItems.notesSavedBy))
      .where(eq(agendaItems.id, itemId))
      .get(),
    "the agenda item's notes",
  );
}

/**
 * Saves an item's notes if they are still at `baseVersion`, the version the writer's text started
 * from, in one transaction; otherwise answers the conflict with the text saved meanwhile. Sending
 * the text that is already saved is answered "saved" whatever the base (a save re-sent after its
 * answer was lost on a Wi-Fi drop). `by` is a users.id, null for seeding.
 */
export function saveItemNotes(
  db: Db,
  params: MeetingParams & { itemId: number; notes: string; baseVersion: number; by: number | null },
): SaveNotesResult {
  return db.transaction(() => {
    const meeting = liveMeeting(db, params.wardCode, params.meetingId);
    assertLiveNotesOpen(db, meeting);
    const item = getItemInMeeting(db, meeting.id, params.itemId);
    const current = currentNotes(db, item.id);
    if (current.notes === params.notes) {
      return { status: "saved" as const, version: current.version, savedAt: current.savedAt ?? params.now };
    }
    if (current.version !== params.baseVersion) return { status: "conflict" as const, current };
    const version = current.version + 1;
    db.update(agendaItems)
      .set({
        notes: params.notes,
        notesVersion: version,
        notesSavedAt: params.now,
        notesSavedBy: params.by,
        updatedAt: params.now,
      })
      .where(and(eq(agendaItems.id, item.id), eq(agendaItems.notesVersion, params.baseVersion)))
      .run();
    return { status: "saved" as const, version, savedAt: params.now };
  });
}

export function addDecision(db: Db, params: MeetingParams & { itemId: number; text: string }): number {
  return db.transaction(() => {
    const meeting = recordingMeeting(db, params.wardCode, params.meetingId);
    const item = getItemInMeeting(db, meeting.id, params.itemId);
    return returnedRow(
      db
        .insert(decisions)
        .values({ meetingId: meeting.id, agendaItemId: item.id, text: params.text })
        .returning({ id: decisions.id }),
    ).id;
  });
}

/** Removes a decision, kept to put back until the minutes are circulated (record-edits.ts). */
export function removeDecision(
  db: Db,
  params: MeetingParams & { decisionId: number; by?: number | null },
): { removalId: number; summary: string } {
  return removeRecordEntry(db, { ...params, kind: "decision", id: params.decisionId, by: params.by ?? null });
}

type NewAction = { description: string; owner: string; dueDate: string };

export function addAction(db: Db, params: MeetingParams & { itemId: number; action: NewAction }): number {
  return db.transaction(() => {
    const meeting = recordingMeeting(db, params.wardCode, params.meetingId);
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
    const meeting = recordingMeeting(db, params.wardCode, params.meetingId);
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
  const saves = new Map(
    db
      .select({
        id: agendaItems.id,
        version: agendaItems.notesVersion,
        savedAt: agendaItems.notesSavedAt,
        savedBy: users.name,
      })
      .from(agendaItems)
      .leftJoin(users, eq(users.id, agendaItems.notesSavedBy))
      .where(eq(agendaItems.meetingId, meetingId))
      .all()
      .map(({ id, ...save }) => [id, save] as const),
  );
  return listAgendaItems(db, meetingId).map((item) => ({
    ...item,
    /** The version of `notes` a save must name as its base, and who saved it. */
    notesSave: saves.get(item.id) ?? { version: 0, savedAt: null, savedBy: null },
    decisions: decisionsOf(item.id),
    actions: actionsOf(item.id),
  }));
}
