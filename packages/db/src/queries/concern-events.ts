import { concernFollowTokenFor, hashToken } from "@wardpanel/auth";
import type { ConcernEventDetail, ConcernEventKind } from "@wardpanel/validators";
import { and, asc, eq, inArray, lte, ne, or } from "drizzle-orm";

import type { Db } from "../client";
import { concernEvents, concerns, priorities, wards } from "../schema";
import { afterFailedAttempt, CLAIM_LEASE_MS } from "./mail-retry";
import { wardNameIn } from "./ward-name-in";

/** Gives a new concern its follow link: returns the token, keeps its hash. */
export function setFollowToken(db: Db, params: { concernId: number; tokenSecret: string }): string {
  const token = concernFollowTokenFor(params.tokenSecret, params.concernId);
  db.update(concerns)
    .set({ followTokenHash: hashToken(token) })
    .where(eq(concerns.id, params.concernId))
    .run();
  return token;
}

/** The kinds the person who raised a concern is e-mailed about (taking it back off the shortlist is only shown). */
const MAILED: ReadonlySet<ConcernEventKind> = new Set([
  "received",
  "merged",
  "shortlisted",
  "rejected",
  "restored",
  "prioritised",
  "priority_ended",
]);

/**
 * Records a step in each concern's life and queues its e-mail where the person left an address
 * and agreed to updates. Call it inside the transaction that makes the change.
 */
export function recordConcernEvents(
  db: Db,
  params: { concernIds: number[]; kind: ConcernEventKind; detail: ConcernEventDetail; now: Date },
): void {
  if (params.concernIds.length === 0) return;
  const rows = db
    .select({ id: concerns.id, hasConsent: concerns.hasConsent, contactEmail: concerns.contactEmail })
    .from(concerns)
    .where(inArray(concerns.id, params.concernIds))
    .all();
  for (const row of rows) {
    const isMailed = MAILED.has(params.kind) && row.hasConsent && row.contactEmail !== "";
    db.insert(concernEvents)
      .values({
        concernId: row.id,
        kind: params.kind,
        detail: params.detail,
        mail: isMailed ? "due" : "none",
        nextAttemptAt: isMailed ? params.now : null,
        createdAt: params.now,
      })
      .run();
  }
}

/** A concern and the concerns merged into it: all their raisers hear what becomes of it. */
export function withMergedConcerns(db: Db, concernId: number): number[] {
  const merged = db
    .select({ id: concerns.id })
    .from(concerns)
    .where(eq(concerns.mergedIntoId, concernId))
    .all()
    .map((r) => r.id);
  return [concernId, ...merged];
}

/** What the public follow page shows: the concern, its history in order, and the priority it became. */
export function getFollowedConcern(db: Db, token: string) {
  const concern = db
    .select({
      id: concerns.id,
      reference: concerns.reference,
      wardCode: concerns.wardCode,
      wardName: wards.name,
      wardNameWelsh: wards.nameWelsh,
      description: concerns.description,
      location: concerns.location,
      category: concerns.category,
      status: concerns.status,
      rejectionReason: concerns.rejectionReason,
      mergedIntoId: concerns.mergedIntoId,
      createdAt: concerns.createdAt,
    })
    .from(concerns)
    .innerJoin(wards, eq(wards.code, concerns.wardCode))
    .where(eq(concerns.followTokenHash, hashToken(token)))
    .get();
  if (!concern) return null;
  const history = db
    .select({ kind: concernEvents.kind, detail: concernEvents.detail, at: concernEvents.createdAt })
    .from(concernEvents)
    .where(eq(concernEvents.concernId, concern.id))
    .orderBy(asc(concernEvents.id))
    .all();
  // A merged concern follows the one it joined: that one becomes the priority.
  const priorityConcernId = concern.mergedIntoId ?? concern.id;
  const priority =
    db
      .select({
        id: priorities.id,
        title: priorities.title,
        status: priorities.status,
        statusDate: priorities.statusDate,
        statusReason: priorities.statusReason,
      })
      .from(priorities)
      .where(and(eq(priorities.concernId, priorityConcernId), ne(priorities.status, "draft")))
      .get() ?? null;
  const { id: _id, mergedIntoId: _merged, ...shown } = concern;
  return { ...shown, history, priority };
}

/**
 * Claims due concern e-mails, as the pack queue does. An e-mail whose address was erased
 * (retention, or a person's erasure) or whose consent was withdrawn is closed, unsent.
 */
export function claimDueConcernEmails(db: Db, { now, limit = 20 }: { now: Date; limit?: number }) {
  return db.transaction((tx) => {
    const noAddress = tx
      .select({ id: concerns.id })
      .from(concerns)
      .where(or(eq(concerns.contactEmail, ""), eq(concerns.hasConsent, false)));
    tx.update(concernEvents)
      .set({ mail: "failed", lastError: "no address to send to" })
      .where(and(eq(concernEvents.mail, "due"), inArray(concernEvents.concernId, noAddress)))
      .run();
    const due = tx
      .select({
        eventId: concernEvents.id,
        attempts: concernEvents.attempts,
        kind: concernEvents.kind,
        detail: concernEvents.detail,
        concernId: concerns.id,
        reference: concerns.reference,
        description: concerns.description,
        wardCode: concerns.wardCode,
        // In the resident's language: the Welsh name for a Welsh concern where held.
        wardName: wardNameIn(concerns.language),
        email: concerns.contactEmail,
        language: concerns.language,
      })
      .from(concernEvents)
      .innerJoin(concerns, eq(concerns.id, concernEvents.concernId))
      .innerJoin(wards, eq(wards.code, concerns.wardCode))
      .where(and(eq(concernEvents.mail, "due"), lte(concernEvents.nextAttemptAt, now)))
      .orderBy(asc(concernEvents.nextAttemptAt), asc(concernEvents.id))
      .limit(limit)
      .all();
    const lease = new Date(now.getTime() + CLAIM_LEASE_MS);
    for (const e of due)
      tx.update(concernEvents).set({ nextAttemptAt: lease }).where(eq(concernEvents.id, e.eventId)).run();
    return due;
  });
}

export function markConcernEmailSent(db: Db, { eventId }: { eventId: number }): void {
  db.update(concernEvents).set({ mail: "sent", lastError: null }).where(eq(concernEvents.id, eventId)).run();
}

export function markConcernEmailFailed(
  db: Db,
  { eventId, attempts, error, now }: { eventId: number; attempts: number; error: string; now: Date },
): { willRetry: boolean } {
  const { willRetry, ...row } = afterFailedAttempt({ attempts, error, now });
  db.update(concernEvents)
    .set({ ...row, mail: willRetry ? "due" : "failed" })
    .where(eq(concernEvents.id, eventId))
    .run();
  return { willRetry };
}
