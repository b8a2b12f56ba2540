import { TRPCError } from "@trpc/server";
import type { Db } from "@wardpanel/db/client";
import { boroughOfWard, getAssignments, personExists, type RoleAssignment } from "@wardpanel/db/queries/people";
import { adminBoroughs, DomainError, holdsAdmin, isWardRole, type Role } from "@wardpanel/validators";

import type { Viewer } from "./viewer";

/**
 * What a borough admin (decision 0040) may do to people and roles: only ward roles, only in wards
 * of their borough, and only to people whose every role is in their borough. A force-wide admin
 * passes every check. Refusals are FORBIDDEN with a message naming what to ask for instead.
 */

const refuse = (message: string) => new TRPCError({ code: "FORBIDDEN", message });

/** Whether `assignment` (a role someone holds) is a ward role in one of `boroughs`. */
function inBoroughs(assignment: Pick<RoleAssignment, "role" | "boroughCode">, boroughs: readonly string[]): boolean {
  return isWardRole(assignment.role) && assignment.boroughCode !== null && boroughs.includes(assignment.boroughCode);
}

/** Throws unless the viewer may give this role: a borough admin only ward roles in their borough. */
export function assertMayGrant(db: Db, viewer: Viewer, grant: { role: Role; wardCode: string | null }): void {
  if (holdsAdmin(viewer.roles)) return;
  if (!isWardRole(grant.role) || grant.wardCode === null) {
    throw refuse("Only an admin for the whole force can give this role");
  }
  const borough = boroughOfWard(db, grant.wardCode);
  if (borough === null)
    throw new DomainError("not_found", `There is no ward with the code ${grant.wardCode}`, "wardCode");
  if (!adminBoroughs(viewer.roles).includes(borough)) {
    throw refuse("You are an admin for another borough: you cannot give roles for this ward");
  }
}

/**
 * Throws unless the viewer may act on this person's account (links, deactivating, giving roles):
 * a borough admin only when the person holds roles, all of them ward roles in their borough.
 */
export function assertMayActOnPerson(db: Db, viewer: Viewer, userId: number): void {
  if (holdsAdmin(viewer.roles)) return;
  if (!personExists(db, userId)) throw new DomainError("not_found", "That person no longer exists");
  const held = getAssignments(db, userId);
  const boroughs = adminBoroughs(viewer.roles);
  if (held.length === 0 || !held.every((r) => inBoroughs(r, boroughs))) {
    throw refuse("This person has roles outside your borough: ask an admin for the whole force");
  }
}

/** Throws unless the viewer may remove this role: a borough admin only ward roles in their borough. */
export function assertMayRemove(viewer: Viewer, assignment: RoleAssignment | undefined): void {
  if (holdsAdmin(viewer.roles)) return;
  if (!assignment) throw new DomainError("not_found", "That role has already been removed");
  if (!inBoroughs(assignment, adminBoroughs(viewer.roles))) {
    throw refuse("Only an admin for the whole force or this role's borough can remove it");
  }
}

/**
 * The people a viewer may see: everyone for a force-wide admin; for a borough admin, those holding
 * a ward role in their borough, listed with those roles only.
 */
export function scopePeople<P extends { roles: RoleAssignment[] }>(viewer: Viewer, people: P[]): P[] {
  if (holdsAdmin(viewer.roles)) return people;
  const boroughs = adminBoroughs(viewer.roles);
  return people
    .map((p) => ({ ...p, roles: p.roles.filter((r) => inBoroughs(r, boroughs)) }))
    .filter((p) => p.roles.length > 0);
}
