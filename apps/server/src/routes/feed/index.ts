import type { Db } from "@wardpanel/db/client";
import { DEFAULT_RESPONSE_TARGET, type ResponseTarget } from "@wardpanel/db/queries/feed";
import type { FastifyInstance } from "fastify";

import type { AllowedNetwork } from "../../workers/webhook-networks";
import { registerChangesRoute } from "./changes-route";
import { registerDocsRoutes } from "./docs/docs-routes";
import { registerPackageRoute } from "./docs/package-route";
import { createFeedAuthenticator, DEFAULT_RATE_LIMIT, type RateLimitOptions } from "./feed-auth";
import { createFeedState, type FeedStateOptions } from "./feed-state";
import { registerMatchRoute } from "./match-route";
import { registerMissesRoute } from "./misses-route";
import { registerOgcRoutes } from "./ogc/ogc-routes";
import { buildOpenApiDocument } from "./openapi";
import { installFeedProblems } from "./problem";
import { registerResponsesRoute } from "./responses-route";
import { registerSnapshotRoutes } from "./snapshot-routes";
import { registerWebhookRoutes } from "./webhook-routes";

export type FeedRouteOptions = {
  secureCookies: boolean;
  rateLimit?: RateLimitOptions;
  /** Private networks webhooks may reach (WEBHOOK_ALLOWED_NETWORKS); default none: public addresses only. */
  allowedNetworks?: readonly AllowedNetwork[];
  /** The force's call-handling response target (CALL_RESPONSE_TARGET_MINUTES, POLICE_FORCE_ID); default 60 minutes. */
  responseTarget?: ResponseTarget;
  /** PRIORITY_REVIEW_GRACE_DAYS: each item expires at its review date + this many days; default 14. */
  reviewGraceDays?: number;
  /** How the feed's view is kept current (feed-state.ts); tests hold builds with `beforeBuild`. */
  state?: FeedStateOptions;
};

/**
 * The priority feed for control rooms at /feed/v1 (issue 5; reference in docs/feed.md).
 * Who may call: openapi.json, the docs at /docs and the client package at /package.tgz are public
 * (they describe the API and hold no data); every other route
 * needs a live API key and sees only the key's boroughs. Errors are RFC 9457 problems. The webhook
 * notices are sent by a worker (apps/server/src/workers/webhook-worker.ts).
 */
export async function registerFeedRoutes(app: FastifyInstance, db: Db, options: FeedRouteOptions): Promise<void> {
  const state = createFeedState(db, options.responseTarget, options.reviewGraceDays, {
    onError: (error) => app.log.error({ err: error }, "The feed's view could not be built; retrying"),
    ...options.state,
  });
  app.addHook("onClose", async () => state.close());
  // A database not yet migrated (/readyz says 503) must not stop the server starting: the feed's
  // first view is then built on the first request after the migration.
  await state
    .ready()
    .catch((error: unknown) => app.log.error({ err: error }, "The feed's first view could not be built"));
  const authenticate = createFeedAuthenticator(db, options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const openApi = JSON.stringify(buildOpenApiDocument());
  const allowedNetworks = options.allowedNetworks ?? [];

  await app.register(
    async (feed) => {
      feed.decorateRequest("feedKey", null);
      installFeedProblems(feed);
      feed.get("/openapi.json", async (_request, reply) =>
        reply.header("cache-control", "public, max-age=300").type("application/json").send(openApi),
      );
      registerDocsRoutes(feed);
      registerPackageRoute(feed);

      await feed.register(async (keyed) => {
        keyed.addHook("onRequest", authenticate);
        registerSnapshotRoutes(keyed, db, state);
        registerChangesRoute(keyed, db, state.responseTarget, state.reviewGraceDays);
        registerMatchRoute(keyed, state);
        registerResponsesRoute(keyed, db);
        registerMissesRoute(keyed, db, (options.responseTarget ?? DEFAULT_RESPONSE_TARGET).minutes);
        registerOgcRoutes(keyed, db, state);
        // Plain http endpoints only where the deployment itself is not on HTTPS (development, tests).
        registerWebhookRoutes(keyed, db, { requireHttps: options.secureCookies, allowedNetworks });
      });
    },
    { prefix: "/feed/v1" },
  );
}
