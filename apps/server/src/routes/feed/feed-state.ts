import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";

import type { Db } from "@wardpanel/db/client";
import {
  DEFAULT_RESPONSE_TARGET,
  type FeedScope,
  getFeedHead,
  readFeedSnapshot,
  type ResponseTarget,
} from "@wardpanel/db/queries/feed";
import { getWardAtPoint } from "@wardpanel/db/queries/postcodes";
import { DEFAULT_REVIEW_GRACE_DAYS } from "@wardpanel/db/queries/review-expiry";
import { createMatcher, FEED_SCHEMA_VERSION, type FeedPriority, type Matcher } from "@wardpanel/priority-feed";

import { scopeKey } from "./scope";

/**
 * What the feed's hot paths reuse until the change log moves: the rendered snapshot per scope
 * (with its strong ETag and gzip form) and one matcher over every active priority. Both are keyed
 * by the change-log cursor, so a change made by any process shows on the next request.
 *
 * The snapshot changes only when the change log does: a renamed ward or a rescheduled meeting
 * (which do not bump a priority's version) shows after the next change. See docs/feed.md.
 */

export type RenderedSnapshot = {
  cursor: number;
  etag: string;
  gzipEtag: string;
  body: string;
  gzip: Buffer;
  items: number;
};

const MAX_SNAPSHOTS = 64;
const EPOCH = "1970-01-01T00:00:00.000Z";

/**
 * `responseTarget`: the force's call-handling target (CALL_RESPONSE_TARGET_MINUTES), carried in flagged items;
 * `reviewGraceDays`: PRIORITY_REVIEW_GRACE_DAYS, which sets each item's `expiresAt`.
 */
export function createFeedState(
  db: Db,
  responseTarget: ResponseTarget = DEFAULT_RESPONSE_TARGET,
  reviewGraceDays: number = DEFAULT_REVIEW_GRACE_DAYS,
) {
  const snapshots = new Map<string, RenderedSnapshot>();
  let matcher: { cursor: number; matcher: Matcher } | null = null;

  return {
    responseTarget,
    reviewGraceDays,

    /** The newest cursor: one indexed read per request, how every cache knows it is current. */
    head: () => getFeedHead(db).cursor,

    snapshot(scope: FeedScope, siteUrl: string, head: number): RenderedSnapshot {
      const key = `${head}|${scopeKey(scope)}|${siteUrl}`;
      const cached = snapshots.get(key);
      if (cached) return cached;
      const { cursor, changedAt, items } = readFeedSnapshot(db, scope, siteUrl, responseTarget, reviewGraceDays);
      // generatedAt is the time of the last change, not of the request, so equal states render equal bytes.
      const body = JSON.stringify({
        schemaVersion: FEED_SCHEMA_VERSION,
        cursor: String(cursor),
        generatedAt: changedAt?.toISOString() ?? EPOCH,
        items,
      });
      const hash = createHash("sha256").update(body).digest("base64url").slice(0, 32);
      const rendered: RenderedSnapshot = {
        cursor,
        etag: `"${hash}"`,
        gzipEtag: `"${hash}-gzip"`,
        body,
        gzip: gzipSync(body),
        items: items.length,
      };
      // A change made between the head read and the snapshot read is in the items; cache under the snapshot's own cursor.
      const oldest = snapshots.keys().next();
      if (snapshots.size >= MAX_SNAPSHOTS && !oldest.done) snapshots.delete(oldest.value);
      snapshots.set(`${cursor}|${scopeKey(scope)}|${siteUrl}`, rendered);
      return rendered;
    },

    /** The code of the ward containing a WGS84 point, or null outside the wards held. In memory. */
    wardAt: (lon: number, lat: number): string | null => getWardAtPoint(db, { lat, lon })?.code ?? null,

    /** One matcher over all of London, rebuilt when the log moves; callers filter by their key's boroughs. */
    matcher(head: number): Matcher {
      if (matcher && matcher.cursor === head) return matcher.matcher;
      // Links are not part of a match answer, so any site address will do here.
      const { cursor, items } = readFeedSnapshot(
        db,
        { boroughCodes: [] },
        "https://wardpanel.invalid",
        responseTarget,
        reviewGraceDays,
      );
      matcher = { cursor, matcher: createMatcher(items as FeedPriority[]) };
      return matcher.matcher;
    },
  };
}

export type FeedState = ReturnType<typeof createFeedState>;
