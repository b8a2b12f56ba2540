import type { Db } from "@wardpanel/db/client";
import { readFeedSnapshot } from "@wardpanel/db/queries/feed";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

import { feedCsv } from "./feed-csv";
import { feedGeoJson } from "./feed-geojson";
import type { FeedState, RenderedSnapshot } from "./feed-state";
import { resolveScope, siteUrlOf } from "./scope";

/** GET /priorities (the snapshot), /priorities.geojson and /priorities.csv. Who may call: any live key; items limited to its boroughs. */
export function registerSnapshotRoutes(app: FastifyInstance, db: Db, state: FeedState): void {
  app.get("/priorities", async (request, reply) => {
    const scope = resolveScope(db, request, reply);
    if (!scope) return reply;
    const snapshot = state.snapshot(scope, siteUrlOf(request), state.head());
    return sendSnapshot(request, reply, snapshot);
  });

  app.get("/priorities.geojson", async (request, reply) => {
    const scope = resolveScope(db, request, reply);
    if (!scope) return reply;
    const { items } = readFeedSnapshot(db, scope, siteUrlOf(request), state.responseTarget, state.reviewGraceDays);
    return reply.header("cache-control", "no-cache").type("application/geo+json").send(feedGeoJson(items));
  });

  app.get("/priorities.csv", async (request, reply) => {
    const scope = resolveScope(db, request, reply);
    if (!scope) return reply;
    const { items } = readFeedSnapshot(db, scope, siteUrlOf(request), state.responseTarget, state.reviewGraceDays);
    return reply
      .header("cache-control", "no-cache")
      .header("content-disposition", 'attachment; filename="ward-priorities.csv"')
      .type("text/csv; charset=utf-8")
      .send(feedCsv(items));
  });
}

/**
 * 200 with a strong ETag, or 304 when If-None-Match names it (RFC 9110 §13.1.2, which compares
 * weakly: a W/ prefix is ignored). The gzip body has its own ETag, as a different representation.
 */
function sendSnapshot(request: FastifyRequest, reply: FastifyReply, snapshot: RenderedSnapshot): FastifyReply {
  const gzip = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
  const etag = gzip ? snapshot.gzipEtag : snapshot.etag;
  reply.header("etag", etag).header("cache-control", "no-cache").header("vary", "accept-encoding, authorization");
  if (ifNoneMatch(request.headers["if-none-match"], [snapshot.etag, snapshot.gzipEtag])) return reply.code(304).send();
  reply.type("application/json");
  return gzip ? reply.header("content-encoding", "gzip").send(snapshot.gzip) : reply.send(snapshot.body);
}

/** Whether If-None-Match names one of these ETags (or is `*`); weak comparison. */
export function ifNoneMatch(header: string | undefined, etags: readonly string[]): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const value = tag.trim().replace(/^W\//, "");
    return value === "*" || etags.includes(value);
  });
}
