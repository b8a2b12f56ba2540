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
import { resolveScope, siteUrlOf } from "./scope";

export const DEFAULT_PAGE_SIZE = 500;
export const MAX_PAGE_SIZE = 1000;

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
 */
export function registerChangesRoute(
  app: FastifyInstance,
  db: Db,
  responseTarget: ResponseTarget,
  graceDays: number = DEFAULT_REVIEW_GRACE_DAYS,
): void {
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
    if (after > getFeedHead(db).cursor) {
      return sendProblem(
        reply,
        410,
        "This cursor is newer than the feed's history (was the feed restored from a backup?). Fetch a fresh snapshot.",
        { field: "after", slug: "cursor-unknown" },
      );
    }
    const page = readFeedChangesPage(db, {
      after,
      limit: parsed.data.limit,
      scope,
      siteUrl: siteUrlOf(request),
      responseTarget,
      graceDays,
    });
    return reply.header("cache-control", "no-cache").send({
      schemaVersion: FEED_SCHEMA_VERSION,
      changes: page.changes,
      next: String(page.next),
      hasMore: page.hasMore,
    });
  });
}
