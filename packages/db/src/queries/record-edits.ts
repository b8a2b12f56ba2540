import { type Category, DomainError, type RecordEntryKind } from "@wardpanel/validators";
import { and, asc, eq } from "drizzle-orm";

import type { Db } from "../client";
import { returnedRow } from "../returned-row";
import { actions, concerns, decisions, recordRemovals } from "../schema";
import { getMeetingInWard, type Meeting } from "./meetings";
import { assertRecordOpen } from "./record-open";

/**
 * Correcting what was recorded at a meeting: its decisions, actions and concerns handed over can be
 * edited, removed and put back (undo) while the meeting is held and its minutes are not circulated
 * (record-open.ts). A draft of the minutes shows the record as it stands (minutes.ts).
 */

type RecordParams = { wardCode: string; meetingId: number; now: Date };

function openRecord(db: Db, wardCode: string, meetingId: number): Meeting {
  const meeting = getMeetingInWard(db, wardCode, meetingId);
  assertRecordOpen(db, meeting);
  return meeting;
}

const NOT_FOUND: Record<RecordEntryKind, string> = {
  decision: "There is no such decision at this meeting",
  action: "There is no such action from this meeting",
  concern: "There is no such concern raised at this meeting",
};

/** @throws DomainError not_found (not this meeting's decision), conflict (minutes circulated). */
export function editDecision(db: Db, params: RecordParams & { decisionId: number; text: string }): void {
  db.transaction(() => {
    const meeting = openRecord(db, params.wardCode, params.meetingId);
    const changed = db
      .update(decisions)
      .set({ text: params.text })
      .where(and(eq(decisions.id, params.decisionId), eq(decisions.meetingId, meeting.id)))
      .returning({ id: decisions.id })
      .all();
    if (changed.length === 0) throw new DomainError("not_found", NOT_FOUND.decision);
  });
}

/** `dueDate` is a London calendar date, YYYY-MM-DD. @throws as editDecision. */
export function editAction(
  db: Db,
  params: RecordParams & { actionId: number; description: string; owner: string; dueDate: string },
): void {
  db.transaction(() => {
    const meeting = openRecord(db, params.wardCode, params.meetingId);
    const changed = db
      .update(actions)
      .set({ description: params.description, owner: params.owner, dueDate: params.dueDate, updatedAt: params.now })
      .where(and(eq(actions.id, params.actionId), eq(actions.meetingId, meeting.id)))
      .returning({ id: actions.id })
      .all();
    if (changed.length === 0) throw new DomainError("not_found", NOT_FOUND.action);
  });
}

/** A concern handed over at this meeting that the team has not yet worked on (still "new"). */
function meetingConcern(db: Db, meeting: Meeting, concernId: number) {
  const concern = db
    .select()
    .from(concerns)
    .where(and(eq(concerns.id, concernId), eq(concerns.meetingId, meeting.id), eq(concerns.source, "meeting")))
    .get();
  if (!concern) throw new DomainError("not_found", NOT_FOUND.concern);
  if (concern.status !== "new")
    throw new DomainError(
      "conflict",
      "The team has already worked on this concern (shortlisted, merged, rejected or voted on): change it in the concern queue",
    );
  return concern;
}

/** Its wording, place and category; who raised it is left as recorded. @throws as editDecision, and conflict once the team has worked on it. */
export function editMeetingConcern(
  db: Db,
  params: RecordParams & { concernId: number; description: string; location: string; category: Category },
): void {
  db.transaction(() => {
    const meeting = openRecord(db, params.wardCode, params.meetingId);
    const concern = meetingConcern(db, meeting, params.concernId);
    db.update(concerns)
      .set({ description: params.description, location: params.location, category: params.category })
      .where(eq(concerns.id, concern.id))
      .run();
  });
}

type StoredRows = { table: string; rows: Record<string, unknown>[] };

/** The rows as SQLite stores them (dates as milliseconds, JSON as text), so they go back unchanged. */
function takeRows(db: Db, table: string, column: string, id: number): StoredRows {
  const rows = db.$client.prepare(`SELECT * FROM "${table}" WHERE "${column}" = ?`).all(id) as Record<
    string,
    unknown
  >[];
  return { table, rows };
}

/** The only tables a removal holds rows of: anything else in a stored removal is refused, never written. */
const REMOVABLE_TABLES = new Set(["decisions", "actions", "concerns", "concern_events"]);

function putBackRows(db: Db, { table, rows }: StoredRows): void {
  if (!REMOVABLE_TABLES.has(table)) throw new Error(`A removal holds rows of "${table}", which is never removed`);
  for (const row of rows) {
    const columns = Object.keys(row);
    db.$client
      .prepare(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
      )
      .run(...columns.map((c) => row[c]));
  }
}

/**
 * Takes a decision, action or concern (with its history) out of the record, keeping it to put back.
 * Returns the removal's id for `restoreRecordEntry` and what it said, for "Removed ‘…’. Undo".
 *
 * @throws DomainError not_found (not this meeting's), conflict (minutes circulated; a concern already worked on).
 */
export function removeRecordEntry(
  db: Db,
  params: RecordParams & { kind: RecordEntryKind; id: number; by: number | null },
): { removalId: number; summary: string } {
  return db.transaction(() => {
    const meeting = openRecord(db, params.wardCode, params.meetingId);
    let summary: string;
    let kept: StoredRows[];
    if (params.kind === "decision") {
      const row = db
        .select({ text: decisions.text })
        .from(decisions)
        .where(and(eq(decisions.id, params.id), eq(decisions.meetingId, meeting.id)))
        .get();
      if (!row) throw new DomainError("not_found", NOT_FOUND.decision);
      summary = row.text;
      kept = [takeRows(db, "decisions", "id", params.id)];
      db.delete(decisions).where(eq(decisions.id, params.id)).run();
    } else if (params.kind === "action") {
      const row = db
        .select({ description: actions.description })
        .from(actions)
        .where(and(eq(actions.id, params.id), eq(actions.meetingId, meeting.id)))
        .get();
      if (!row) throw new DomainError("not_found", NOT_FOUND.action);
      summary = row.description;
      kept = [takeRows(db, "actions", "id", params.id)];
      db.delete(actions).where(eq(actions.id, params.id)).run();
    } else {
      const concern = meetingConcern(db, meeting, params.id);
      summary = concern.description;
      kept = [takeRows(db, "concerns", "id", concern.id), takeRows(db, "concern_events", "concern_id", concern.id)];
      db.$client.prepare(`DELETE FROM "concern_events" WHERE "concern_id" = ?`).run(concern.id);
      db.delete(concerns).where(eq(concerns.id, concern.id)).run();
    }
    const removalId = returnedRow(
      db
        .insert(recordRemovals)
        .values({
          meetingId: meeting.id,
          kind: params.kind,
          recordId: params.id,
          summary,
          rows: kept,
          removedAt: params.now,
          removedBy: params.by,
        })
        .returning({ id: recordRemovals.id }),
    ).id;
    return { removalId, summary };
  });
}

/**
 * Puts a removed decision, action or concern back exactly as it was, with its id.
 * @throws DomainError not_found (no such removal at this meeting), conflict (minutes circulated).
 */
export function restoreRecordEntry(db: Db, params: RecordParams & { removalId: number }): { kind: RecordEntryKind } {
  return db.transaction(() => {
    const meeting = openRecord(db, params.wardCode, params.meetingId);
    const removal = db
      .select()
      .from(recordRemovals)
      .where(and(eq(recordRemovals.id, params.removalId), eq(recordRemovals.meetingId, meeting.id)))
      .get();
    if (!removal) throw new DomainError("not_found", "There is nothing to put back: it may have been put back already");
    for (const stored of removal.rows) putBackRows(db, stored);
    db.delete(recordRemovals).where(eq(recordRemovals.id, removal.id)).run();
    return { kind: removal.kind };
  });
}

/** What was removed from the meeting's record and can still be put back, oldest first. */
export function listRecordRemovals(db: Db, meetingId: number) {
  return db
    .select({
      id: recordRemovals.id,
      kind: recordRemovals.kind,
      summary: recordRemovals.summary,
      removedAt: recordRemovals.removedAt,
    })
    .from(recordRemovals)
    .where(eq(recordRemovals.meetingId, meetingId))
    .orderBy(asc(recordRemovals.id))
    .all();
}
