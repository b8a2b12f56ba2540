import type { FastifyReply, FastifyRequest } from "fastify";
import { canActOnWard, type Viewer } from "@wardpanel/api";
import type { Db } from "@wardpanel/db/client";
import type { WardRole } from "@wardpanel/validators";
import { sessionCookieFor, viewerOf } from "../session-cookie";

/**
 * The plain-HTTP counterpart of tRPC's wardProcedure: the signed-in viewer if they hold one of
 * `roles` for the ward (admins always), otherwise the reply is sent (401 or 403) and null returned.
 */
export function requireWardRole(db: Db, request: FastifyRequest, reply: FastifyReply, wardCode: string, roles: readonly WardRole[], secureCookies: boolean): Viewer | null {
  const viewer = viewerOf(db, request, sessionCookieFor(reply, secureCookies));
  if (!viewer) {
    void reply.code(401).send({ error: "Sign in to do this" });
    return null;
  }
  if (!canActOnWard(viewer, wardCode, roles)) {
    void reply.code(403).send({ error: "You do not have a role for this ward that allows this" });
    return null;
  }
  return viewer;
}

/** The viewer, or null for the public; never replies. */
export function optionalViewer(db: Db, request: FastifyRequest, reply: FastifyReply, secureCookies: boolean): Viewer | null {
  return viewerOf(db, request, sessionCookieFor(reply, secureCookies));
}
