import { describeLondonSpan, londonParts } from "@wardpanel/meetings/london-time";
import { MEETING_LIFECYCLE } from "@wardpanel/meetings/meeting-lifecycle";
import { MINUTES_LIFECYCLE, publishingStep } from "@wardpanel/meetings/minutes-lifecycle";
import type { QuorumFigures } from "@wardpanel/meetings/quorum";
import { DomainError } from "@wardpanel/validators";
import { and, asc, desc, eq, gt, inArray } from "drizzle-orm";

import type { Db } from "../client";
import { returnedRow } from "../returned-row";
import { agendaItems, decisions, meetings, minutesEvents, minutesVersions, recordRemovals, users } from "../schema";
import { getAttendance } from "./attendance";
import { getMeetingRecord, listMeetingConcerns } from "./live";
import { getMeetingInWard, type Meeting } from "./meetings";
import { listMinutesVotes, type MinutesVote } from "./minutes-votes";

/** The minutes as stored and shown: structured by agenda item, with attendance and decisions. */
export type MinutesContent = {
  meeting: { title: string; when: string; venue: string };
  attendance: {
    present: string[];
    apologies: string[];
    absent: string[];
    police: string[];
    partners: string[];
    publicCount: number;
    quorum: string;
    /** The quorum line's figures (minutes drafted before they were kept have only the English line). */
    quorumFigures?: QuorumFigures;
  };
  items: {
    title: string;
    presenter: string;
    notes: string;
    /**
     * How many times this item's notes were saved in this version of the minutes, and when and by
     * whom (a users.id) the last time; absent until the first edit. An edit names the version it
     * started from, as the live notes do (`editMinutesItem`).
     */
    notesVersion?: number;
    notesSavedAt?: string;
    notesSavedBy?: number | null;
    decisions: string[];
    actions: { description: string; owner: string; dueDate: string }[];
  }[];
  concerns: { description: string; location: string; category: string }[];
  /** Each vote held at the meeting (minutes drafted before votes were carried have none). */
  votes?: MinutesVote[];
};

/**
 * What the minutes take from the meeting's record as it stands: each item's decisions and actions,
 * the concerns raised and the votes held. A draft shows them as they are now; circulating fixes them.
 */
function recordParts(db: Db, meetingId: number) {
  return {
    items: getMeetingRecord(db, meetingId).map((item) => ({
      title: item.title,
      presenter: item.presenter,
      notes: item.notes,
      decisions: item.decisions.map((d) => d.text),
      actions: item.actions.map(({ description, owner, dueDate }) => ({ description, owner, dueDate })),
    })),
    concerns: listMeetingConcerns(db, meetingId).map(({ description, location, category }) => ({
      description,
      location,
      category,
    })),
    votes: listMinutesVotes(db, meetingId),
  };
}

/** A first version's content with the record's current decisions, actions, concerns and votes; its notes are kept. */
function withCurrentRecord(db: Db, meetingId: number, content: MinutesContent): MinutesContent {
  const record = recordParts(db, meetingId);
  return {
    ...content,
    items: content.items.map((item, i) => {
      const current = record.items[i];
      return current ? { ...item, decisions: current.decisions, actions: current.actions } : item;
    }),
    concerns: record.concerns,
    votes: record.votes,
  };
}

/** Builds a first draft from what was recorded live. */
function buildMinutesContent(db: Db, meeting: Meeting): MinutesContent {
  const { roster, guests, publicCount, quorum } = getAttendance(db, meeting);
  const named = (status: string) => roster.filter((r) => r.status === status).map((r) => r.name);
  const guest = (g: { name: string; organisation: string }) =>
    g.organisation ? `${g.name} (${g.organisation})` : g.name;
  return {
    meeting: {
      title: meeting.title,
      when: describeLondonSpan(meeting.startsAt, meeting.endsAt),
      venue:
        meeting.onlineUrl && !meeting.venueName
          ? "Online"
          : [meeting.venueName, meeting.venueAddress].filter(Boolean).join(", "),
    },
    attendance: {
      present: named("present"),
      apologies: named("apologies"),
      absent: named("absent"),
      police: guests.filter((g) => g.kind === "police").map(guest),
      partners: guests.filter((g) => g.kind === "partner").map(guest),
      publicCount,
      quorum: quorum.explanation,
      quorumFigures: {
        votingMembers: quorum.votingMembers,
        present: quorum.present,
        needed: quorum.needed,
        isQuorate: quorum.isQuorate,
        ruleKind: quorum.ruleKind,
      },
    },
    ...recordParts(db, meeting.id),
  };
}

type MinutesVersion = typeof minutesVersions.$inferSelect;

export function listMinutesVersions(db: Db, meetingId: number): MinutesVersion[] {
  return db
    .select()
    .from(minutesVersions)
    .where(eq(minutesVersions.meetingId, meetingId))
    .orderBy(asc(minutesVersions.version))
    .all();
}

function latestVersion(db: Db, meetingId: number): MinutesVersion | undefined {
  return db
    .select()
    .from(minutesVersions)
    .where(eq(minutesVersions.meetingId, meetingId))
    .orderBy(desc(minutesVersions.version))
    .get();
}

/**
 * The versions as the minutes page shows them: a first version still in draft carries the record
 * as it stands now (a decision corrected after drafting shows at once), as circulating will fix it.
 */
export function listMinutesVersionsNow(db: Db, meetingId: number): MinutesVersion[] {
  return listMinutesVersions(db, meetingId).map((v) =>
    v.status === "draft" && v.version === 1 ? { ...v, content: withCurrentRecord(db, meetingId, v.content) } : v,
  );
}

/** The newest version, the one every step acts on; there is none until the minutes are drafted. */
function draftedVersion(db: Db, meetingId: number): MinutesVersion {
  const latest = latestVersion(db, meetingId);
  if (!latest) throw new DomainError("not_found", "The minutes have not been drafted yet");
  return latest;
}

type MeetingParams = { wardCode: string; meetingId: number; now: Date; by: number | null };

/** The refusal of a draft while the live meeting runs. */
export const MINUTES_NEED_MEETING_ENDED = "End the meeting before drafting the minutes";

/**
 * Drafts the minutes from the live record; once drafted, the draft is what is edited.
 *
 * @throws DomainError("conflict", MINUTES_NEED_MEETING_ENDED) while the live meeting is started and not ended.
 */
export function draftMinutes(db: Db, params: MeetingParams): number {
  return db.transaction(() => {
    const meeting = getMeetingInWard(db, params.wardCode, params.meetingId);
    MEETING_LIFECYCLE.assert(meeting.status, "draftMinutes");
    // Drafting copies the live notes; notes typed on the live screen afterwards would be lost.
    if (meeting.liveStartedAt !== null && meeting.liveEndedAt === null)
      throw new DomainError("conflict", MINUTES_NEED_MEETING_ENDED);
    const existing = latestVersion(db, meeting.id);
    if (existing) throw new DomainError("conflict", "The minutes have already been drafted: edit the draft instead");
    return returnedRow(
      db
        .insert(minutesVersions)
        .values({
          meetingId: meeting.id,
          version: 1,
          content: buildMinutesContent(db, meeting),
          updatedAt: params.now,
          updatedBy: params.by,
        })
        .returning({ id: minutesVersions.id }),
    ).id;
  });
}

/** What an edit of an item's notes in the draft did: as `SaveNotesResult` of the live notes. */
export type EditMinutesItemResult =
  | { status: "saved"; version: number; savedAt: Date }
  | { status: "conflict"; current: { notes: string; version: number; savedAt: Date | null; savedBy: string | null } };

/**
 * Edits one item's notes in the draft if they are still at `baseVersion` (the item's
 * `notesVersion`, 0 before the first edit); otherwise answers the text saved meanwhile. Sending the
 * text already saved is answered "saved" whatever the base.
 */
export function editMinutesItem(
  db: Db,
  params: MeetingParams & { itemIndex: number; notes: string; baseVersion: number },
): EditMinutesItemResult {
  return db.transaction(() => {
    const meeting = getMeetingInWard(db, params.wardCode, params.meetingId);
    const version = draftedVersion(db, meeting.id);
    MINUTES_LIFECYCLE.assert(version.status, "edit");
    const item = version.content.items[params.itemIndex];
    if (!item) throw new DomainError("not_found", "There is no such item in these minutes");
    const current = item.notesVersion ?? 0;
    const savedAt = item.notesSavedAt ? new Date(item.notesSavedAt) : null;
    if (item.notes === params.notes)
      return { status: "saved" as const, version: current, savedAt: savedAt ?? params.now };
    if (current !== params.baseVersion) {
      const by = item.notesSavedBy
        ? db.select({ name: users.name }).from(users).where(eq(users.id, item.notesSavedBy)).get()
        : undefined;
      return {
        status: "conflict" as const,
        current: { notes: item.notes, version: current, savedAt, savedBy: by?.name ?? null },
      };
    }
    const saved = {
      ...item,
      notes: params.notes,
      notesVersion: current + 1,
      notesSavedAt: params.now.toISOString(),
      notesSavedBy: params.by,
    };
    const items = version.content.items.map((it, i) => (i === params.itemIndex ? saved : it));
    db.update(minutesVersions)
      .set({ content: { ...version.content, items }, updatedAt: params.now, updatedBy: params.by })
      .where(eq(minutesVersions.id, version.id))
      .run();
    return { status: "saved" as const, version: current + 1, savedAt: params.now };
  });
}

/** Sends the draft to the panel. A first version waits for approval; a correction was approved in substance already. */
export function circulateMinutes(db: Db, params: MeetingParams): void {
  db.transaction(() => {
    const meeting = getMeetingInWard(db, params.wardCode, params.meetingId);
    const version = draftedVersion(db, meeting.id);
    MINUTES_LIFECYCLE.assert(version.status, "circulate");
    // A first version fixes the record as it stands; a correction's meeting record no longer changes.
    const content = version.version === 1 ? withCurrentRecord(db, meeting.id, version.content) : version.content;
    db.update(minutesVersions)
      .set({ status: "circulated", content, circulatedAt: params.now, updatedAt: params.now })
      .where(eq(minutesVersions.id, version.id))
      .run();
    db.insert(minutesEvents)
      .values({ minutesVersionId: version.id, kind: "circulated", at: params.now, by: params.by })
      .run();
    // What was removed from the record can no longer be put back, so it is not kept (concerns hold names).
    db.delete(recordRemovals).where(eq(recordRemovals.meetingId, meeting.id)).run();
  });
}

/**
 * Takes circulated minutes back to draft before they are approved, to correct them. Who, when and
 * why are kept in the version's history; the next circulation is shown as a corrected version.
 *
 * @throws DomainError("conflict") unless the newest version is circulated (approved minutes cannot go back).
 */
export function returnMinutesToDraft(db: Db, params: MeetingParams & { reason: string }): void {
  db.transaction(() => {
    const meeting = getMeetingInWard(db, params.wardCode, params.meetingId);
    const version = draftedVersion(db, meeting.id);
    MINUTES_LIFECYCLE.assert(version.status, "returnToDraft");
    db.update(minutesVersions)
      .set({ status: "draft", circulatedAt: null, updatedAt: params.now, updatedBy: params.by })
      .where(eq(minutesVersions.id, version.id))
      .run();
    db.insert(minutesEvents)
      .values({
        minutesVersionId: version.id,
        kind: "returned_to_draft",
        reason: params.reason,
        at: params.now,
        by: params.by,
      })
      .run();
  });
}

/** Every circulation and return to draft of the meeting's minutes, oldest first, with who took the step. */
export function listMinutesHistory(db: Db, meetingId: number) {
  return db
    .select({
      id: minutesEvents.id,
      version: minutesVersions.version,
      kind: minutesEvents.kind,
      reason: minutesEvents.reason,
      at: minutesEvents.at,
      byName: users.name,
    })
    .from(minutesEvents)
    .innerJoin(minutesVersions, eq(minutesVersions.id, minutesEvents.minutesVersionId))
    .leftJoin(users, eq(users.id, minutesEvents.by))
    .where(eq(minutesVersions.meetingId, meetingId))
    .orderBy(asc(minutesEvents.id))
    .all();
}

/**
 * Records approval at a later meeting of the same ward, under that meeting's "minutes of the last
 * meeting" item, as a decision the next minutes will carry.
 */
export function approveMinutes(db: Db, params: MeetingParams & { atMeetingId: number }): void {
  db.transaction(() => {
    const meeting = getMeetingInWard(db, params.wardCode, params.meetingId);
    const version = draftedVersion(db, meeting.id);
    MINUTES_LIFECYCLE.assert(version.status, "approve");
    const at = getMeetingInWard(db, params.wardCode, params.atMeetingId);
    if (
      at.startsAt.getTime() <= meeting.startsAt.getTime() ||
      !MEETING_LIFECYCLE.allows(at.status, "approveEarlierMinutes")
    ) {
      throw new DomainError(
        "invalid",
        "Minutes are approved at a later meeting of the panel that is under way or has been held",
        "atMeetingId",
      );
    }
    const item = db
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, at.id), eq(agendaItems.kind, "previous_minutes")))
      .get();
    db.insert(decisions)
      .values({
        meetingId: at.id,
        agendaItemId: item?.id ?? null,
        text: `The minutes of the meeting on ${londonParts(meeting.startsAt).date} were approved as a correct record.`,
      })
      .run();
    db.update(minutesVersions)
      .set({ status: "approved", approvedAt: params.now, approvedAtMeetingId: at.id, updatedAt: params.now })
      .where(eq(minutesVersions.id, version.id))
      .run();
  });
}

export function publishMinutes(db: Db, params: MeetingParams): void {
  db.transaction(() => {
    const meeting = getMeetingInWard(db, params.wardCode, params.meetingId);
    const version = draftedVersion(db, meeting.id);
    MINUTES_LIFECYCLE.assert(version.status, publishingStep(version.version));
    MEETING_LIFECYCLE.assert(meeting.status, "publishMinutes");
    db.update(minutesVersions)
      .set({ status: "published", publishedAt: params.now, updatedAt: params.now })
      .where(eq(minutesVersions.id, version.id))
      .run();
    db.update(meetings)
      .set({ status: "minutes_published", updatedAt: params.now })
      .where(eq(meetings.id, meeting.id))
      .run();
  });
}

/** A correction to published minutes: a new draft version, saying what it changes. */
export function startCorrection(db: Db, params: MeetingParams & { note: string }): number {
  return db.transaction(() => {
    const meeting = getMeetingInWard(db, params.wardCode, params.meetingId);
    const latest = draftedVersion(db, meeting.id);
    MINUTES_LIFECYCLE.assert(latest.status, "startCorrection");
    return returnedRow(
      db
        .insert(minutesVersions)
        .values({
          meetingId: meeting.id,
          version: latest.version + 1,
          content: latest.content,
          correctionNote: params.note,
          updatedAt: params.now,
          updatedBy: params.by,
        })
        .returning({ id: minutesVersions.id }),
    ).id;
  });
}

/** What the public sees: every published version, newest first. */
export function listPublishedMinutes(db: Db, meetingId: number): MinutesVersion[] {
  return listMinutesVersions(db, meetingId)
    .filter((v) => v.status === "published")
    .reverse();
}

/** Later meetings of the ward at which minutes can be approved. */
export function listApprovalMeetings(db: Db, meeting: Meeting) {
  return db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
    .from(meetings)
    .where(
      and(
        eq(meetings.wardCode, meeting.wardCode),
        inArray(meetings.status, [...MEETING_LIFECYCLE.steps.approveEarlierMinutes.from]),
        gt(meetings.startsAt, meeting.startsAt),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .all();
}
