import type { RoleAssignment } from "@wardpanel/db/queries/people";
import type { ForceRole, WardRole } from "@wardpanel/validators";

/** The signed-in person a request acts for, with every role they hold. */
export type Viewer = {
  id: number;
  email: string;
  name: string;
  sessionId: string;
  roles: RoleAssignment[];
};

export function isAdmin(viewer: Viewer): boolean {
  return viewer.roles.some((r) => r.role === "admin");
}

/** Admins act on every ward; anyone else only where they hold one of the given roles for that ward. */
export function canActOnWard(viewer: Viewer, wardCode: string, roles: readonly WardRole[]): boolean {
  return isAdmin(viewer) || viewer.roles.some((r) => r.wardCode === wardCode && (roles as readonly string[]).includes(r.role));
}

/**
 * Admins act on every force's data; anyone else only on a force (police.uk id) they hold one of
 * the given force-wide roles for.
 */
export function canActOnForce(viewer: Viewer, force: string, roles: readonly ForceRole[]): boolean {
  return isAdmin(viewer) || viewer.roles.some((r) => r.force === force && (roles as readonly string[]).includes(r.role));
}
