import type { Db } from "@wardpanel/db/client";
import type { FastifyInstance } from "fastify";

import type { FeedState } from "./feed-state";
import { resolveScope, siteUrlOf } from "./scope";
import { sendRepresentation } from "./state/representation";
import type { ViewKind } from "./state/views";

export { ifNoneMatch } from "./state/representation";

/**
 * GET /priorities (the snapshot), /priorities.geojson and /priorities.csv. Who may call: any live
 * key; items limited to its boroughs. Each is answered from the feed's current view (feed-state.ts):
 * rendered once per change, with a strong ETag (304 on If-None-Match) and gzip or brotli forms.
 */
export function registerSnapshotRoutes(app: FastifyInstance, db: Db, state: FeedState): void {
  const route = (path: string, kind: ViewKind) =>
    app.get(path, async (request, reply) => {
      const scope = resolveScope(db, request, reply);
      if (!scope) return reply;
      const representation = await state.representation({ kind, scope, siteUrl: siteUrlOf(request) });
      if (kind === "csv") reply.header("content-disposition", 'attachment; filename="ward-priorities.csv"');
      return sendRepresentation(request, reply, representation);
    });
  route("/priorities", "snapshot");
  route("/priorities.geojson", "geojson");
  route("/priorities.csv", "csv");
}
