import { isDeepStrictEqual } from "node:util";

import { londonParts } from "@wardpanel/meetings/london-time";
import { DomainError, ENDING_STEP, PRIORITY_LIFECYCLE, type PriorityFields } from "@wardpanel/validators";
import { and, asc, count, desc, eq, inArray, lte } from "drizzle-orm";

import type { Db } from "../client";
import { returnedRow } from "../returned-row";
import { feedChanges, panels, priorities, priorityProgress } from "../schema";
import { recordConcernEvents, withMergedConcerns } from "./concern-events";

export type Priority = typeof priorities.$inferSelect;

/**
 * Writes the feed's change log in the caller's transaction: a consumer reading changes never sees
 * a priority change without its log row, or the other way round.
 */
export function recordFeedChange(
  db: Db,
  priority: Pick<Priority, "id" | "version">,
  kind: "upsert" | "remove",
  reason: string,
  at: Date,
): void {
  db.insert(feedChanges).values({ priorityId: priority.id, kind, version: priority.version, reason, at }).run();
}

export function getPriorityInWard(db: Db, wardCode: string, priorityId: number): Priority {
  const priority = db
    .select()
    .from(priorities)
    .where(and(eq(priorities.id, priorityId), eq(priorities.wardCode, wardCode)))
    .get();
  if (!priority) throw new DomainError("not_found", "There is no such priority for this ward");
  return priority;
}

type CreatePriorityParams = {
  wardCode: string;
  fields: PriorityFields;
  decidedAtMeetingId?: number | null;
  voteId?: number | null;
  concernId?: number | null;
  now: Date;
};

/** A draft priority: it is made specific, then published. */
export function createPriority(db: Db, params: CreatePriorityParams): number {
  return returnedRow(
    db
      .insert(priorities)
      .values({
        ...params.fields,
        wardCode: params.wardCode,
        decidedAtMeetingId: params.decidedAtMeetingId ?? null,
        voteId: params.voteId ?? null,
        concernId: params.concernId ?? null,
        updatedAt: params.now,
      })
      .returning({ id: priorities.id }),
  ).id;
}

/** What makes a priority specific enough to publish; each gap named against its field. */
function assertSpecific(
  p: Pick<
    Priority,
    | "title"
    | "problem"
    | "area"
    | "streets"
    | "postcodes"
    | "placeName"
    | "wantedAction"
    | "successMeasure"
    | "startDate"
    | "reviewDate"
    | "owner"
  >,
): void {
  const missing = (field: string, message: string) => new DomainError("invalid", message, field);
  if (!p.problem) throw missing("problem", "Describe the problem in plain words before publishing");
  if (!p.area && p.streets.length === 0 && p.postcodes.length === 0 && !p.placeName) {
    throw missing(
      "area",
      "Say where the priority applies: draw an area on the map, or name streets, postcodes or a place",
    );
  }
  if (!p.wantedAction) throw missing("wantedAction", "Say what the panel wants done before publishing");
  if (!p.successMeasure) throw missing("successMeasure", "Say how success will be judged before publishing");
  if (!p.startDate) throw missing("startDate", "Give a start date before publishing");
  if (!p.reviewDate) throw missing("reviewDate", "Give a review date before publishing");
  if (p.reviewDate <= p.startDate) throw missing("reviewDate", "The review date must be after the start date");
  if (!p.owner) throw missing("owner", "Say who owns the priority before publishing");
}

/**
 * Saves a priority's fields. Saving what it already holds writes nothing: no new version, no
 * change in the feed's log (issue 14: a control room would otherwise be told of a change that is none).
 */
export function updatePriority(
  db: Db,
  params: { wardCode: string; priorityId: number; fields: PriorityFields; now: Date },
): void {
  db.transaction(() => {
    const priority = getPriorityInWard(db, params.wardCode, params.priorityId);
    PRIORITY_LIFECYCLE.assert(priority.status, "edit");
    const isActive = priority.status === "active";
    if (isActive) assertSpecific({ ...params.fields });
    // A flag for the 60-minute response needs an area; removing the area removes the flag.
    const isCallHandlingFlagged = priority.isCallHandlingFlagged && params.fields.area !== null;
    const unchanged = Object.entries(params.fields).every(([field, value]) =>
      isDeepStrictEqual(priority[field as keyof PriorityFields], value),
    );
    if (unchanged && isCallHandlingFlagged === priority.isCallHandlingFlagged) return;
    const version = priority.version + (isActive ? 1 : 0);
    db.update(priorities)
      .set({
        ...params.fields,
        isCallHandlingFlagged,
        flagLapsedAt: flagLapseAfterReview(priority.flagLapsedAt, params.fields.reviewDate, params.now),
        version,
        updatedAt: params.now,
      })
      .where(eq(priorities.id, priority.id))
      .run();
    if (isActive) recordFeedChange(db, { id: priority.id, version }, "upsert", "edited", params.now);
  });
}

/**
 * The review that restores a lapsed flag (decision 0029): moving the review date to today (London)
 * or later. A review date still in the past leaves the lapse; the expiry sweep sets it otherwise.
 */
function flagLapseAfterReview(lapsedAt: Date | null, reviewDate: string | null, now: Date): Date | null {
  if (lapsedAt === null) return null;
  return reviewDate !== null && reviewDate >= londonParts(now).date ? null : lapsedAt;
}

export function getActiveLimit(db: Db, wardCode: string): number {
  return (
    db.select({ max: panels.maxActivePriorities }).from(panels).where(eq(panels.wardCode, wardCode)).get()?.max ?? 3
  );
}

export function setActiveLimit(db: Db, wardCode: string, maxActive: number): void {
  const updated = db
    .update(panels)
    .set({ maxActivePriorities: maxActive })
    .where(eq(panels.wardCode, wardCode))
    .returning({ id: panels.id })
    .all();
  if (updated.length === 0) throw new DomainError("not_found", "This ward has no panel yet");
}

/** Publishes a specific priority, within the ward's limit of active priorities. */
export function publishPriority(db: Db, params: { wardCode: string; priorityId: number; now: Date }): void {
  db.transaction(() => {
    const priority = getPriorityInWard(db, params.wardCode, params.priorityId);
    PRIORITY_LIFECYCLE.assert(priority.status, "publish");
    assertSpecific(priority);
    const limit = getActiveLimit(db, params.wardCode);
    const [active] = db
      .select({ n: count() })
      .from(priorities)
      .where(and(eq(priorities.wardCode, params.wardCode), eq(priorities.status, "active")))
      .all();
    if ((active?.n ?? 0) >= limit) {
      throw new DomainError(
        "conflict",
        `This ward already has ${limit} active priorities, its limit. End one (achieved, withdrawn or superseded) first.`,
      );
    }
    const version = priority.version + 1;
    db.update(priorities)
      .set({
        status: "active",
        version,
        statusDate: londonParts(params.now).date,
        publishedAt: params.now,
        updatedAt: params.now,
      })
      .where(eq(priorities.id, priority.id))
      .run();
    recordFeedChange(db, { id: priority.id, version }, "upsert", "published", params.now);
  });
}

/**
 * The 60-minute response flag, only for a priority with a defined area (a control room matches
 * places, not words). Setting the flag it already has writes nothing (no version, no feed change).
 */
export function setCallHandling(
  db: Db,
  params: { wardCode: string; priorityId: number; isFlagged: boolean; now: Date },
): void {
  db.transaction(() => {
    const priority = getPriorityInWard(db, params.wardCode, params.priorityId);
    if (params.isFlagged && !priority.area) {
      throw new DomainError(
        "invalid",
        "Draw the priority's area on the map before flagging it for the 60-minute response",
        "area",
      );
    }
    PRIORITY_LIFECYCLE.assert(priority.status, "flagForCallHandling");
    if (priority.isCallHandlingFlagged === params.isFlagged) return;
    const isActive = priority.status === "active";
    const version = priority.version + (isActive ? 1 : 0);
    db.update(priorities)
      // Removing the flag leaves nothing to lapse; flagging again keeps a lapse until the review.
      .set({
        isCallHandlingFlagged: params.isFlagged,
        flagLapsedAt: params.isFlagged ? priority.flagLapsedAt : null,
        version,
        updatedAt: params.now,
      })
      .where(eq(priorities.id, priority.id))
      .run();
    if (isActive)
      recordFeedChange(
        db,
        { id: priority.id, version },
        "upsert",
        params.isFlagged ? "flagged for 60-minute response" : "60-minute response flag removed",
        params.now,
      );
  });
}

/** Ends an active priority, always with a date and a reason the public sees; the feed removes it. */
export function endPriority(
  db: Db,
  params: {
    wardCode: string;
    priorityId: number;
    outcome: "achieved" | "withdrawn" | "superseded";
    date: string;
    reason: string;
    supersededById: number | null;
    now: Date;
  },
): void {
  db.transaction(() => {
    const priority = getPriorityInWard(db, params.wardCode, params.priorityId);
    PRIORITY_LIFECYCLE.assert(priority.status, ENDING_STEP[params.outcome]);
    if (params.outcome === "superseded") {
      if (params.supersededById === null)
        throw new DomainError("invalid", "Say which priority replaces this one", "supersededById");
      getPriorityInWard(db, params.wardCode, params.supersededById);
    }
    const version = priority.version + 1;
    db.update(priorities)
      .set({
        status: params.outcome,
        statusDate: params.date,
        statusReason: params.reason,
        supersededById: params.outcome === "superseded" ? params.supersededById : null,
        version,
        updatedAt: params.now,
      })
      .where(eq(priorities.id, priority.id))
      .run();
    recordFeedChange(db, { id: priority.id, version }, "remove", params.outcome, params.now);
    if (priority.concernId !== null)
      recordConcernEvents(db, {
        concernIds: withMergedConcerns(db, priority.concernId),
        kind: "priority_ended",
        detail: {
          priorityId: priority.id,
          priorityTitle: priority.title,
          outcome: params.outcome,
          reason: params.reason,
        },
        now: params.now,
      });
  });
}

/** Current priorities first, then past ones newest first: the ward's library. */
export function listWardPriorities(db: Db, wardCode: string): Priority[] {
  const rows = db
    .select()
    .from(priorities)
    .where(eq(priorities.wardCode, wardCode))
    .orderBy(desc(priorities.createdAt))
    .all();
  const rank = { active: 0, draft: 1, achieved: 2, withdrawn: 2, superseded: 2 } as const;
  return rows.sort((a, b) => rank[a.status] - rank[b.status]);
}

export function addProgress(
  db: Db,
  params: {
    wardCode: string;
    priorityId: number;
    month: string;
    policeAction: string;
    partnerAction: string;
    whatChanged: string;
    createdBy: number | null;
  },
): number {
  const priority = getPriorityInWard(db, params.wardCode, params.priorityId);
  PRIORITY_LIFECYCLE.assert(priority.status, "reportProgress");
  const { wardCode: _, priorityId, ...entry } = params;
  return returnedRow(
    db
      .insert(priorityProgress)
      .values({ ...entry, priorityId })
      .returning({ id: priorityProgress.id }),
  ).id;
}

export function listProgress(db: Db, priorityIds: number[]) {
  if (priorityIds.length === 0) return [];
  return db
    .select()
    .from(priorityProgress)
    .where(inArray(priorityProgress.priorityId, priorityIds))
    .orderBy(desc(priorityProgress.month), asc(priorityProgress.id))
    .all();
}

/** Active priorities whose review date has come, for the sergeant and the next agenda. */
export function listReviewsDue(db: Db, wardCode: string, onOrBefore: string): Priority[] {
  return db
    .select()
    .from(priorities)
    .where(
      and(eq(priorities.wardCode, wardCode), eq(priorities.status, "active"), lte(priorities.reviewDate, onOrBefore)),
    )
    .orderBy(asc(priorities.reviewDate))
    .all();
}
