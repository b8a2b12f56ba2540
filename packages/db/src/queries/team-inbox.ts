import { DomainError, responseDue, WARD_ROLE_GROUPS } from "@wardpanel/validators";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";

import type { Db } from "../client";
import { messageEvents, roleAssignments, teamMessages, users, wards } from "../schema";
import { recordMessageEvent } from "./team-messages";

const assignee = alias(users, "assignee");

const inboxColumns = {
  id: teamMessages.id,
  wardCode: teamMessages.wardCode,
  reference: teamMessages.reference,
  topic: teamMessages.topic,
  body: teamMessages.body,
  status: teamMessages.status,
  receivedAt: teamMessages.receivedAt,
  firstResponseAt: teamMessages.firstResponseAt,
  assigneeId: teamMessages.assigneeId,
  assigneeName: assignee.name,
  name: teamMessages.name,
  contactEmail: teamMessages.contactEmail,
  contactPhone: teamMessages.contactPhone,
  /** The language the resident wrote in: the team replies in it. */
  language: teamMessages.language,
};

/** Where a message sorts in the inbox: waiting for a first reply, then waiting again, answered, closed. */
function rank(m: { status: string; firstResponseAt: Date | null }): number {
  if (m.status === "open") return m.firstResponseAt ? 1 : 0;
  return m.status === "answered" ? 2 : 3;
}

/**
 * The team's inbox for a ward: open messages first, those waiting for a first reply ordered by
 * the time left against the response target (`dueAt`: received + `targetHours`; overdue first),
 * then those the resident replied to, then answered and closed ones, newest first. Each carries
 * who it is assigned to and the resident's contact details (kept only with their consent).
 */
export function listTeamInbox(db: Db, params: { wardCode: string; targetHours: number }) {
  const rows = db
    .select(inboxColumns)
    .from(teamMessages)
    .leftJoin(assignee, eq(assignee.id, teamMessages.assigneeId))
    .where(eq(teamMessages.wardCode, params.wardCode))
    .orderBy(desc(teamMessages.receivedAt), desc(teamMessages.id))
    .all()
    .map((m) => ({ ...m, dueAt: responseDue(m.receivedAt, params.targetHours) }));
  return rows.sort((a, b) => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) return byRank;
    // Waiting for a first reply: the least time left first. Otherwise newest first (already so).
    return rank(a) === 0 ? a.dueAt.getTime() - b.dueAt.getTime() : 0;
  });
}

/**
 * A person's inbox across the wards they answer messages for: the messages waiting for the team
 * (open), those waiting for a first reply first, by the time left; each with its ward.
 */
export function listWaitingAcrossWards(db: Db, params: { wardCodes: string[]; targetHours: number }) {
  if (params.wardCodes.length === 0) return [];
  return db
    .select({ ...inboxColumns, wardName: wards.name })
    .from(teamMessages)
    .innerJoin(wards, eq(wards.code, teamMessages.wardCode))
    .leftJoin(assignee, eq(assignee.id, teamMessages.assigneeId))
    .where(and(inArray(teamMessages.wardCode, params.wardCodes), eq(teamMessages.status, "open")))
    .all()
    .map((m) => ({ ...m, dueAt: responseDue(m.receivedAt, params.targetHours) }))
    .sort((a, b) => rank(a) - rank(b) || a.dueAt.getTime() - b.dueAt.getTime());
}

/** One message of the ward with its whole thread (who wrote each team reply), or DomainError("not_found"). */
export function getTeamMessage(db: Db, params: { wardCode: string; messageId: number; targetHours: number }) {
  const message = db
    .select(inboxColumns)
    .from(teamMessages)
    .leftJoin(assignee, eq(assignee.id, teamMessages.assigneeId))
    .where(and(eq(teamMessages.id, params.messageId), eq(teamMessages.wardCode, params.wardCode)))
    .get();
  if (!message) throw new DomainError("not_found", "There is no such message for this ward");
  const thread = db
    .select({
      id: messageEvents.id,
      kind: messageEvents.kind,
      detail: messageEvents.detail,
      at: messageEvents.createdAt,
    })
    .from(messageEvents)
    .where(eq(messageEvents.messageId, message.id))
    .orderBy(asc(messageEvents.id))
    .all();
  return { ...message, dueAt: responseDue(message.receivedAt, params.targetHours), thread };
}

/** The people who may answer the ward's messages (its sergeants and team members), to assign one to. */
export function listMessageAnswerers(db: Db, wardCode: string) {
  return db
    .selectDistinct({ userId: users.id, name: users.name })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.wardCode, wardCode),
        inArray(roleAssignments.role, [...WARD_ROLE_GROUPS.answerMessages]),
        eq(users.isActive, true),
      ),
    )
    .orderBy(asc(users.name))
    .all();
}

function messageInWard(db: Db, wardCode: string, messageId: number) {
  const message = db
    .select({ id: teamMessages.id, status: teamMessages.status, firstResponseAt: teamMessages.firstResponseAt })
    .from(teamMessages)
    .where(and(eq(teamMessages.id, messageId), eq(teamMessages.wardCode, wardCode)))
    .get();
  if (!message) throw new DomainError("not_found", "There is no such message for this ward");
  return message;
}

/** Gives a message to a sergeant or team member of the ward to answer (null: to nobody). */
export function assignTeamMessage(
  db: Db,
  params: { wardCode: string; messageId: number; assigneeId: number | null; byUserId: number; now: Date },
): void {
  db.transaction(() => {
    const message = messageInWard(db, params.wardCode, params.messageId);
    const person =
      params.assigneeId === null
        ? null
        : listMessageAnswerers(db, params.wardCode).find((p) => p.userId === params.assigneeId);
    if (person === undefined)
      throw new DomainError("invalid", "Choose a sergeant or team member of this ward", "assigneeId");
    db.update(teamMessages).set({ assigneeId: params.assigneeId }).where(eq(teamMessages.id, message.id)).run();
    recordMessageEvent(db, {
      messageId: message.id,
      kind: "assigned",
      detail: person ? { assigneeName: person.name } : {},
      authorId: params.byUserId,
      now: params.now,
    });
  });
}

/**
 * The team's reply: recorded in the thread with its author's name, e-mailed to the resident when
 * they left an address with consent. The first reply sets `firstResponseAt`, which the response
 * target is measured against. Refused on a closed message.
 */
export function replyToTeamMessage(
  db: Db,
  params: { wardCode: string; messageId: number; text: string; authorId: number; now: Date },
): void {
  db.transaction(() => {
    const message = messageInWard(db, params.wardCode, params.messageId);
    if (message.status === "closed") throw new DomainError("conflict", "This message is closed", "text");
    const author = db.select({ name: users.name }).from(users).where(eq(users.id, params.authorId)).get();
    db.update(teamMessages)
      .set({ status: "answered", firstResponseAt: message.firstResponseAt ?? params.now })
      .where(eq(teamMessages.id, message.id))
      .run();
    recordMessageEvent(db, {
      messageId: message.id,
      kind: "team_reply",
      detail: { text: params.text, authorName: author?.name ?? "The team" },
      authorId: params.authorId,
      now: params.now,
    });
  });
}

/** Closes a message: nothing more to do. The resident sees it closed and can send a new message. */
export function closeTeamMessage(
  db: Db,
  params: { wardCode: string; messageId: number; byUserId: number; now: Date },
): void {
  db.transaction(() => {
    const message = messageInWard(db, params.wardCode, params.messageId);
    if (message.status === "closed") throw new DomainError("conflict", "This message is already closed");
    db.update(teamMessages).set({ status: "closed" }).where(eq(teamMessages.id, message.id)).run();
    recordMessageEvent(db, {
      messageId: message.id,
      kind: "closed",
      detail: {},
      authorId: params.byUserId,
      now: params.now,
    });
  });
}
