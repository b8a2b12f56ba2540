import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from "@trpc/server/adapters/fastify";
import {
  type AppRouter,
  appRouter,
  createConcernLimiter,
  createContextInner,
  createMailLimiter,
  describeFault,
  type LiveEventBus,
  type MailPort,
  PASSWORD_RESET_LIMITS,
  type SignInLimiter,
  SUBSCRIPTION_LIMITS,
} from "@wardpanel/api";
import type { Db } from "@wardpanel/db/client";
import type { PoliceForceId } from "@wardpanel/validators";
import type { FastifyInstance } from "fastify";

import { limitAddressOf } from "../client-address";
import type { MapTiles } from "../map-tiles";
import { sessionCookieFor, viewerOf } from "../session-cookie";

type TrpcOptions = {
  db: Db;
  signInLimiter: SignInLimiter;
  secureCookies: boolean;
  mail: MailPort;
  /** Keys subscribers' unsubscribe tokens (PACK_TOKEN_SECRET), as the pack mailer does. */
  unsubscribeTokenSecret: string;
  publicBaseUrl: () => string;
  mapTiles: MapTiles;
  /** POLICE_FORCE_ID: the deployment's own force. */
  policeForceId: PoliceForceId;
  /** RESPONSE_TARGET_HOURS: the first reply to a message to the team is due within it. */
  responseTargetHours: number;
  /** CALL_RESPONSE_TARGET_MINUTES: a unit should reach a call about a flagged priority within it. */
  callResponseTargetMinutes: number;
  /** The server's one live event bus: mutations publish to it after commit (decision 0035). */
  liveEvents: LiveEventBus;
};

export async function registerTrpc(
  app: FastifyInstance,
  {
    db,
    signInLimiter,
    secureCookies,
    mail,
    unsubscribeTokenSecret,
    publicBaseUrl,
    mapTiles,
    policeForceId,
    responseTargetHours,
    callResponseTargetMinutes,
    liveEvents,
  }: TrpcOptions,
): Promise<void> {
  // Limits live as long as the server, not one request.
  const concernLimiter = createConcernLimiter();
  const messageLimiter = createConcernLimiter({ what: "messages" });
  const passwordResetLimiter = createMailLimiter(PASSWORD_RESET_LIMITS);
  const subscriptionLimiter = createMailLimiter(SUBSCRIPTION_LIMITS);
  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      createContext: ({ req, res }) => {
        const sessionCookie = sessionCookieFor(res, secureCookies);
        return createContextInner({
          db,
          signInLimiter,
          concernLimiter,
          messageLimiter,
          responseTargetHours,
          callResponseTargetMinutes,
          passwordResetLimiter,
          subscriptionLimiter,
          sessionCookie,
          viewer: viewerOf(db, req, sessionCookie),
          // Fastify's request.ip, resolved through TRUST_PROXY: the same address every per-address limit counts.
          clientAddress: limitAddressOf(req.ip),
          mail,
          unsubscribeTokenSecret,
          publicBaseUrl: publicBaseUrl(),
          mapTiles,
          policeForceId,
          liveEvents,
        });
      },
      // The same fault and error id the error formatter (packages/api/src/trpc.ts) sends the client.
      onError: ({ path, error, req, type }) => {
        if (error.code !== "INTERNAL_SERVER_ERROR") return;
        const cause = error.cause ?? error;
        const { status, errorId } = describeFault(cause, { isWrite: type !== "query" });
        req.log.error(
          { err: cause, path, errorId },
          status === 503 ? "the database could not take the request" : "procedure failed",
        );
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });
}
