import {
  DomainError,
  POLICE_FORCES,
  type PoliceForceId,
  policeForceName,
  type Role,
  ROLE_LABELS,
} from "@wardpanel/validators";
import { and, asc, eq, isNull, sql } from "drizzle-orm";

import type { Db } from "../client";
import { returnedRow } from "../returned-row";
import { boroughs, roleAssignments, users, wards } from "../schema";

/**
 * A role held: `wardCode` for ward roles, `force` (police.uk id) for an analyst, `boroughCode` for
 * a borough admin, none of them for an admin.
 */
export type RoleAssignment = {
  id: number;
  role: Role;
  wardCode: string | null;
  wardName: string | null;
  /** The borough a borough admin holds, or the borough of the ward (null for an admin or analyst). */
  boroughCode: string | null;
  force: PoliceForceId | null;
};

type Person = {
  id: number;
  email: string;
  name: string;
  isActive: boolean;
  hasPassword: boolean;
  lastSignInAt: Date | null;
  roles: RoleAssignment[];
};

export function getAssignments(db: Db, userId: number): RoleAssignment[] {
  return db
    .select({
      id: roleAssignments.id,
      role: roleAssignments.role,
      wardCode: roleAssignments.wardCode,
      wardName: wards.name,
      boroughCode: sql<string | null>`coalesce(${roleAssignments.boroughCode}, ${wards.boroughCode})`,
      force: roleAssignments.force,
    })
    .from(roleAssignments)
    .leftJoin(wards, eq(wards.code, roleAssignments.wardCode))
    .where(eq(roleAssignments.userId, userId))
    .orderBy(asc(roleAssignments.role), asc(wards.name))
    .all();
}

export function findUserByEmail(db: Db, email: string) {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      passwordHash: users.passwordHash,
      isActive: users.isActive,
    })
    .from(users)
    .where(eq(users.email, email.toLowerCase()))
    .get();
}

export function listPeople(db: Db): Person[] {
  const rows = db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      isActive: users.isActive,
      hasPassword: sql<number>`${users.passwordHash} is not null`,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .orderBy(asc(users.name))
    .all();
  const assignments = db
    .select({
      id: roleAssignments.id,
      userId: roleAssignments.userId,
      role: roleAssignments.role,
      wardCode: roleAssignments.wardCode,
      wardName: wards.name,
      boroughCode: sql<string | null>`coalesce(${roleAssignments.boroughCode}, ${wards.boroughCode})`,
      force: roleAssignments.force,
    })
    .from(roleAssignments)
    .leftJoin(wards, eq(wards.code, roleAssignments.wardCode))
    .orderBy(asc(roleAssignments.role), asc(wards.name))
    .all();
  const byUser = new Map<number, RoleAssignment[]>();
  for (const { userId, ...assignment } of assignments) {
    byUser.set(userId, [...(byUser.get(userId) ?? []), assignment]);
  }
  return rows.map((row) => ({ ...row, hasPassword: Boolean(row.hasPassword), roles: byUser.get(row.id) ?? [] }));
}

type CreateUserParams = { email: string; name: string; passwordHash?: string | null };

export function createUser(db: Db, { email, name, passwordHash = null }: CreateUserParams): number {
  const existing = findUserByEmail(db, email);
  if (existing) throw new DomainError("conflict", `${email} already has an account`, "email");
  const row = returnedRow(
    db.insert(users).values({ email: email.toLowerCase(), name, passwordHash }).returning({ id: users.id }),
  );
  return row.id;
}

type GrantRoleParams = {
  userId: number;
  role: Role;
  wardCode: string | null;
  force?: PoliceForceId | null;
  boroughCode?: string | null;
  grantedBy?: number | null;
};

/**
 * Gives a person a role. A ward has one chair; a role is held once per ward (or force). Where the
 * role is held is checked by RoleGrant (@wardpanel/validators) before this is called.
 */
export function grantRole(
  db: Db,
  { userId, role, wardCode, force = null, boroughCode = null, grantedBy = null }: GrantRoleParams,
): number {
  return db.transaction((tx) => {
    if (
      boroughCode !== null &&
      !tx.select({ code: boroughs.code }).from(boroughs).where(eq(boroughs.code, boroughCode)).get()
    ) {
      throw new DomainError("not_found", `There is no borough with the code ${boroughCode}`, "boroughCode");
    }
    if (wardCode !== null && !tx.select({ code: wards.code }).from(wards).where(eq(wards.code, wardCode)).get()) {
      throw new DomainError("not_found", `There is no ward with the code ${wardCode}`, "wardCode");
    }
    if (force !== null && !POLICE_FORCES.some((f) => f.id === force)) {
      throw new DomainError("not_found", `There is no police force with the id ${force}`, "force");
    }
    const same = tx
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(
        and(
          eq(roleAssignments.userId, userId),
          eq(roleAssignments.role, role),
          wardCode === null ? isNull(roleAssignments.wardCode) : eq(roleAssignments.wardCode, wardCode),
          force === null ? isNull(roleAssignments.force) : eq(roleAssignments.force, force),
          boroughCode === null ? isNull(roleAssignments.boroughCode) : eq(roleAssignments.boroughCode, boroughCode),
        ),
      )
      .get();
    if (same) {
      const where = wardCode
        ? " for this ward"
        : boroughCode
          ? " for this borough"
          : force
            ? ` for the ${policeForceName(force)}`
            : "";
      throw new DomainError("conflict", `They are already ${ROLE_LABELS[role].toLowerCase()}${where}`, "role");
    }
    if (role === "chair" && wardCode !== null) {
      const chair = tx
        .select({ name: users.name })
        .from(roleAssignments)
        .innerJoin(users, eq(users.id, roleAssignments.userId))
        .where(and(eq(roleAssignments.role, "chair"), eq(roleAssignments.wardCode, wardCode)))
        .get();
      if (chair) {
        throw new DomainError(
          "conflict",
          `This ward's panel already has a chair (${chair.name}). Remove that role first.`,
          "role",
        );
      }
    }
    return returnedRow(
      tx
        .insert(roleAssignments)
        .values({ userId, role, wardCode, force, boroughCode, createdBy: grantedBy })
        .returning({ id: roleAssignments.id }),
    ).id;
  });
}

/** Removes a role. The last admin cannot be removed, so nobody is locked out of managing people. */
export function revokeRole(db: Db, assignmentId: number): void {
  db.transaction((tx) => {
    const assignment = tx.select().from(roleAssignments).where(eq(roleAssignments.id, assignmentId)).get();
    if (!assignment) throw new DomainError("not_found", "That role has already been removed");
    if (assignment.role === "admin") {
      const [row] = tx
        .select({ n: sql<number>`count(*)` })
        .from(roleAssignments)
        .where(eq(roleAssignments.role, "admin"))
        .all();
      if ((row?.n ?? 0) <= 1)
        throw new DomainError("conflict", "Ward Panel needs at least one admin: make someone else an admin first");
    }
    tx.delete(roleAssignments).where(eq(roleAssignments.id, assignmentId)).run();
  });
}

export function recordSignIn(db: Db, userId: number, at: Date): void {
  db.update(users).set({ lastSignInAt: at }).where(eq(users.id, userId)).run();
}

/** Wards a person holds any ward role for, with the borough, for their dashboard. */
export function listWardsForUser(db: Db, userId: number) {
  return db
    .select({
      code: wards.code,
      name: wards.name,
      boroughName: boroughs.name,
      role: roleAssignments.role,
    })
    .from(roleAssignments)
    .innerJoin(wards, eq(wards.code, roleAssignments.wardCode))
    .innerJoin(boroughs, eq(boroughs.code, wards.boroughCode))
    .where(eq(roleAssignments.userId, userId))
    .orderBy(asc(wards.name))
    .all();
}

export function setUserActive(db: Db, userId: number, isActive: boolean): void {
  const result = db.update(users).set({ isActive }).where(eq(users.id, userId)).run();
  if (result.changes === 0) throw new DomainError("not_found", "That person no longer exists");
}

/** One role held, by its id, with the borough it sits in (undefined when there is no such role). */
export function getAssignment(db: Db, assignmentId: number): RoleAssignment | undefined {
  return db
    .select({
      id: roleAssignments.id,
      role: roleAssignments.role,
      wardCode: roleAssignments.wardCode,
      wardName: wards.name,
      boroughCode: sql<string | null>`coalesce(${roleAssignments.boroughCode}, ${wards.boroughCode})`,
      force: roleAssignments.force,
    })
    .from(roleAssignments)
    .leftJoin(wards, eq(wards.code, roleAssignments.wardCode))
    .where(eq(roleAssignments.id, assignmentId))
    .get();
}

/** The borough code of a ward (null when there is no such ward). */
export function boroughOfWard(db: Db, wardCode: string): string | null {
  return db.select({ code: wards.boroughCode }).from(wards).where(eq(wards.code, wardCode)).get()?.code ?? null;
}

/** Whether there is a person with this id. */
export function personExists(db: Db, userId: number): boolean {
  return db.select({ id: users.id }).from(users).where(eq(users.id, userId)).get() !== undefined;
}
