import { DomainError, type PoliceForceId, type Role } from "@wardpanel/validators";
import { eq, sql } from "drizzle-orm";

import type { Db } from "../client";
import { users } from "../schema";
import { ACCOUNT_LINK_LIFETIME_MS, issueAccountLink } from "./account-links";
import { createUser, grantRole } from "./people";

type InvitePersonParams = {
  email: string;
  name: string;
  grants: { role: Role; wardCode: string | null; force?: PoliceForceId | null; boroughCode?: string | null }[];
  invitedBy: number | null;
  now: Date;
};

/**
 * Creates a person with their roles and an invitation link (a week) to choose a password, all or
 * nothing. Returns their id, the link's path (`/invite/<token>`, shown or sent once) and its expiry.
 */
export function invitePerson(db: Db, { email, name, grants, invitedBy, now }: InvitePersonParams) {
  return db.transaction(() => {
    const userId = createUser(db, { email, name });
    for (const grant of grants) grantRole(db, { userId, ...grant, grantedBy: invitedBy });
    const link = issueAccountLink(db, {
      userId,
      purpose: "invitation",
      lifetimeMs: ACCOUNT_LINK_LIFETIME_MS.invitation,
      createdBy: invitedBy,
      now,
    });
    return { userId, invitePath: link.path, expiresAt: link.expiresAt };
  });
}

/**
 * An admin's new link for a person, voiding their older ones: an invitation (a week) when they
 * have no password yet, otherwise a link to choose a new one (a day). Returns the link with the
 * person's name and address, to send it. Throws not_found for a person who no longer exists and
 * conflict for a deactivated one.
 */
export function issueNewAccountLink(
  db: Db,
  { userId, createdBy, now }: { userId: number; createdBy: number | null; now: Date },
) {
  const person = db
    .select({
      name: users.name,
      email: users.email,
      isActive: users.isActive,
      hasPassword: sql<number>`${users.passwordHash} is not null`,
    })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!person) throw new DomainError("not_found", "That person no longer exists");
  if (!person.isActive) throw new DomainError("conflict", `${person.name} is deactivated: reactivate them first`);
  const link = person.hasPassword
    ? issueAccountLink(db, {
        userId,
        purpose: "reset",
        lifetimeMs: ACCOUNT_LINK_LIFETIME_MS.adminReset,
        createdBy,
        now,
      })
    : issueAccountLink(db, {
        userId,
        purpose: "invitation",
        lifetimeMs: ACCOUNT_LINK_LIFETIME_MS.invitation,
        createdBy,
        now,
      });
  return { ...link, name: person.name, email: person.email };
}
