import { type SessionCookie, validateSessionToken } from "@wardpanel/api";
import type { Db } from "@wardpanel/db/client";
import type { FastifyReply, FastifyRequest } from "fastify";

const SESSION_COOKIE = "wp_session";

/** httpOnly so scripts cannot read it; SameSite=Lax so other sites cannot post with it. */
export function sessionCookieFor(reply: FastifyReply, secure: boolean): SessionCookie {
  return {
    set(token, expiresAt) {
      reply.setCookie(SESSION_COOKIE, token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure,
        expires: expiresAt,
      });
    },
    clear() {
      reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "lax", secure });
    },
  };
}

/** The viewer of a request, renewing the cookie when the session slid forward. */
export function viewerOf(db: Db, request: FastifyRequest, cookie: SessionCookie) {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const { viewer, renewedUntil } = validateSessionToken(db, token, new Date());
  if (!viewer) cookie.clear();
  else if (renewedUntil) cookie.set(token, renewedUntil);
  return viewer;
}
