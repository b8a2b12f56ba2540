import type { Db } from "@wardpanel/db/client";
import { createConcernLimiter, type ConcernLimiter } from "./auth/concern-limiter";
import type { SignInLimiter } from "./auth/sign-in-limiter";
import type { Viewer } from "./auth/viewer";

/** How a procedure sets or clears the session cookie, without knowing about HTTP. */
export type SessionCookie = {
  set(token: string, expiresAt: Date): void;
  clear(): void;
};

export type ContextInner = {
  db: Db;
  viewer: Viewer | null;
  sessionCookie: SessionCookie;
  signInLimiter: SignInLimiter;
  concernLimiter: ConcernLimiter;
  /** The caller's address as per-address limits count it: resolved through TRUST_PROXY, IPv6 by /64 (apps/server/src/client-address.ts). */
  clientAddress: string;
  now: () => Date;
};

/**
 * The context every procedure sees. The HTTP adapter (apps/server) resolves the viewer from the
 * cookie and calls this; tests call it directly with a real database and the viewer they need.
 */
export function createContextInner(inner: Partial<ContextInner> & Pick<ContextInner, "db" | "signInLimiter">): ContextInner {
  return {
    viewer: null,
    sessionCookie: { set: () => {}, clear: () => {} },
    clientAddress: "local",
    concernLimiter: createConcernLimiter(),
    now: () => new Date(),
    ...inner,
  };
}

export type Context = ContextInner;
