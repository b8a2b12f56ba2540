import { generateToken, hashToken } from "@wardpanel/auth";
import { DomainError, type PoliceForceId, type Role } from "@wardpanel/validators";
import type { Db } from "../client";
import { createInvitation, createUser, grantRole, listPeople } from "./people";

const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** A new invitation link for a person; only its hash is kept, so the link can be shown just once. */
export function issueInvitation(db: Db, { userId, createdBy, now }: { userId: number; createdBy: number | null; now: Date }) {
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
  createInvitation(db, { userId, tokenHash: hashToken(token), expiresAt, createdBy });
  return { invitePath: `/invite/${token}`, expiresAt };
}

export type InvitePersonParams = {
  email: string;
  name: string;
  grants: { role: Role; wardCode: string | null; force?: PoliceForceId | null }[];
  invitedBy: number | null;
  now: Date;
};

/** Creates a person with their roles and an invitation link to choose a password, all or nothing. */
export function invitePerson(db: Db, { email, name, grants, invitedBy, now }: InvitePersonParams) {
  return db.transaction(() => {
    const userId = createUser(db, { email, name });
    for (const grant of grants) grantRole(db, { userId, ...grant, grantedBy: invitedBy });
    return { userId, ...issueInvitation(db, { userId, createdBy: invitedBy, now }) };
  });
}

/** A fresh link for someone who lost theirs or let it expire, never for someone with a password. */
export function reissueInvitation(db: Db, { userId, createdBy, now }: { userId: number; createdBy: number | null; now: Date }) {
  const person = listPeople(db).find((p) => p.id === userId);
  if (!person) throw new DomainError("not_found", "That person no longer exists");
  if (person.hasPassword) throw new DomainError("conflict", `${person.name} has already chosen a password`);
  return issueInvitation(db, { userId, createdBy, now });
}
