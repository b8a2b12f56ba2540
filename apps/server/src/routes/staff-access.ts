import { canActOnForce, canActOnWard, isAdmin, type Viewer } from "@wardpanel/api";
import type { Db } from "@wardpanel/db/client";
import { DomainError, type ForceRole, type WardRole } from "@wardpanel/validators";
import type { FastifyReply, FastifyRequest } from "fastify";

import { HttpProblem } from "../problems";
import { sessionCookieFor, viewerOf } from "../session-cookie";

/** Who may use a plain HTTP route for staff: the request, its reply (the session cookie may slide), and the cookie's Secure flag. */
type StaffRequest = { db: Db; request: FastifyRequest; reply: FastifyReply; secureCookies: boolean };

/** The viewer, or null for the public; never refuses. */
export function optionalViewer({ db, request, reply, secureCookies }: StaffRequest): Viewer | null {
  return viewerOf(db, request, sessionCookieFor(reply, secureCookies));
}

/** The signed-in viewer; otherwise a 401 problem is thrown, as tRPC's signed-in procedures answer. */
export function requireViewer(staff: StaffRequest): Viewer {
  const viewer = optionalViewer(staff);
  if (!viewer) throw new HttpProblem(401, "Sign in to do this", { slug: "sign-in" });
  return viewer;
}

/**
 * The plain-HTTP counterpart of tRPC's wardProcedure: the signed-in viewer if they hold one of
 * `roles` for the ward (admins always); otherwise a 401 or 403 problem is thrown. Pass a role group
 * (`WARD_ROLE_GROUPS.editAgenda`), so the web app and the route read the same rule.
 */
export function requireWardRole(staff: StaffRequest, wardCode: string, roles: readonly WardRole[]): Viewer {
  const viewer = requireViewer(staff);
  if (!canActOnWard(viewer, wardCode, roles))
    throw new DomainError("forbidden", "You do not have a role for this ward that allows this");
  return viewer;
}

/** Admins only, as tRPC's adminProcedure. */
export function requireAdmin(staff: StaffRequest): Viewer {
  const viewer = requireViewer(staff);
  if (!isAdmin(viewer)) throw new DomainError("forbidden", "Only an admin can do this");
  return viewer;
}

/**
 * The plain-HTTP counterpart of tRPC's forceProcedure, for routes that learn the force only from
 * the files sent: the viewer if they hold one of `roles` for some force (admins always); otherwise
 * a 401 or 403 problem (with `refusal`) is thrown. Check the force itself with canActOnForce once known.
 */
export function requireForceRole(staff: StaffRequest, roles: readonly ForceRole[], refusal: string): Viewer {
  const viewer = requireViewer(staff);
  if (!isAdmin(viewer) && !viewer.roles.some((r) => r.force !== null && canActOnForce(viewer, r.force, roles)))
    throw new DomainError("forbidden", refusal);
  return viewer;
}
