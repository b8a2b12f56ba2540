import { DomainError, type OfficerRank } from "@wardpanel/validators";
import { and, asc, eq, gte, max, sql } from "drizzle-orm";

import type { Db } from "../client";
import { returnedRow } from "../returned-row";
import { officers } from "../schema";

type Fields = { name: string; rank: OfficerRank; email: string | null };
export type OfficerRef = { wardCode: string; officerId: number };

/** The officer of this ward with that id, or not_found (an id from another ward is not found either). */
function getOfficer(db: Db, { wardCode, officerId }: OfficerRef) {
  const row = db
    .select({
      id: officers.id,
      name: officers.name,
      rank: officers.rank,
      email: officers.email,
      sortOrder: officers.sortOrder,
    })
    .from(officers)
    .where(and(eq(officers.id, officerId), eq(officers.wardCode, wardCode)))
    .get();
  if (!row) throw new DomainError("not_found", "That officer is no longer in the team's list");
  return row;
}

/**
 * Adds an officer to the ward's list: last, or at `position` (0-based, the place an undone removal
 * gave back), moving the officers from there on down one. Returns the new officer's id.
 */
export function addOfficer(db: Db, params: Fields & { wardCode: string; position?: number }): number {
  return db.transaction(() => {
    const { wardCode, position, name, rank, email } = params;
    let sortOrder: number;
    if (position === undefined) {
      const last = db
        .select({ n: max(officers.sortOrder) })
        .from(officers)
        .where(eq(officers.wardCode, wardCode))
        .get()?.n;
      sortOrder = last === null || last === undefined ? 0 : last + 1;
    } else {
      sortOrder = position;
      db.update(officers)
        .set({ sortOrder: sql`${officers.sortOrder} + 1` })
        .where(and(eq(officers.wardCode, wardCode), gte(officers.sortOrder, position)))
        .run();
    }
    return returnedRow(
      db.insert(officers).values({ wardCode, name, rank, email, sortOrder }).returning({ id: officers.id }),
    ).id;
  });
}

/** Changes an officer's name, rank or e-mail address. */
export function updateOfficer(db: Db, params: OfficerRef & Fields): void {
  getOfficer(db, params);
  db.update(officers)
    .set({ name: params.name, rank: params.rank, email: params.email })
    .where(eq(officers.id, params.officerId))
    .run();
}

/**
 * Takes an officer off the ward's list and returns what they were, with their 0-based position,
 * for an undo (`addOfficer` with that position puts them back in place).
 */
export function removeOfficer(db: Db, ref: OfficerRef): Fields & { position: number } {
  return db.transaction(() => {
    const officer = getOfficer(db, ref);
    const list = db
      .select({ id: officers.id })
      .from(officers)
      .where(eq(officers.wardCode, ref.wardCode))
      .orderBy(asc(officers.sortOrder), asc(officers.name))
      .all();
    const position = list.findIndex((o) => o.id === officer.id);
    db.delete(officers).where(eq(officers.id, officer.id)).run();
    // Numbered again 0, 1, 2… so a position given back means the same place.
    list
      .filter((o) => o.id !== officer.id)
      .forEach((o, i) => db.update(officers).set({ sortOrder: i }).where(eq(officers.id, o.id)).run());
    return { name: officer.name, rank: officer.rank, email: officer.email, position };
  });
}
