import type { RoleAssignment } from "@wardpanel/db/queries/people";
import { type ForceRole, holdsAdmin, holdsForceRole, holdsWardRole, type WardRole } from "@wardpanel/validators";

/** The signed-in person a request acts for, with every role they hold. */
export type Viewer = {
  id: number;
  email: string;
  name: string;
  sessionId: string;
  roles: RoleAssignment[];
};

export function isAdmin(viewer: Viewer): boolean {
  return holdsAdmin(viewer.roles);
}

/**
 * Admins act on every ward; anyone else only where they hold one of the given roles for that ward.
 * Pass a role group (`WARD_ROLE_GROUPS.seeWard`), so the rule is the one the web app reads too.
 */
export function canActOnWard(viewer: Viewer, wardCode: string, roles: readonly WardRole[]): boolean {
  return holdsWardRole(viewer.roles, wardCode, roles);
}

/**
 * Admins act on every force's data; anyone else only on a force (police.uk id) they hold one of
 * the given force-wide roles for. Pass a role group (`FORCE_ROLE_GROUPS.importCrimeData`).
 */
export function canActOnForce(viewer: Viewer, force: string, roles: readonly ForceRole[]): boolean {
  return holdsForceRole(viewer.roles, force, roles);
}
