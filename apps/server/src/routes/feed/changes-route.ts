import type { Db } from "@wardpanel/db/client";
import {
  getFeedHead,
  getOldestUsableCursor,
  readFeedChangesPage,
  type ResponseTarget,
} from "@wardpanel/db/queries/feed";
import { DEFAULT_REVIEW_GRACE_DAYS } from "@wardpanel/db/queries/review-expiry";
import { FEED_SCHEMA_VERSION } from "@wardpanel/priority-feed";
import type { FastifyInstance } from "fastify";
import { z } from "zod";

import { sendInvalid, sendProblem } from "./problem";
import { resolveScope, scopeKey, siteUrlOf } from "./scope";
import { createRepresentation, type Representation, sendRepresentation } from "./state/representation";

export const DEFAULT_PAGE_SIZE = 500;
export const MAX_PAGE_SIZE = 1000;
/**
 * Pages kept, oldest dropped first: consumers polling at the head ask for the same few small pages
 * again and again. A page over 256 KB (a consumer catching up) is not kept, so the cache stays
 * under about 32 MB with its compressed forms.
 */
const MAX_CACHED_PAGES = 128;
const MAX_CACHED_PAGE_BYTES = 256 * 1024;

const ChangesQuery = z.object({
  after: z
    .string({ error: "Give `after`: the cursor of your snapshot or of your last page" })
    .regex(/^\d{1,15}$/, "Not a cursor this feed gave out: send back the `cursor` or `next` you received, unchanged"),
  // A larger limit is capped rather than refused (the wire contract allows it).
  limit: z.coerce
    .number({ error: "limit must be a whole number" })
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .default(DEFAULT_PAGE_SIZE)
    .transform((n) => Math.min(n, MAX_PAGE_SIZE)),
});

/**
 * GET /priorities/changes?after=&limit= — who may call: any live key; changes limited to its
 * boroughs. Changes come from the change log, which the lifecycle functions write in the same
 * transaction as each change. A cursor before retained history (or after the newest change, as
 * after a restore from backup) is 410 Gone: the consumer takes a fresh snapshot.
 *
 * Read from the change log itself (never stale), and kept per head, cursor, limit, scope and site
 * address: a page is written once while the head stays put and served with a strong ETag (304 on
 * If-None-Match) in gzip or brotli when asked.
 */
export function registerChangesRoute(
  app: FastifyInstance,
  db: Db,
  responseTarget: ResponseTarget,
  graceDays: number = DEFAULT_REVIEW_GRACE_DAYS,
): void {
  const pages = new Map<string, Representation>();
  app.get("/priorities/changes", async (request, reply) => {
    const scope = resolveScope(db, request, reply);
    if (!scope) return reply;
    const query = request.query as Record<string, unknown>;
    const parsed = ChangesQuery.safeParse({ after: query.after, limit: query.limit === "" ? undefined : query.limit });
    if (!parsed.success) return sendInvalid(reply, parsed.error);
    const after = Number(parsed.data.after);
    if (after < getOldestUsableCursor(db)) {
      return sendProblem(
        reply,
        410,
        "Changes after this cursor are no longer kept. Fetch a fresh snapshot from /feed/v1/priorities.",
        { field: "after", slug: "cursor-expired" },
      );
    }
    const head = getFeedHead(db).cursor;
    if (after > head) {
      return sendProblem(
        reply,
        410,
        "This cursor is newer than the feed's history (was the feed restored from a backup?). Fetch a fresh snapshot.",
        { field: "after", slug: "cursor-unknown" },
      );
    }
    const siteUrl = siteUrlOf(request);
    const key = `${head}|${after}|${parsed.data.limit}|${scopeKey(scope)}|${siteUrl}`;
    let representation = pages.get(key);
    if (!representation) {
      const page = readFeedChangesPage(db, {
        after,
        limit: parsed.data.limit,
        scope,
        siteUrl,
        responseTarget,
        graceDays,
      });
      const body = {
        schemaVersion: FEED_SCHEMA_VERSION,
        changes: page.changes,
        next: String(page.next),
        hasMore: page.hasMore,
      };
      representation = createRepresentation(JSON.stringify(body), "application/json");
      // A page read after a change written since the head was read is not cached: it belongs to the next head.
      if (page.next <= head && representation.body.length <= MAX_CACHED_PAGE_BYTES) {
        if (pages.size >= MAX_CACHED_PAGES) pages.delete(pages.keys().next().value ?? "");
        pages.set(key, representation);
      }
    }
    await representation.ready;
    return sendRepresentation(request, reply, representation);
  });
}
