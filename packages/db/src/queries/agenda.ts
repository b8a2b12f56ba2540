import { createHash } from "node:crypto";

import { londonParts } from "@wardpanel/meetings/london-time";
import { MEETING_LIFECYCLE } from "@wardpanel/meetings/meeting-lifecycle";
import { type AgendaItemFields, defined, DomainError } from "@wardpanel/validators";
import { and, asc, eq, isNull, max } from "drizzle-orm";

import type { Db } from "../client";
import { returnedRow } from "../returned-row";
import { agendaItems, agendaPapers, agendaVersions, meetings } from "../schema";
import { type CarriedOverAction, listCarriedOverActions } from "./actions";
import { getMeetingInWard, type Meeting } from "./meetings";
import { listReviewsDue } from "./priorities";

/** Meetings that have been held are a record: their agenda no longer changes. */
function assertAgendaEditable(meeting: Pick<Meeting, "status">): void {
  MEETING_LIFECYCLE.assert(meeting.status, "editAgenda");
}

type PaperSummary = { id: number; fileName: string; contentType: string; size: number };

export type AgendaItem = {
  id: number;
  position: number;
  kind: (typeof agendaItems.$inferSelect)["kind"];
  title: string;
  description: string;
  presenter: string;
  minutesAllowed: number;
  notes: string;
  secondsUsed: number;
  papers: PaperSummary[];
};

/** The working agenda in order, with each item's papers. */
export function listAgendaItems(db: Db, meetingId: number): AgendaItem[] {
  const items = db
    .select({
      id: agendaItems.id,
      position: agendaItems.position,
      kind: agendaItems.kind,
      title: agendaItems.title,
      description: agendaItems.description,
      presenter: agendaItems.presenter,
      minutesAllowed: agendaItems.minutesAllowed,
      notes: agendaItems.notes,
      secondsUsed: agendaItems.secondsUsed,
    })
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meetingId), isNull(agendaItems.removedAt)))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id))
    .all();
  const papers = db
    .select({
      id: agendaPapers.id,
      itemId: agendaPapers.agendaItemId,
      fileName: agendaPapers.fileName,
      contentType: agendaPapers.contentType,
      size: agendaPapers.size,
    })
    .from(agendaPapers)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaPapers.agendaItemId))
    .where(and(eq(agendaItems.meetingId, meetingId), isNull(agendaPapers.removedAt)))
    .orderBy(asc(agendaPapers.id))
    .all();
  return items.map((item) => ({
    ...item,
    papers: papers.filter((p) => p.itemId === item.id).map(({ itemId: _, ...p }) => p),
  }));
}

/** An item of this meeting of this ward; anything else is "not found". */
export function getItemInMeeting(db: Db, meetingId: number, itemId: number) {
  const item = db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)))
    .get();
  if (!item) throw new DomainError("not_found", "There is no such item on this meeting's agenda");
  return item;
}

type ItemParams = { wardCode: string; meetingId: number; now: Date };

/**
 * Adds an item at `position` among the items shown (0: first), or at the end without one; the items
 * after it move down one and positions stay 0, 1, 2… in the order shown. Returns the new item's id.
 */
export function addAgendaItem(
  db: Db,
  params: ItemParams & { fields: AgendaItemFields; position?: number | undefined },
): number {
  return db.transaction(() => {
    const meeting = getMeetingInWard(db, params.wardCode, params.meetingId);
    assertAgendaEditable(meeting);
    const last = db
      .select({ position: max(agendaItems.position) })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meeting.id))
      .get();
    const id = returnedRow(
      db
        .insert(agendaItems)
        .values({
          ...params.fields,
          kind: "other",
          meetingId: meeting.id,
          position: (last?.position ?? -1) + 1,
          updatedAt: params.now,
        })
        .returning({ id: agendaItems.id }),
    ).id;
    if (params.position !== undefined) {
      const order = listAgendaItems(db, meeting.id)
        .map((item) => item.id)
        .filter((itemId) => itemId !== id);
      order.splice(Math.min(params.position, order.length), 0, id);
      order.forEach((itemId, position) =>
        db.update(agendaItems).set({ position, updatedAt: params.now }).where(eq(agendaItems.id, itemId)).run(),
      );
    }
    return id;
  });
}

export function updateAgendaItem(db: Db, params: ItemParams & { itemId: number; fields: AgendaItemFields }): void {
  db.transaction(() => {
    assertAgendaEditable(getMeetingInWard(db, params.wardCode, params.meetingId));
    const item = getItemInMeeting(db, params.meetingId, params.itemId);
    db.update(agendaItems)
      .set({ ...params.fields, updatedAt: params.now })
      .where(eq(agendaItems.id, item.id))
      .run();
  });
}

/** Swaps an item with its neighbour; moving the first item up (or the last down) changes nothing. */
export function moveAgendaItem(db: Db, params: ItemParams & { itemId: number; direction: "up" | "down" }): void {
  db.transaction(() => {
    assertAgendaEditable(getMeetingInWard(db, params.wardCode, params.meetingId));
    const items = listAgendaItems(db, params.meetingId);
    const index = items.findIndex((item) => item.id === params.itemId);
    if (index < 0) throw new DomainError("not_found", "There is no such item on this meeting's agenda");
    const swapWith = params.direction === "up" ? index - 1 : index + 1;
    const neighbour = items[swapWith];
    if (!neighbour) return;
    const order = items.map((item) => item.id);
    [order[index], order[swapWith]] = [
      defined(order[swapWith], "the item to swap with"),
      defined(order[index], "the item moved"),
    ];
    order.forEach((id, position) =>
      db.update(agendaItems).set({ position, updatedAt: params.now }).where(eq(agendaItems.id, id)).run(),
    );
  });
}

/** Removing an item only hides it, so the chair can undo; published versions keep their copy. */
export function setAgendaItemRemoved(db: Db, params: ItemParams & { itemId: number; removed: boolean }): void {
  db.transaction(() => {
    assertAgendaEditable(getMeetingInWard(db, params.wardCode, params.meetingId));
    const item = getItemInMeeting(db, params.meetingId, params.itemId);
    db.update(agendaItems)
      .set({ removedAt: params.removed ? params.now : null, updatedAt: params.now })
      .where(eq(agendaItems.id, item.id))
      .run();
  });
}

type NewPaper = { fileName: string; contentType: string; content: Buffer };

export function addPaper(
  db: Db,
  params: ItemParams & { itemId: number; paper: NewPaper; uploadedBy: number | null },
): PaperSummary {
  return db.transaction(() => {
    assertAgendaEditable(getMeetingInWard(db, params.wardCode, params.meetingId));
    const item = getItemInMeeting(db, params.meetingId, params.itemId);
    const { fileName, contentType, content } = params.paper;
    const id = returnedRow(
      db
        .insert(agendaPapers)
        .values({
          agendaItemId: item.id,
          fileName,
          contentType,
          content,
          size: content.byteLength,
          sha256: createHash("sha256").update(content).digest("hex"),
          uploadedBy: params.uploadedBy,
        })
        .returning({ id: agendaPapers.id }),
    ).id;
    return { id, fileName, contentType, size: content.byteLength };
  });
}

export function setPaperRemoved(db: Db, params: ItemParams & { paperId: number; removed: boolean }): void {
  db.transaction(() => {
    assertAgendaEditable(getMeetingInWard(db, params.wardCode, params.meetingId));
    const paper = getPaperInMeeting(db, params.meetingId, params.paperId);
    if (!params.removed && paper.withdrawnAt)
      throw new DomainError(
        "conflict",
        `${paper.fileName} was withdrawn, so it cannot go back on the agenda. Upload a corrected paper instead.`,
      );
    db.update(agendaPapers)
      .set({ removedAt: params.removed ? params.now : null })
      .where(eq(agendaPapers.id, paper.id))
      .run();
  });
}

export function getPaperInMeeting(db: Db, meetingId: number, paperId: number) {
  const paper = db
    .select({
      id: agendaPapers.id,
      fileName: agendaPapers.fileName,
      contentType: agendaPapers.contentType,
      content: agendaPapers.content,
      removedAt: agendaPapers.removedAt,
      withdrawnAt: agendaPapers.withdrawnAt,
      withdrawnReason: agendaPapers.withdrawnReason,
    })
    .from(agendaPapers)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaPapers.agendaItemId))
    .where(and(eq(agendaPapers.id, paperId), eq(agendaItems.meetingId, meetingId)))
    .get();
  if (!paper) throw new DomainError("not_found", "There is no such paper for this meeting");
  return paper;
}

export type PublishedAgenda = {
  version: number;
  publishedAt: string;
  items: Omit<AgendaItem, "notes" | "secondsUsed">[];
  carriedOverActions: CarriedOverAction[];
  /** Active priorities whose review date falls by the meeting: the panel reviews them under "report back". */
  reviewsDue: { id: number; title: string; reviewDate: string | null }[];
};

/** Freezes the agenda as the next published version. The meeting must itself be advertised. */
export function publishAgenda(db: Db, params: ItemParams & { publishedBy: number | null }): number {
  return db.transaction(() => {
    const meeting = getMeetingInWard(db, params.wardCode, params.meetingId);
    MEETING_LIFECYCLE.assert(meeting.status, "publishAgenda");
    const items = listAgendaItems(db, meeting.id).map(({ notes: _n, secondsUsed: _s, ...item }) => item);
    if (items.length === 0) throw new DomainError("invalid", "The agenda has no items to publish");
    const last = db
      .select({ version: max(agendaVersions.version) })
      .from(agendaVersions)
      .where(eq(agendaVersions.meetingId, meeting.id))
      .get();
    const version = (last?.version ?? 0) + 1;
    const snapshot: PublishedAgenda = {
      version,
      publishedAt: params.now.toISOString(),
      items,
      carriedOverActions: listCarriedOverActions(db, meeting),
      reviewsDue: listReviewsDue(db, meeting.wardCode, londonParts(meeting.startsAt).date).map(
        ({ id, title, reviewDate }) => ({ id, title, reviewDate }),
      ),
    };
    db.insert(agendaVersions)
      .values({ meetingId: meeting.id, version, snapshot, publishedAt: params.now, publishedBy: params.publishedBy })
      .run();
    return version;
  });
}

/** The newest published agenda of a meeting, or null when none has been published. */
export function getPublishedAgenda(db: Db, meetingId: number): PublishedAgenda | null {
  const row = db
    .select({ snapshot: agendaVersions.snapshot })
    .from(agendaVersions)
    .where(eq(agendaVersions.meetingId, meetingId))
    .orderBy(asc(agendaVersions.version))
    .all()
    .at(-1);
  return row?.snapshot ?? null;
}

/** Whether the public may download a paper: it is in some published version of an advertised meeting's agenda. */
export function isPaperPublished(db: Db, meetingId: number, paperId: number): boolean {
  const meeting = db.select({ status: meetings.status }).from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting || meeting.status === "draft") return false;
  return db
    .select({ snapshot: agendaVersions.snapshot })
    .from(agendaVersions)
    .where(eq(agendaVersions.meetingId, meetingId))
    .all()
    .some(({ snapshot }) => snapshot.items.some((item) => item.papers.some((p) => p.id === paperId)));
}
