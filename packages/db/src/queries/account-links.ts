import { generateToken, hashToken } from "@wardpanel/auth";
import { DomainError } from "@wardpanel/validators";
import { and, eq, gt, isNull, notExists, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";

import type { Db } from "../client";
import { type ACCOUNT_LINK_PURPOSES, invitations, users } from "../schema";
import { deleteSessionsOfUser } from "./sessions";

type AccountLinkPurpose = (typeof ACCOUNT_LINK_PURPOSES)[number];

const HOUR_MS = 60 * 60 * 1000;

/**
 * How long each kind of link works. A reset the person asked for by e-mail lasts an hour (OWASP
 * Forgot Password Cheat Sheet: short-lived); one an admin issues may be handed over by other means,
 * so it lasts a day; an invitation a week.
 */
export const ACCOUNT_LINK_LIFETIME_MS = {
  invitation: 7 * 24 * HOUR_MS,
  adminReset: 24 * HOUR_MS,
  selfReset: HOUR_MS,
} as const;

/** The page of the web app each kind of link opens. */
const PAGE_OF: Record<AccountLinkPurpose, string> = { invitation: "/invite/", reset: "/reset-password/" };

type IssuedAccountLink = { purpose: AccountLinkPurpose; path: string; expiresAt: Date };

type IssueAccountLinkParams = {
  userId: number;
  purpose: AccountLinkPurpose;
  lifetimeMs: number;
  createdBy: number | null;
  now: Date;
};

/**
 * A new link for a person: `path` is the web-app path with the token (e.g. `/invite/<token>`),
 * `expiresAt` when it stops working. Issuing it voids every older link of theirs, because only the
 * newest link works (see findUsableLink). Only the token's SHA-256 is kept, so the link can be
 * shown or sent just once.
 */
export function issueAccountLink(
  db: Db,
  { userId, purpose, lifetimeMs, createdBy, now }: IssueAccountLinkParams,
): IssuedAccountLink {
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + lifetimeMs);
  db.insert(invitations)
    .values({ userId, purpose, tokenHash: hashToken(token), expiresAt, createdBy, createdAt: now })
    .run();
  return { purpose, path: `${PAGE_OF[purpose]}${token}`, expiresAt };
}

const newer = alias(invitations, "newer");

/**
 * The person a link is for, if it still works: not used, not expired, the person's newest link,
 * the person active, and, for an invitation, the account still without a password. The rules are
 * read here rather than kept as state, so links issued before they existed obey them too.
 */
export function findUsableLink(
  db: Db,
  { token, purpose, now }: { token: string; purpose: AccountLinkPurpose; now: Date },
) {
  return db
    .select({ id: invitations.id, userId: users.id, email: users.email, name: users.name })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(
      and(
        eq(invitations.tokenHash, hashToken(token)),
        eq(invitations.purpose, purpose),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, now),
        eq(users.isActive, true),
        or(eq(invitations.purpose, "reset"), isNull(users.passwordHash)),
        notExists(
          db
            .select({ id: newer.id })
            .from(newer)
            .where(and(eq(newer.userId, invitations.userId), gt(newer.id, invitations.id))),
        ),
      ),
    )
    .get();
}

type SetPasswordParams = {
  userId: number;
  /** The Argon2id hash (packages/auth hashPassword). */
  passwordHash: string;
  /** The session to keep, when a signed-in person changes their own password; every other one ends. */
  keepSessionId?: string;
};

/**
 * Sets a person's password, all or nothing: every session of theirs ends (but `keepSessionId`),
 * so whoever held the account before is signed out, and every unused link of theirs dies, so a
 * link issued before the change cannot undo it.
 */
export function setPassword(db: Db, { userId, passwordHash, keepSessionId }: SetPasswordParams): void {
  db.transaction(() => {
    db.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
    db.delete(invitations)
      .where(and(eq(invitations.userId, userId), isNull(invitations.acceptedAt)))
      .run();
    deleteSessionsOfUser(db, userId, keepSessionId);
  });
}

type SetPasswordWithLinkParams = { token: string; purpose: AccountLinkPurpose; passwordHash: string; now: Date };

/**
 * Spends a link to set the person's password (see setPassword: every session ends). Returns the
 * person; throws a not_found DomainError on the `token` field when the link no longer works.
 */
export function setPasswordWithLink(db: Db, { token, purpose, passwordHash, now }: SetPasswordWithLinkParams) {
  return db.transaction(() => {
    const link = findUsableLink(db, { token, purpose, now });
    if (!link) throw new DomainError("not_found", deadLinkMessage(purpose), "token");
    db.update(invitations).set({ acceptedAt: now }).where(eq(invitations.id, link.id)).run();
    setPassword(db, { userId: link.userId, passwordHash });
    return { userId: link.userId, email: link.email, name: link.name };
  });
}

/** What a person is told when a link no longer works, in the words of the page they are on. */
export function deadLinkMessage(purpose: AccountLinkPurpose): string {
  return purpose === "invitation"
    ? "This invitation link has expired or has already been used. Ask your admin for a new one."
    : "This link to choose a new password has expired, has been used, or a newer one has been sent. Ask for a new one.";
}

/**
 * For "Forgot your password?": a reset link (one hour) for the active person with this e-mail
 * address, with their name to greet them, or null when there is none. The caller answers the
 * same either way.
 */
export function issuePasswordReset(db: Db, { email, now }: { email: string; now: Date }) {
  const person = db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.email, email.trim().toLowerCase()), eq(users.isActive, true)))
    .get();
  if (!person) return null;
  const link = issueAccountLink(db, {
    userId: person.id,
    purpose: "reset",
    lifetimeMs: ACCOUNT_LINK_LIFETIME_MS.selfReset,
    createdBy: null,
    now,
  });
  return { ...link, name: person.name, email: person.email };
}
