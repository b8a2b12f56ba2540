import { londonParts } from "@wardpanel/meetings/london-time";
import { type ActionStatus, DomainError } from "@wardpanel/validators";
import { and, asc, eq, lt } from "drizzle-orm";

import type { Db } from "../client";
import { actions, meetings } from "../schema";
import type { Meeting } from "./meetings";

export type CarriedOverAction = {
  id: number;
  description: string;
  owner: string;
  dueDate: string;
  agreedAt: string;
};

const actionColumns = {
  id: actions.id,
  description: actions.description,
  owner: actions.owner,
  dueDate: actions.dueDate,
  status: actions.status,
  statusNote: actions.statusNote,
  meetingId: actions.meetingId,
  meetingTitle: meetings.title,
  meetingStartsAt: meetings.startsAt,
};

/**
 * Matters arising: the ward's actions still open that were agreed at earlier meetings. Computed,
 * not copied, so an action done between meetings drops off every later agenda at once.
 */
export function listCarriedOverActions(db: Db, meeting: Pick<Meeting, "wardCode" | "startsAt">): CarriedOverAction[] {
  return db
    .select(actionColumns)
    .from(actions)
    .innerJoin(meetings, eq(meetings.id, actions.meetingId))
    .where(
      and(eq(actions.wardCode, meeting.wardCode), eq(actions.status, "open"), lt(meetings.startsAt, meeting.startsAt)),
    )
    .orderBy(asc(actions.dueDate), asc(actions.id))
    .all()
    .map((a) => ({
      id: a.id,
      description: a.description,
      owner: a.owner,
      dueDate: a.dueDate,
      agreedAt: londonParts(a.meetingStartsAt).date,
    }));
}

/** Every action of a ward, open ones first by due date; `isOverdue` is judged on today's London date. */
export function listWardActions(db: Db, wardCode: string, now: Date) {
  const today = londonParts(now).date;
  return db
    .select(actionColumns)
    .from(actions)
    .innerJoin(meetings, eq(meetings.id, actions.meetingId))
    .where(eq(actions.wardCode, wardCode))
    .orderBy(asc(actions.dueDate), asc(actions.id))
    .all()
    .map(({ meetingStartsAt: _, ...a }) => ({ ...a, isOverdue: a.status === "open" && a.dueDate < today }))
    .sort((a, b) => Number(a.status !== "open") - Number(b.status !== "open"));
}

export function setActionStatus(
  db: Db,
  params: { wardCode: string; actionId: number; status: ActionStatus; note: string; now: Date },
): void {
  const updated = db
    .update(actions)
    .set({ status: params.status, statusNote: params.note, updatedAt: params.now })
    .where(and(eq(actions.id, params.actionId), eq(actions.wardCode, params.wardCode)))
    .returning({ id: actions.id })
    .all();
  if (updated.length === 0) throw new DomainError("not_found", "There is no such action for this ward");
}
