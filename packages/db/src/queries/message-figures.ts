import { DomainError, isWithinTarget, responseDue } from "@wardpanel/validators";
import { and, asc, eq, gte, inArray } from "drizzle-orm";

import type { Db } from "../client";
import { boroughs, messageEvents, teamMessages, users, wards } from "../schema";
import { recordMessageEvent } from "./team-messages";

/** The public figure and oversight count messages received in this many days. */
export const FIGURE_DAYS = 90;

/**
 * How a set of messages met the response target. `withinTarget`: first team reply at or before
 * received + target hours; `late`: replied after it; `overdue`: no reply and past it; `waiting`: no
 * reply yet, still within it (not counted in the share, as its outcome is not known yet).
 * `share` is withinTarget / (withinTarget + late + overdue), 0 to 1, or null when that is 0.
 */
export type ResponseTally = {
  received: number;
  withinTarget: number;
  late: number;
  overdue: number;
  waiting: number;
  share: number | null;
};

type Timed = { receivedAt: Date; firstResponseAt: Date | null };

/** Tallies messages against the target at `now` (see ResponseTally). Pure. */
export function tallyResponses(messages: readonly Timed[], targetHours: number, now: Date): ResponseTally {
  const tally = { received: messages.length, withinTarget: 0, late: 0, overdue: 0, waiting: 0 };
  for (const m of messages) {
    if (m.firstResponseAt) {
      if (isWithinTarget(m.receivedAt, m.firstResponseAt, targetHours)) tally.withinTarget += 1;
      else tally.late += 1;
    } else if (now.getTime() > responseDue(m.receivedAt, targetHours).getTime()) tally.overdue += 1;
    else tally.waiting += 1;
  }
  const decided = tally.withinTarget + tally.late + tally.overdue;
  return { ...tally, share: decided === 0 ? null : tally.withinTarget / decided };
}

const since = (now: Date) => new Date(now.getTime() - FIGURE_DAYS * 24 * 3_600_000);

/** The ward page's own figure: messages of the last 90 days answered within the target. */
export function getWardResponseFigure(db: Db, params: { wardCode: string; targetHours: number; now: Date }) {
  const rows = db
    .select({ receivedAt: teamMessages.receivedAt, firstResponseAt: teamMessages.firstResponseAt })
    .from(teamMessages)
    .where(and(eq(teamMessages.wardCode, params.wardCode), gte(teamMessages.receivedAt, since(params.now))))
    .all();
  return {
    ...tallyResponses(rows, params.targetHours, params.now),
    days: FIGURE_DAYS,
    targetHours: params.targetHours,
  };
}

/**
 * Oversight of messages for a borough or all of London, over the last 90 days: the tally per ward
 * (wards that received any) and per borough, and the overdue list (no reply, past the target),
 * most overdue first.
 */
export function getMessageOversight(db: Db, params: { boroughCode: string | null; targetHours: number; now: Date }) {
  const rows = db
    .select({
      id: teamMessages.id,
      reference: teamMessages.reference,
      topic: teamMessages.topic,
      status: teamMessages.status,
      receivedAt: teamMessages.receivedAt,
      firstResponseAt: teamMessages.firstResponseAt,
      wardCode: wards.code,
      wardName: wards.name,
      boroughCode: boroughs.code,
      boroughName: boroughs.name,
    })
    .from(teamMessages)
    .innerJoin(wards, eq(wards.code, teamMessages.wardCode))
    .innerJoin(boroughs, eq(boroughs.code, wards.boroughCode))
    .where(
      and(
        gte(teamMessages.receivedAt, since(params.now)),
        params.boroughCode ? eq(wards.boroughCode, params.boroughCode) : undefined,
      ),
    )
    .orderBy(asc(boroughs.name), asc(wards.name))
    .all();
  const group = (key: (r: (typeof rows)[number]) => string) => {
    const groups = new Map<string, typeof rows>();
    for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
    return [...groups.values()];
  };
  const tally = (list: typeof rows) => tallyResponses(list, params.targetHours, params.now);
  return {
    days: FIGURE_DAYS,
    targetHours: params.targetHours,
    total: tally(rows),
    boroughs: group((r) => r.boroughCode).map((list) => ({
      boroughCode: list[0]?.boroughCode ?? "",
      boroughName: list[0]?.boroughName ?? "",
      ...tally(list),
    })),
    wards: group((r) => r.wardCode).map((list) => ({
      wardCode: list[0]?.wardCode ?? "",
      wardName: list[0]?.wardName ?? "",
      boroughName: list[0]?.boroughName ?? "",
      ...tally(list),
    })),
    overdue: rows
      .filter((r) => !r.firstResponseAt && r.status !== "closed")
      .map(({ firstResponseAt: _f, boroughCode: _b, ...r }) => ({
        ...r,
        dueAt: responseDue(r.receivedAt, params.targetHours),
      }))
      .filter((r) => r.dueAt.getTime() < params.now.getTime())
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()),
  };
}

/**
 * The manager's list: replies residents said were not good enough and that have no manager's
 * response yet, oldest first, with the resident's reason and the team's last reply before it.
 */
export function listRecourse(db: Db, params: { boroughCode: string | null }) {
  const complaints = db
    .select({
      eventId: messageEvents.id,
      messageId: teamMessages.id,
      reference: teamMessages.reference,
      topic: teamMessages.topic,
      body: teamMessages.body,
      wardCode: wards.code,
      wardName: wards.name,
      reason: messageEvents.detail,
      at: messageEvents.createdAt,
    })
    .from(messageEvents)
    .innerJoin(teamMessages, eq(teamMessages.id, messageEvents.messageId))
    .innerJoin(wards, eq(wards.code, teamMessages.wardCode))
    .where(
      and(
        eq(messageEvents.kind, "not_good_enough"),
        params.boroughCode ? eq(wards.boroughCode, params.boroughCode) : undefined,
      ),
    )
    .orderBy(asc(messageEvents.id))
    .all();
  if (complaints.length === 0) return [];
  const threads = db
    .select({
      id: messageEvents.id,
      messageId: messageEvents.messageId,
      kind: messageEvents.kind,
      detail: messageEvents.detail,
    })
    .from(messageEvents)
    .where(
      and(
        inArray(
          messageEvents.messageId,
          complaints.map((c) => c.messageId),
        ),
        inArray(messageEvents.kind, ["team_reply", "manager_response"]),
      ),
    )
    .orderBy(asc(messageEvents.id))
    .all();
  return complaints
    .filter(
      (c) => !threads.some((e) => e.messageId === c.messageId && e.kind === "manager_response" && e.id > c.eventId),
    )
    .map(({ reason, eventId: _e, ...c }) => {
      const lastReply = threads
        .filter((e) => e.messageId === c.messageId && e.kind === "team_reply" && e.id < _e)
        .at(-1);
      return {
        ...c,
        reason: reason.text ?? "",
        lastReply: lastReply
          ? { text: lastReply.detail.text ?? "", authorName: lastReply.detail.authorName ?? "" }
          : null,
      };
    });
}

/**
 * The manager's response to a "not good enough" (e-mailed to the resident when they left an
 * address with consent). Throws DomainError("conflict") when no complaint is waiting on the message.
 */
export function respondToRecourse(db: Db, params: { messageId: number; text: string; authorId: number; now: Date }) {
  db.transaction(() => {
    const waiting = listRecourse(db, { boroughCode: null }).some((c) => c.messageId === params.messageId);
    if (!waiting) throw new DomainError("conflict", "No complaint about this message is waiting for a response");
    const author = db.select({ name: users.name }).from(users).where(eq(users.id, params.authorId)).get();
    recordMessageEvent(db, {
      messageId: params.messageId,
      kind: "manager_response",
      detail: { text: params.text, authorName: author?.name ?? "The team's manager" },
      authorId: params.authorId,
      now: params.now,
    });
  });
}
