import type { Db } from "@wardpanel/db/client";
import { createTestDb } from "@wardpanel/db/testing";

import { createSession, validateSessionToken } from "./auth/sessions";
import { createSignInLimiter } from "./auth/sign-in-limiter";
import { type ContextInner, createContextInner, type SessionCookie } from "./context";
import { createCaller } from "./root";

/** A session cookie that remembers what the procedure set, as a browser would. */
export function recordingCookie(): SessionCookie & { value: string | null; expiresAt: Date | null } {
  const jar = {
    value: null as string | null,
    expiresAt: null as Date | null,
    set(token: string, expiresAt: Date) {
      jar.value = token;
      jar.expiresAt = expiresAt;
    },
    clear() {
      jar.value = null;
      jar.expiresAt = null;
    },
  };
  return jar;
}

/**
 * A caller acting as `userId` (or the public when null), signed in through a real session so
 * the viewer is resolved exactly as the HTTP adapter resolves it.
 */
export function callerFor(db: Db, userId: number | null, overrides: Partial<ContextInner> = {}) {
  let viewer = null;
  if (userId !== null) {
    const session = createSession(db, userId, new Date());
    viewer = validateSessionToken(db, session.token, new Date()).viewer;
  }
  return createCaller(createContextInner({ db, signInLimiter: createSignInLimiter(), viewer, ...overrides }));
}

export { createTestDb };
