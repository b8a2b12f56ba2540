import type { FastifyReply, FastifyRequest } from "fastify";
import { canActOnForce, canActOnWard, isAdmin, type Viewer } from "@wardpanel/api";
import type { Db } from "@wardpanel/db/client";
import type { ForceRole, WardRole } from "@wardpanel/validators";
import { sessionCookieFor, viewerOf } from "../session-cookie";

/**
 * The plain-HTTP counterpart of tRPC's wardProcedure: the signed-in viewer if they hold one of
 * `roles` for the ward (admins always), otherwise the reply is sent (401 or 403) and null returned.
 * Pass a role group (`WARD_ROLE_GROUPS.editAgenda`), so the UI and the route read the same rule.
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

/**
 * The plain-HTTP counterpart of tRPC's forceProcedure, for routes that learn the force only from
 * the files sent: the viewer if they hold one of `roles` for some force (admins always), otherwise
 * the reply is sent (401 or 403) and null returned. Check the force itself with canActOnForce once known.
 */
export function requireForceRole(db: Db, request: FastifyRequest, reply: FastifyReply, roles: readonly ForceRole[], refusal: string, secureCookies: boolean): Viewer | null {
  const viewer = viewerOf(db, request, sessionCookieFor(reply, secureCookies));
  if (!viewer) {
    void reply.code(401).send({ error: "Sign in to do this" });
    return null;
  }
  if (!isAdmin(viewer) && !viewer.roles.some((r) => r.force !== null && canActOnForce(viewer, r.force, roles))) {
    void reply.code(403).send({ error: refusal });
    return null;
  }
  return viewer;
}
