import type { Db } from "@wardpanel/db/client";
import { type ApiKeyPrincipal, authenticateApiKey, touchApiKey } from "@wardpanel/db/queries/api-keys";
import type { FastifyReply, FastifyRequest } from "fastify";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

import { sendProblem } from "./problem";

/**
 * Bearer-key authentication for the feed (RFC 6750). A missing, unknown or revoked key is 401;
 * each key has its own request budget (429 with Retry-After); last use is written at most once
 * a minute per key, so reads stay reads.
 */

export type RateLimitOptions = { points: number; durationSeconds: number };

/** 1,200 requests a minute per key: a force's busiest control room matching every call has room to spare. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { points: 1200, durationSeconds: 60 };
const TOUCH_INTERVAL_MS = 60_000;

declare module "fastify" {
  interface FastifyRequest {
    /** The control room's key, set by the feed's authentication hook. */
    feedKey: ApiKeyPrincipal | null;
  }
}

export function createFeedAuthenticator(db: Db, rateLimit: RateLimitOptions) {
  const limiter = new RateLimiterMemory({
    keyPrefix: "feed-key",
    points: rateLimit.points,
    duration: rateLimit.durationSeconds,
  });
  const lastTouched = new Map<number, number>();

  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const header = request.headers.authorization ?? "";
    const key = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    if (!key) {
      reply.header("www-authenticate", 'Bearer realm="priority-feed"');
      return void sendProblem(reply, 401, "Send your API key as `Authorization: Bearer <key>`.", {
        field: "authorization",
        slug: "missing-key",
      });
    }
    const principal = authenticateApiKey(db, key);
    if (!principal) {
      reply.header("www-authenticate", 'Bearer realm="priority-feed", error="invalid_token"');
      return void sendProblem(
        reply,
        401,
        "This API key is unknown or has been revoked. Ask Ward Panel's admins for a key.",
        { field: "authorization", slug: "invalid-key" },
      );
    }
    try {
      await limiter.consume(String(principal.id));
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      reply.header("retry-after", String(Math.max(1, Math.ceil(error.msBeforeNext / 1000))));
      return void sendProblem(
        reply,
        429,
        `This key has used its ${rateLimit.points} requests per ${rateLimit.durationSeconds} s; wait and retry.`,
        { slug: "rate-limited" },
      );
    }
    const now = Date.now();
    if (now - (lastTouched.get(principal.id) ?? 0) >= TOUCH_INTERVAL_MS) {
      lastTouched.set(principal.id, now);
      touchApiKey(db, { id: principal.id, now: new Date(now), minIntervalMs: TOUCH_INTERVAL_MS });
    }
    request.feedKey = principal;
  };
}

/** The authenticated key; routes behind the hook may rely on it. */
export function keyOf(request: FastifyRequest): ApiKeyPrincipal {
  if (!request.feedKey) throw new Error("feed route reached without an authenticated key");
  return request.feedKey;
}
