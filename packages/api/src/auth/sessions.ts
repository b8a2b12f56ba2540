import { generateToken, hashToken } from "@wardpanel/auth";
import type { Db } from "@wardpanel/db/client";
import { getAssignments } from "@wardpanel/db/queries/people";
import { deleteSession, extendSession, findSession, insertSession } from "@wardpanel/db/queries/sessions";

import type { Viewer } from "./viewer";

const DAY = 24 * 60 * 60 * 1000;
/** Sessions last 30 days and slide forward when used in their second half (Copenhagen Book). */
export const SESSION_LIFETIME_MS = 30 * DAY;
const RENEW_WITHIN_MS = 15 * DAY;

export function createSession(db: Db, userId: number, now: Date) {
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  insertSession(db, { id: hashToken(token), userId, expiresAt });
  return { token, expiresAt };
}

type SessionCheck = { viewer: Viewer; renewedUntil: Date | null } | { viewer: null; renewedUntil: null };

/** Turns a cookie's token into the person it signs in, renewing or ending the session as its age requires. */
export function validateSessionToken(db: Db, token: string, now: Date): SessionCheck {
  const sessionId = hashToken(token);
  const session = findSession(db, sessionId);
  if (!session) return { viewer: null, renewedUntil: null };
  if (session.expiresAt.getTime() <= now.getTime() || !session.user.isActive) {
    deleteSession(db, sessionId);
    return { viewer: null, renewedUntil: null };
  }
  let renewedUntil: Date | null = null;
  if (session.expiresAt.getTime() - now.getTime() < RENEW_WITHIN_MS) {
    renewedUntil = new Date(now.getTime() + SESSION_LIFETIME_MS);
    extendSession(db, sessionId, renewedUntil);
  }
  const { id, email, name } = session.user;
  return { viewer: { id, email, name, sessionId, roles: getAssignments(db, id) }, renewedUntil };
}
