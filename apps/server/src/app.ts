import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import { createLiveEventBus, createSignInLimiter, type LiveEventBus, type SignInLimiter } from "@wardpanel/api";
import type { Db } from "@wardpanel/db/client";
import { DEFAULT_REVIEW_GRACE_DAYS } from "@wardpanel/db/queries/review-expiry";
import { DEFAULT_RESPONSE_TARGET_HOURS, forceWordsOf } from "@wardpanel/validators";
import Fastify, { type FastifyServerOptions } from "fastify";

import type { Env } from "./env";
import { serializeRequest } from "./log-redaction";
import { mailPort } from "./mail/mail-port";
import { mailFromSettings } from "./mail/mail-transport";
import { mapTilesOf, tileImageSource } from "./map-tiles";
import { installProblemHandler, sendProblem } from "./problems";
import { publicBaseUrlFor } from "./public-base-url";
import { registerCalendarRoutes } from "./routes/calendar";
import { registerFeedRoutes } from "./routes/feed";
import { registerHealthRoutes } from "./routes/health";
import { registerLiveEventRoutes } from "./routes/live-events";
import { registerOversightCsv } from "./routes/oversight-csv";
import { registerPackRoutes } from "./routes/packs";
import { registerPaperRoutes } from "./routes/papers";
import { registerPriorityRoutes } from "./routes/priorities";
import { registerResponseMissesCsv } from "./routes/response-misses-route";
import { registerTrpc } from "./routes/trpc";
import { registerVoteLinkRoute } from "./routes/vote-link";
import { registerWebApp } from "./routes/web";
import { fastifyTrustProxy } from "./trust-proxy";
import { startServerWorkers } from "./workers";

type BuildServerOptions = {
  db: Db;
  env: Pick<Env, "COOKIE_SECURE" | "TRUST_PROXY" | "WEB_DIST" | "LOG_LEVEL"> &
    Partial<Omit<Env, "COOKIE_SECURE" | "TRUST_PROXY" | "WEB_DIST" | "LOG_LEVEL">>;
  signInLimiter?: SignInLimiter;
  logger?: FastifyServerOptions["logger"];
  /** The live meetings' event bus; tests pass their own to publish or count streams. */
  liveEvents?: LiveEventBus;
  /** How often live event streams send a heartbeat (default 15 s); tests pass less. */
  liveHeartbeatMs?: number;
};

/**
 * The one HTTP server: the web app at /, tRPC at /trpc (everything the web app reads and writes),
 * and plain routes for bytes and outsiders (PDFs, calendars, CSV, uploads, the feed, the
 * police.uk-shaped API, one-click unsubscribe); and the background workers. No business logic here.
 */
export async function buildServer({
  db,
  env,
  signInLimiter = createSignInLimiter(),
  logger,
  liveEvents = createLiveEventBus(),
  liveHeartbeatMs,
}: BuildServerOptions) {
  const app = Fastify({
    // Every request is logged with its URL's tokens redacted and without the client's address
    // (log-redaction.ts; docs/personal-data.md).
    logger:
      logger === false
        ? false
        : {
            level: env.LOG_LEVEL,
            ...(typeof logger === "object" ? logger : {}),
            serializers: { req: serializeRequest },
          },
    trustProxy: fastifyTrustProxy(env.TRUST_PROXY),
    // A tRPC batch names every procedure in one path segment ("wards.page,site.mapTiles,…"); the
    // router's default limit of 100 characters answered a page's longer batches 404, whole.
    routerOptions: { maxParamLength: 5000 },
    // Finish in-flight requests on close, but do not wait on idle keep-alive connections.
    forceCloseConnections: "idle",
  });

  // The street map's tiles come from MAP_TILE_URL's host, so images may come from there too.
  const mapTiles = mapTilesOf(env);
  const tileSource = tileImageSource(mapTiles);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", ...(tileSource ? [tileSource] : [])],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: env.COOKIE_SECURE ? [] : null,
      },
    },
  });
  await app.register(fastifyCookie);
  // Before the routes, so every plugin registered below inherits it: one answer (an RFC 9457
  // problem) for every refusal and failure of a plain route. tRPC answers its own errors.
  installProblemHandler(app);

  // Defence in depth beside SameSite cookies: a state-changing request from another site's page is refused.
  app.addHook("onRequest", async (request, reply) => {
    if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return;
    const origin = request.headers.origin;
    if (origin && hostOf(origin) !== request.headers.host) {
      return sendProblem(reply, 403, "Requests from other sites are not allowed", {
        field: "origin",
        slug: "cross-site",
      });
    }
  });

  // Responses finished during shutdown close their connection, so a keep-alive client does not hold it open.
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  app.addHook("onSend", async (_request, reply) => {
    if (closing) reply.header("connection", "close");
  });

  // The deployment's own force (decision 0023); tests that build the app without it get the Met.
  const policeForceId = env.POLICE_FORCE_ID ?? "metropolitan";
  registerHealthRoutes(app, db);
  registerCalendarRoutes(app, db);
  registerVoteLinkRoute(app, db);
  // One event bus per server: tRPC mutations publish to it, the live event streams listen (decision 0035).
  registerLiveEventRoutes(app, db, { liveEvents, secureCookies: env.COOKIE_SECURE, heartbeatMs: liveHeartbeatMs });
  await registerPaperRoutes(app, db, env.COOKIE_SECURE);
  registerOversightCsv(app, db, {
    secureCookies: env.COOKIE_SECURE,
    responseTargetHours: env.RESPONSE_TARGET_HOURS ?? DEFAULT_RESPONSE_TARGET_HOURS,
  });
  const callResponseTargetMinutes = env.CALL_RESPONSE_TARGET_MINUTES ?? 60;
  registerResponseMissesCsv(app, db, { secureCookies: env.COOKIE_SECURE, targetMinutes: callResponseTargetMinutes });
  await registerPriorityRoutes(app, db, {
    secureCookies: env.COOKIE_SECURE,
    policeForceId,
  });
  const allowedNetworks = env.WEBHOOK_ALLOWED_NETWORKS ?? [];
  const reviewGraceDays = env.PRIORITY_REVIEW_GRACE_DAYS ?? DEFAULT_REVIEW_GRACE_DAYS;
  await registerFeedRoutes(app, db, {
    secureCookies: env.COOKIE_SECURE,
    allowedNetworks,
    responseTarget: { minutes: callResponseTargetMinutes, force: policeForceId },
    reviewGraceDays,
  });
  await registerPackRoutes(app, db, {
    secureCookies: env.COOKIE_SECURE,
    policeForceId,
    callTargetMinutes: callResponseTargetMinutes,
  });
  // One mail transport and one site address for every e-mail: packs, subscriptions and accounts.
  const mail = mailFromSettings(env);
  const publicBaseUrl = publicBaseUrlFor(app, env.PUBLIC_BASE_URL);
  await registerTrpc(app, {
    db,
    signInLimiter,
    secureCookies: env.COOKIE_SECURE,
    mail: mailPort(mail.transport, app.log),
    unsubscribeTokenSecret: mail.tokenSecret,
    publicBaseUrl,
    mapTiles,
    policeForceId,
    responseTargetHours: env.RESPONSE_TARGET_HOURS ?? DEFAULT_RESPONSE_TARGET_HOURS,
    callResponseTargetMinutes,
    liveEvents,
  });
  await registerWebApp(app, env.WEB_DIST);
  startServerWorkers(app, db, {
    mail,
    publicBaseUrl,
    allowedNetworks,
    responseTargetHours: env.RESPONSE_TARGET_HOURS ?? DEFAULT_RESPONSE_TARGET_HOURS,
    reviewGraceDays,
    forceWords: forceWordsOf(policeForceId),
  });
  return app;
}

/** The host of an Origin header; null for "null" or anything unparseable, which never matches. */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
