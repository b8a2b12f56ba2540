import { type Category, DomainError, WARD_ROLE_GROUPS } from "@wardpanel/validators";
import { and, asc, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";

import type { Db } from "../client";
import { returnedRow } from "../returned-row";
import { concerns, crimes, roleAssignments, users } from "../schema";
import { recordConcernEvents, setFollowToken } from "./concern-events";

type ConcernInput = {
  description: string;
  location: string;
  postcode: string;
  lon: number | null;
  lat: number | null;
  category: Category;
  /** Kept only with consent to updates by e-mail. */
  contactEmail?: string;
  hasConsent?: boolean;
  /** The language the person wrote in (a catalogue code); "en" when not given. Their e-mails are written in it. */
  language?: string;
};

/**
 * Records a concern with its reference and private follow link, and queues the acknowledgement
 * when the person left an address and agreed to updates, all in one transaction.
 */
export function submitConcern(
  db: Db,
  params: {
    wardCode: string;
    source: "public_form" | "snt";
    concern: ConcernInput;
    tokenSecret: string;
    now: Date;
  },
): { concernId: number; reference: string; followToken: string } {
  const { contactEmail = "", hasConsent = false, ...concern } = params.concern;
  return db.transaction(() => {
    const row = returnedRow(
      db
        .insert(concerns)
        .values({
          ...concern,
          hasConsent,
          contactEmail: hasConsent ? contactEmail : "",
          wardCode: params.wardCode,
          source: params.source,
          createdAt: params.now,
        })
        .returning({ id: concerns.id, reference: concerns.reference }),
    );
    const followToken = setFollowToken(db, { concernId: row.id, tokenSecret: params.tokenSecret });
    recordConcernEvents(db, { concernIds: [row.id], kind: "received", detail: {}, now: params.now });
    return { concernId: row.id, reference: row.reference, followToken };
  });
}

/**
 * Whether anyone on Ward Panel could act on a concern raised in this ward: a sergeant or chair
 * holds a role here (the `manageConcerns` group). Without one the public form is not offered.
 */
export function canWardTakeConcerns(db: Db, wardCode: string): boolean {
  const someone = db
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(
      and(eq(roleAssignments.wardCode, wardCode), inArray(roleAssignments.role, [...WARD_ROLE_GROUPS.manageConcerns])),
    )
    .limit(1)
    .get();
  return someone !== undefined;
}

const queueColumns = {
  id: concerns.id,
  source: concerns.source,
  description: concerns.description,
  location: concerns.location,
  postcode: concerns.postcode,
  lon: concerns.lon,
  lat: concerns.lat,
  category: concerns.category,
  status: concerns.status,
  raisedCount: concerns.raisedCount,
  createdAt: concerns.createdAt,
  /** The words on the ballot when reworded; null: the description as raised. */
  ballotWording: concerns.ballotWording,
};

/**
 * The sergeant's queue: new and shortlisted concerns, oldest first (the order they were raised),
 * with the name and e-mail of whoever raised one and agreed to be contacted, so the team can
 * report back to them (kept RETENTION_MONTHS: docs/personal-data.md).
 */
export function listConcernQueue(db: Db, wardCode: string) {
  return db
    .select({
      ...queueColumns,
      raisedBy: concerns.raisedBy,
      contactEmail: concerns.contactEmail,
      /** The language it was raised in: report back in it. */
      language: concerns.language,
      /** Who reworded it for the ballot ("" for an erased account) and when. */
      ballotWordingByName: users.name,
      ballotWordingAt: concerns.ballotWordingAt,
    })
    .from(concerns)
    .leftJoin(users, eq(users.id, concerns.ballotWordingBy))
    .where(and(eq(concerns.wardCode, wardCode), inArray(concerns.status, ["new", "shortlisted"])))
    .orderBy(asc(concerns.createdAt), asc(concerns.id))
    .all();
}

export function listShortlist(db: Db, wardCode: string) {
  return db
    .select(queueColumns)
    .from(concerns)
    .where(and(eq(concerns.wardCode, wardCode), eq(concerns.status, "shortlisted")))
    .orderBy(asc(concerns.createdAt), asc(concerns.id))
    .all();
}

function openConcern(db: Db, wardCode: string, concernId: number) {
  const concern = db
    .select()
    .from(concerns)
    .where(and(eq(concerns.id, concernId), eq(concerns.wardCode, wardCode)))
    .get();
  if (!concern) throw new DomainError("not_found", "There is no such concern for this ward");
  if (concern.status !== "new" && concern.status !== "shortlisted")
    throw new DomainError("conflict", "This concern has already been dealt with");
  return concern;
}

/** Merges duplicates into one, keeping the count of everyone who raised them. */
export function mergeConcerns(
  db: Db,
  params: { wardCode: string; keepId: number; mergeIds: number[]; now: Date },
): void {
  db.transaction(() => {
    const keep = openConcern(db, params.wardCode, params.keepId);
    let total = keep.raisedCount;
    for (const id of params.mergeIds) {
      if (id === keep.id) throw new DomainError("invalid", "A concern cannot be merged into itself", "mergeIds");
      const duplicate = openConcern(db, params.wardCode, id);
      total += duplicate.raisedCount;
      db.update(concerns).set({ status: "merged", mergedIntoId: keep.id }).where(eq(concerns.id, id)).run();
      // Concerns merged into this one earlier now follow the one it joins.
      db.update(concerns).set({ mergedIntoId: keep.id }).where(eq(concerns.mergedIntoId, id)).run();
      recordConcernEvents(db, {
        concernIds: [id],
        kind: "merged",
        detail: { mergedIntoReference: keep.reference },
        now: params.now,
      });
    }
    db.update(concerns).set({ raisedCount: total }).where(eq(concerns.id, keep.id)).run();
  });
}

export function rejectConcern(
  db: Db,
  params: { wardCode: string; concernId: number; reason: string; now: Date },
): void {
  db.transaction(() => {
    const concern = openConcern(db, params.wardCode, params.concernId);
    db.update(concerns)
      .set({ status: "rejected", rejectionReason: params.reason })
      .where(eq(concerns.id, concern.id))
      .run();
    recordConcernEvents(db, {
      concernIds: [concern.id],
      kind: "rejected",
      detail: { reason: params.reason },
      now: params.now,
    });
  });
}

/**
 * Sets the words that go on the ballot for a new or shortlisted concern, recording who and when;
 * the description as raised is kept. Empty words, or the description itself, put back the words
 * as raised (and clear who changed them).
 */
export function setBallotWording(
  db: Db,
  params: { wardCode: string; concernId: number; wording: string; userId: number; now: Date },
): void {
  db.transaction(() => {
    const concern = openConcern(db, params.wardCode, params.concernId);
    const wording = params.wording.trim();
    const reworded = wording !== "" && wording !== concern.description;
    db.update(concerns)
      .set({
        ballotWording: reworded ? wording : null,
        ballotWordingBy: reworded ? params.userId : null,
        ballotWordingAt: reworded ? params.now : null,
      })
      .where(eq(concerns.id, concern.id))
      .run();
  });
}

/** Rejected concerns of the ward, latest raised first, with the reason given: the sergeant can restore one. */
export function listRejectedConcerns(db: Db, wardCode: string) {
  return db
    .select({ ...queueColumns, rejectionReason: concerns.rejectionReason })
    .from(concerns)
    .where(and(eq(concerns.wardCode, wardCode), eq(concerns.status, "rejected")))
    .orderBy(desc(concerns.createdAt), desc(concerns.id))
    .all();
}

/**
 * Undoes a rejection: the concern is back in the queue as new, and the reason is cleared. The
 * person who raised it sees it restored on the follow page, and is e-mailed where they agreed to updates.
 */
export function restoreConcern(db: Db, params: { wardCode: string; concernId: number; now: Date }): void {
  db.transaction(() => {
    const concern = db
      .select({ id: concerns.id, status: concerns.status })
      .from(concerns)
      .where(and(eq(concerns.id, params.concernId), eq(concerns.wardCode, params.wardCode)))
      .get();
    if (!concern) throw new DomainError("not_found", "There is no such concern for this ward");
    if (concern.status !== "rejected") throw new DomainError("conflict", "Only a rejected concern can be restored");
    db.update(concerns).set({ status: "new", rejectionReason: "" }).where(eq(concerns.id, concern.id)).run();
    recordConcernEvents(db, { concernIds: [concern.id], kind: "restored", detail: {}, now: params.now });
  });
}

export function setShortlisted(
  db: Db,
  params: { wardCode: string; concernId: number; isShortlisted: boolean; now: Date },
): void {
  db.transaction(() => {
    const concern = openConcern(db, params.wardCode, params.concernId);
    const status = params.isShortlisted ? "shortlisted" : "new";
    if (concern.status === status) return;
    db.update(concerns).set({ status }).where(eq(concerns.id, concern.id)).run();
    recordConcernEvents(db, {
      concernIds: [concern.id],
      kind: params.isShortlisted ? "shortlisted" : "unshortlisted",
      detail: {},
      now: params.now,
    });
  });
}

const METRES_PER_DEGREE_LAT = 111_320;

/**
 * police.uk crimes within `radiusMetres` of a point over the latest `months` months imported, by
 * category: context for the sergeant beside a concern. A bounding box narrows with the index on
 * month; the exact distance (equirectangular, accurate to metres at this scale) decides.
 */
export function countCrimesNear(db: Db, params: { lon: number; lat: number; radiusMetres: number; months: number }) {
  const latest = db
    .select({ month: sql<string | null>`max(${crimes.month})` })
    .from(crimes)
    .get()?.month;
  if (!latest) return null;
  const [y, m] = latest.split("-").map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - params.months, 1)).toISOString().slice(0, 7);
  const dLat = params.radiusMetres / METRES_PER_DEGREE_LAT;
  const dLon = dLat / Math.cos((params.lat * Math.PI) / 180);
  const rows = db
    .select({ category: crimes.category, lon: crimes.lon, lat: crimes.lat })
    .from(crimes)
    .where(
      and(
        gte(crimes.month, first),
        lte(crimes.month, latest),
        gte(crimes.lat, params.lat - dLat),
        lte(crimes.lat, params.lat + dLat),
        gte(crimes.lon, params.lon - dLon),
        lte(crimes.lon, params.lon + dLon),
      ),
    )
    .all();
  const byCategory: Record<string, number> = {};
  for (const row of rows) {
    // Rows without a location cannot match the box above; the check tells TypeScript so.
    if (row.lon === null || row.lat === null) continue;
    const dx = (row.lon - params.lon) * Math.cos((params.lat * Math.PI) / 180) * METRES_PER_DEGREE_LAT;
    const dy = (row.lat - params.lat) * METRES_PER_DEGREE_LAT;
    if (dx * dx + dy * dy <= params.radiusMetres ** 2) byCategory[row.category] = (byCategory[row.category] ?? 0) + 1;
  }
  return { from: first, to: latest, radiusMetres: params.radiusMetres, byCategory };
}
