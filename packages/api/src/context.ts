import type { Db } from "@wardpanel/db/client";
import { DEFAULT_RESPONSE_TARGET_HOURS, type PoliceForceId } from "@wardpanel/validators";

import { type ConcernLimiter, createConcernLimiter } from "./auth/concern-limiter";
import { createMailLimiter, type MailLimiter, PASSWORD_RESET_LIMITS, SUBSCRIPTION_LIMITS } from "./auth/mail-limiter";
import type { SignInLimiter } from "./auth/sign-in-limiter";
import type { Viewer } from "./auth/viewer";
import { createLiveEventBus, type LiveEventBus } from "./live/live-events";

/** How a procedure sets or clears the session cookie, without knowing about HTTP. */
export type SessionCookie = {
  set(token: string, expiresAt: Date): void;
  clear(): void;
};

/** One e-mail to one person: plain text, and an HTML part when the message has links worth a button. */
export type MailMessage = { to: string; subject: string; text: string; html?: string };

/**
 * How procedures send e-mail, without knowing about SMTP. The server passes one that goes through
 * its mail transport (SMTP, or .eml files in the outbox) and logs failures.
 */
export type MailPort = {
  /** Resolves once the message is accepted for delivery; rejects when it was not. */
  send(message: MailMessage): Promise<void>;
};

export type ContextInner = {
  db: Db;
  viewer: Viewer | null;
  sessionCookie: SessionCookie;
  signInLimiter: SignInLimiter;
  concernLimiter: ConcernLimiter;
  /** The public "Message your team" form, per client address. */
  messageLimiter: ConcernLimiter;
  /** Hours within which every message to a team should have its first reply (RESPONSE_TARGET_HOURS). */
  responseTargetHours: number;
  /** Minutes within which a unit should reach a call about a flagged priority (CALL_RESPONSE_TARGET_MINUTES). */
  callResponseTargetMinutes: number;
  /** The caller's address as per-address limits count it: resolved through TRUST_PROXY, IPv6 by /64 (apps/server/src/client-address.ts). */
  clientAddress: string;
  mail: MailPort;
  /** The site's address (PUBLIC_BASE_URL), for links in e-mails; never taken from the request. */
  publicBaseUrl: string;
  passwordResetLimiter: MailLimiter;
  /** Subscription confirmation e-mails, per recipient and per client address. */
  subscriptionLimiter: MailLimiter;
  /** Keys subscribers' one-click unsubscribe tokens (PACK_TOKEN_SECRET); the pack mailer uses the same. */
  unsubscribeTokenSecret: string;
  /** The street map tiles under ward maps (MAP_TILE_URL, MAP_ATTRIBUTION); null shows the ward outline alone. */
  mapTiles: { url: string; attribution: string } | null;
  /** The deployment's own police force (POLICE_FORCE_ID, decision 0023): polices every loaded ward outside London. */
  policeForceId: PoliceForceId;
  /** The server's one event bus: mutations of live meetings and votes publish to it after commit (decision 0035). */
  liveEvents: LiveEventBus;
  now: () => Date;
};

/**
 * The context every procedure sees. The HTTP adapter (apps/server) resolves the viewer from the
 * cookie and calls this; tests call it directly with a real database and the viewer they need.
 */
export function createContextInner(
  inner: Partial<ContextInner> & Pick<ContextInner, "db" | "signInLimiter">,
): ContextInner {
  return {
    viewer: null,
    sessionCookie: { set: () => {}, clear: () => {} },
    clientAddress: "local",
    concernLimiter: createConcernLimiter(),
    messageLimiter: createConcernLimiter({ what: "messages" }),
    responseTargetHours: DEFAULT_RESPONSE_TARGET_HOURS,
    callResponseTargetMinutes: 60,
    // Router tests that do not read e-mail get a port that sends nothing and says so; the links
    // an admin is shown still work. E-mail itself is tested in apps/server over real SMTP.
    mail: { send: () => Promise.reject(new Error("No mail transport was given to this context")) },
    publicBaseUrl: "http://localhost:3000",
    passwordResetLimiter: createMailLimiter(PASSWORD_RESET_LIMITS),
    subscriptionLimiter: createMailLimiter(SUBSCRIPTION_LIMITS),
    unsubscribeTokenSecret: "a-secret-for-router-tests-only-not-for-a-server",
    mapTiles: null,
    policeForceId: "metropolitan",
    liveEvents: createLiveEventBus(),
    now: () => new Date(),
    ...inner,
  };
}

export type Context = ContextInner;
