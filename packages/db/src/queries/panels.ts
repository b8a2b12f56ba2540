import { and, asc, eq, inArray } from "drizzle-orm";

import type { Db } from "../client";
import { returnedRow } from "../returned-row";
import { officers, panels, roleAssignments, teams, users } from "../schema";

type PanelMember = { userId: number; name: string; email: string; role: "chair" | "panel_member" };

/** The panel of a ward with its chair first, then members by name. */
export function getPanelRoster(db: Db, wardCode: string) {
  const panel = db.select({ id: panels.id, name: panels.name }).from(panels).where(eq(panels.wardCode, wardCode)).get();
  const members: PanelMember[] = db
    .select({ userId: users.id, name: users.name, email: users.email, role: roleAssignments.role })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.wardCode, wardCode),
        inArray(roleAssignments.role, ["chair", "panel_member"]),
        eq(users.isActive, true),
      ),
    )
    .orderBy(asc(roleAssignments.role), asc(users.name))
    .all() as PanelMember[];
  return { panel: panel ?? null, members };
}

export function ensurePanel(db: Db, wardCode: string, name: string): number {
  const existing = db.select({ id: panels.id }).from(panels).where(eq(panels.wardCode, wardCode)).get();
  if (existing) return existing.id;
  return returnedRow(db.insert(panels).values({ wardCode, name }).returning({ id: panels.id })).id;
}

export function getTeam(db: Db, wardCode: string) {
  const contacts = db
    .select({
      baseName: teams.baseName,
      baseAddress: teams.baseAddress,
      email: teams.email,
      phone: teams.phone,
      publicNote: teams.publicNote,
      updatedAt: teams.updatedAt,
    })
    .from(teams)
    .where(eq(teams.wardCode, wardCode))
    .get();
  const team = db
    .select({ id: officers.id, name: officers.name, rank: officers.rank, email: officers.email })
    .from(officers)
    .where(eq(officers.wardCode, wardCode))
    .orderBy(asc(officers.sortOrder), asc(officers.name))
    .all();
  return { contacts: contacts ?? null, officers: team };
}

export type TeamContacts = {
  baseName: string | null;
  baseAddress: string | null;
  email: string | null;
  phone: string | null;
  publicNote: string | null;
};

export function saveTeamContacts(db: Db, wardCode: string, contacts: TeamContacts, at: Date): void {
  const row = { ...contacts, updatedAt: at };
  db.insert(teams)
    .values({ wardCode, ...row })
    .onConflictDoUpdate({ target: teams.wardCode, set: row })
    .run();
}
