import { londonInstant, londonParts } from "@wardpanel/meetings/london-time";
import { type AreaGeometry, POLICE_UK_CATEGORIES, publishedGeometry } from "@wardpanel/validators";
import { and, asc, desc, eq, gt, inArray, lt, min, type SQL } from "drizzle-orm";

import type { Db } from "../client";
import { boroughs, feedChanges, meetings, priorities, wards } from "../schema";
import { DEFAULT_REVIEW_GRACE_DAYS, reviewExpiry } from "./review-expiry";

/**
 * The priority feed's projection: rows of `priorities` as the FeedPriority objects that
 * @wardpanel/priority-feed publishes (its README, "The feed schema"). The types are written out
 * here rather than imported, because the db package must not depend on the outsiders' package;
 * apps/server's tests parse every item with the package's zod schema, so the two cannot drift.
 */

/** The package's AreaGeometry has the same GeoJSON shape as a drawn area's (validators). */
export type FeedGeometry = AreaGeometry;

/**
 * A force's call-handling response target for flagged priorities (CALL_RESPONSE_TARGET_MINUTES and
 * POLICE_FORCE_ID, decision 0023): carried in each flagged item as data.
 */
export type ResponseTarget = { minutes: number; force: string };

/** The Policing Pledge's 60 minutes, the seeds' promise: the default of a force's setting. */
export const DEFAULT_RESPONSE_TARGET: ResponseTarget = { minutes: 60, force: "metropolitan" };

export type FeedItem = {
  id: string;
  version: number;
  status: "active" | "achieved" | "withdrawn" | "superseded";
  ward: { code: string; name: string; borough: { code: string; name: string } };
  title: string;
  description: string;
  category: string | null;
  callHandling: {
    flagged: boolean;
    /** Schema 1.0's field: 60 when flagged and the force's target is 60 minutes, else null. */
    responseTargetMinutes: 60 | null;
    /** Schema 1.1: the force's target when flagged, else null. */
    responseTarget: ResponseTarget | null;
    /** Schema 1.2: the flag lapsed because the review is overdue (flagged is then false). */
    lapsed: boolean;
  };
  area: {
    geometry: FeedGeometry | null;
    streets: string[];
    postcodes: string[];
    postcodeSectors: string[];
    beats: string[];
  };
  validFrom: string;
  reviewDate: string;
  expiresAt: string | null;
  decided: { meetingId: string; meetingDate: string; voteId: string | null; resultUrl: string | null };
  popupText: string;
};

/** Which priorities a caller may see and asked for. Empty `boroughCodes` means all of London. */
export type FeedScope = { boroughCodes: readonly string[]; wardCode?: string | null; boroughCode?: string | null };

/** Until a priority is linked to the meeting that agreed it; see docs/feed.md, "decided". */
export const UNRECORDED_MEETING_ID = "unrecorded";

const POPUP_MAX = 200;

const columns = {
  id: priorities.id,
  version: priorities.version,
  status: priorities.status,
  wardCode: priorities.wardCode,
  wardName: wards.name,
  boroughCode: wards.boroughCode,
  boroughName: boroughs.name,
  title: priorities.title,
  problem: priorities.problem,
  category: priorities.category,
  area: priorities.area,
  streets: priorities.streets,
  postcodes: priorities.postcodes,
  startDate: priorities.startDate,
  reviewDate: priorities.reviewDate,
  statusDate: priorities.statusDate,
  publishedAt: priorities.publishedAt,
  isCallHandlingFlagged: priorities.isCallHandlingFlagged,
  flagLapsedAt: priorities.flagLapsedAt,
  meetingId: priorities.decidedAtMeetingId,
  meetingStartsAt: meetings.startsAt,
  voteId: priorities.voteId,
};

type Row = ReturnType<typeof selectRows>[number];

function selectRows(db: Db, where: SQL | undefined) {
  return db
    .select(columns)
    .from(priorities)
    .innerJoin(wards, eq(wards.code, priorities.wardCode))
    .innerJoin(boroughs, eq(boroughs.code, wards.boroughCode))
    .leftJoin(meetings, eq(meetings.id, priorities.decidedAtMeetingId))
    .where(where)
    .orderBy(asc(priorities.id))
    .all();
}

/** The SQL condition for a scope: the key's boroughs, then any ward or borough filter on top. */
function scopeCondition(scope: FeedScope): SQL[] {
  const conditions: SQL[] = [];
  if (scope.boroughCodes.length > 0) conditions.push(inArray(wards.boroughCode, [...scope.boroughCodes]));
  if (scope.wardCode) conditions.push(eq(priorities.wardCode, scope.wardCode));
  if (scope.boroughCode) conditions.push(eq(wards.boroughCode, scope.boroughCode));
  return conditions;
}

/**
 * Every active priority in scope, as feed items, by id. `graceDays`: the force's review grace
 * (PRIORITY_REVIEW_GRACE_DAYS), which sets each item's `expiresAt` (review-expiry.ts).
 */
export function listActiveFeedItems(
  db: Db,
  scope: FeedScope,
  siteUrl: string,
  target: ResponseTarget = DEFAULT_RESPONSE_TARGET,
  graceDays: number = DEFAULT_REVIEW_GRACE_DAYS,
): FeedItem[] {
  return selectRows(db, and(eq(priorities.status, "active"), ...scopeCondition(scope))).map((row) =>
    toFeedItem(row, siteUrl, target, graceDays),
  );
}

/** The current state of some priorities, in scope or not; the caller decides what to publish. */
function getFeedRows(db: Db, priorityIds: readonly number[], scope: FeedScope): Map<number, Row> {
  if (priorityIds.length === 0) return new Map();
  const rows = selectRows(db, and(inArray(priorities.id, [...priorityIds]), ...scopeCondition(scope)));
  return new Map(rows.map((row) => [row.id, row]));
}

/** The feed's position: the newest change-log id (0 before any change) and when it was written. */
/** Every request asks for the head, so its statement is prepared once per connection. */
const headStatements = new WeakMap<Db, ReturnType<typeof prepareHead>>();
function prepareHead(db: Db) {
  return db
    .select({ id: feedChanges.id, at: feedChanges.at })
    .from(feedChanges)
    .orderBy(desc(feedChanges.id))
    .limit(1)
    .prepare();
}

export function getFeedHead(db: Db): { cursor: number; changedAt: Date | null } {
  let statement = headStatements.get(db);
  if (!statement) headStatements.set(db, (statement = prepareHead(db)));
  const newest = statement.get();
  return newest ? { cursor: newest.id, changedAt: newest.at } : { cursor: 0, changedAt: null };
}

/**
 * The oldest cursor from which every later change is still held. The newest row is never
 * pruned, so after pruning the oldest kept id tells where history now starts.
 */
export function getOldestUsableCursor(db: Db): number {
  const oldest =
    db
      .select({ id: min(feedChanges.id) })
      .from(feedChanges)
      .get()?.id ?? null;
  return oldest === null ? 0 : oldest - 1;
}

type FeedChangeRow = typeof feedChanges.$inferSelect;

/** Change-log rows after a cursor, oldest first, plus whether more follow. */
function listFeedChangesAfter(
  db: Db,
  params: { after: number; limit: number },
): { rows: FeedChangeRow[]; hasMore: boolean } {
  const rows = db
    .select()
    .from(feedChanges)
    .where(gt(feedChanges.id, params.after))
    .orderBy(asc(feedChanges.id))
    .limit(params.limit + 1)
    .all();
  return { rows: rows.slice(0, params.limit), hasMore: rows.length > params.limit };
}

/**
 * Drops change-log rows written before `before`, always keeping the newest (see
 * getOldestUsableCursor). A consumer whose cursor falls in the dropped part gets 410 and
 * re-snapshots. Returns how many rows went.
 */
export function pruneFeedChanges(db: Db, params: { before: Date }): number {
  const newest = getFeedHead(db).cursor;
  return db
    .delete(feedChanges)
    .where(and(lt(feedChanges.at, params.before), lt(feedChanges.id, newest)))
    .run().changes;
}

/** A change in the shape the feed publishes: the current item, or a tombstone. */
type PublishedChange =
  { cursor: string; kind: "upsert"; item: FeedItem } | { cursor: string; kind: "remove"; id: string; reason: string };

/**
 * A page of changes for one scope, read in one transaction so the items agree with the log.
 * Each row is answered with the priority's state now: an upsert if it is active, else a
 * tombstone; a priority changed twice in the page appears once, at its later cursor. Rows for
 * priorities outside the scope are skipped but still advance `next`.
 */
export function readFeedChangesPage(
  db: Db,
  params: {
    after: number;
    limit: number;
    scope: FeedScope;
    siteUrl: string;
    responseTarget?: ResponseTarget;
    /** The force's review grace in days (PRIORITY_REVIEW_GRACE_DAYS); default 14. */
    graceDays?: number;
  },
): { changes: PublishedChange[]; next: number; hasMore: boolean } {
  return db.transaction(() => {
    const { rows, hasMore } = listFeedChangesAfter(db, params);
    const current = getFeedRows(db, [...new Set(rows.map((r) => r.priorityId))], params.scope);
    const lastIndex = new Map(rows.map((row, index) => [row.priorityId, index]));
    const changes: PublishedChange[] = [];
    rows.forEach((row, index) => {
      const priority = current.get(row.priorityId);
      if (!priority || lastIndex.get(row.priorityId) !== index) return;
      const cursor = String(row.id);
      if (priority.status === "active")
        changes.push({
          cursor,
          kind: "upsert",
          item: toFeedItem(
            priority,
            params.siteUrl,
            params.responseTarget ?? DEFAULT_RESPONSE_TARGET,
            params.graceDays ?? DEFAULT_REVIEW_GRACE_DAYS,
          ),
        });
      else
        changes.push({
          cursor,
          kind: "remove",
          id: String(row.priorityId),
          reason: priority.status === "draft" ? "unpublished" : priority.status,
        });
    });
    return { changes, next: rows.at(-1)?.id ?? params.after, hasMore };
  });
}

// ─── The projection ──────────────────────────────────────────────────────────────────────────

function toFeedItem(row: Row, siteUrl: string, target: ResponseTarget, graceDays: number): FeedItem {
  // A flag nobody reviewed lapses (the expiry sweep, flag-expiry.ts) until the review date moves on.
  const lapsed = row.isCallHandlingFlagged && row.flagLapsedAt !== null;
  const flagged = row.isCallHandlingFlagged && !lapsed;
  const publishedDate = row.statusDate ?? (row.publishedAt ? londonDate(row.publishedAt) : "1970-01-01");
  const startDate = row.startDate ?? publishedDate;
  const reviewDate = row.reviewDate ?? startDate;
  return {
    id: String(row.id),
    version: row.version,
    status: row.status === "draft" ? "withdrawn" : row.status,
    ward: { code: row.wardCode, name: row.wardName, borough: { code: row.boroughCode, name: row.boroughName } },
    title: row.title,
    description: row.problem.trim(),
    category: row.category && row.category in POLICE_UK_CATEGORIES ? row.category : null,
    callHandling: {
      flagged,
      // Kept for schema 1.0 consumers, whose field can only say 60 (docs/feed.md, versions).
      responseTargetMinutes: flagged && target.minutes === 60 ? 60 : null,
      responseTarget: flagged ? { minutes: target.minutes, force: target.force } : null,
      lapsed,
    },
    area: {
      geometry: row.area ? publishedGeometry(row.area) : null,
      streets: row.streets.map((s) => s.trim()).filter((s) => s !== ""),
      postcodes: [...new Set(row.postcodes.map(canonicalPostcode).filter((p): p is string => p !== null))],
      // Not derived from the postcodes: a sector holds thousands of addresses, and matching a
      // whole sector because one postcode in it was named would flag calls far from the problem.
      postcodeSectors: [],
      beats: [],
    },
    validFrom: londonMidnight(startDate),
    reviewDate,
    // Schema 1.2: a priority applies until review date + the force's grace; past it, it stops
    // matching (every installed matcher honours expiresAt) and its flag lapses (decision 0029).
    expiresAt: reviewExpiry(reviewDate, graceDays),
    decided: {
      meetingId: row.meetingId === null ? UNRECORDED_MEETING_ID : String(row.meetingId),
      meetingDate: row.meetingStartsAt ? londonDate(row.meetingStartsAt) : publishedDate,
      voteId: row.voteId === null ? null : String(row.voteId),
      // The public result page (apps/web's wards/:wardCode/votes/:voteId); the older /votes/:id
      // that schema 1.0 items carried redirects there (apps/server routes/vote-link.ts).
      resultUrl: row.voteId === null ? null : new URL(`/wards/${row.wardCode}/votes/${row.voteId}`, siteUrl).href,
    },
    popupText: popupText(row.wardName, row.title, flagged ? target.minutes : null),
  };
}

// Each item needs a London date or midnight; the time-zone library takes tens of microseconds per
// call, which was half of a rebuild's time (issue 14). The same few hundred dates recur, so each is
// computed once. Bounded: cleared when full (a few thousand distinct dates is years of priorities).
const DATE_MEMO_LIMIT = 10_000;
const midnights = new Map<string, string>();
const dates = new Map<number, string>();

/** "2026-01-01" → "2026-01-01T00:00:00.000Z": the instant of midnight London time that day, ISO 8601 UTC. */
function londonMidnight(date: string): string {
  let instant = midnights.get(date);
  if (instant === undefined) {
    if (midnights.size >= DATE_MEMO_LIMIT) midnights.clear();
    instant = londonInstant(date, "00:00").toISOString();
    midnights.set(date, instant);
  }
  return instant;
}

/** The London calendar date ("YYYY-MM-DD") of an instant. */
function londonDate(instant: Date): string {
  const ms = instant.getTime();
  let date = dates.get(ms);
  if (date === undefined) {
    if (dates.size >= DATE_MEMO_LIMIT) dates.clear();
    date = londonParts(instant).date;
    dates.set(ms, date);
  }
  return date;
}

/**
 * "Ward priority (Bloomsbury): Drug dealing in Russell Square gardens. 60-minute response.";
 * `responseMinutes` is the force's target for a flagged priority, null for one not flagged.
 */
export function popupText(wardName: string, title: string, responseMinutes: number | null): string {
  const head = `Ward priority (${wardName}): `;
  const tail = responseMinutes !== null ? `. ${responseMinutes}-minute response.` : ".";
  const room = POPUP_MAX - head.length - tail.length;
  const trimmed = title.trim().replace(/[.\s]+$/, "");
  const body = trimmed.length <= room ? trimmed : `${trimmed.slice(0, Math.max(0, room - 1)).trimEnd()}…`;
  return `${head}${body}${tail}`.slice(0, POPUP_MAX);
}

/** "wc1n1lj" → "WC1N 1LJ"; null for something that is not a full postcode. */
export function canonicalPostcode(value: string): string | null {
  const compact = value.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/.test(compact)) return null;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/** A snapshot for one scope: the cursor and the items read in one transaction, so they agree. */
export function readFeedSnapshot(
  db: Db,
  scope: FeedScope,
  siteUrl: string,
  target: ResponseTarget = DEFAULT_RESPONSE_TARGET,
  graceDays: number = DEFAULT_REVIEW_GRACE_DAYS,
): { cursor: number; changedAt: Date | null; items: FeedItem[] } {
  return db.transaction(() => ({
    ...getFeedHead(db),
    items: listActiveFeedItems(db, scope, siteUrl, target, graceDays),
  }));
}
