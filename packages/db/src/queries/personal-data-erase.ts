import { DomainError } from "@wardpanel/validators";
import { eq, inArray } from "drizzle-orm";

import type { Db } from "../client";
import {
  actions,
  concerns,
  invitations,
  meetingGuests,
  officers,
  publicSignIns,
  roleAssignments,
  sessions,
  subscribers,
  teamMessages,
  unsubscribedAddresses,
  users,
} from "../schema";
import { sameName } from "./personal-data";
import { emailHash } from "./retention";

/** What a staff account's name becomes: what the role did stays on record, not who did it. */
export const FORMER_MEMBER = "Former member";

export type ErasureCounts = {
  accountAnonymised: boolean;
  rolesRemoved: number;
  sessionsEnded: number;
  invitationsDeleted: number;
  teamListingsRemoved: number;
  guestNamesReplaced: number;
  actionOwnersReplaced: number;
  subscriptionsDeleted: number;
  rememberedUnsubscribesDeleted: number;
  concernContactsCleared: number;
  messageContactsCleared: number;
  publicSignInsDeleted: number;
};

/**
 * Erases what Ward Panel holds about an e-mail address (UK GDPR Article 17), in one transaction.
 *
 * A staff account is anonymised rather than deleted, so the record of what the role did
 * (attendance, ballots cast, meetings arranged) stays, as "Former member": name and e-mail are
 * replaced, the password removed, the account deactivated, its sessions ended, roles,
 * invitations and public team-list entries removed; meeting guests and action owners with the
 * account's exact name become "Former member". Public records are deleted (subscriptions with
 * their e-mail queue, remembered unsubscribes, public sign-ins) or have their contact details
 * cleared (concerns and messages to a team: the concern or message itself stays). Approved minutes and vote records are formal
 * records and are not rewritten (docs/personal-data.md).
 *
 * Throws DomainError("conflict") when `actingUserId` is the account being erased, or it is the
 * only admin; nothing is changed then.
 */
export function erasePersonalData(
  db: Db,
  { email, actingUserId }: { email: string; actingUserId: number | null },
): ErasureCounts {
  const address = email.trim().toLowerCase();
  return db.transaction(() => {
    const account = db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, address)).get();
    if (account && account.id === actingUserId)
      throw new DomainError("conflict", "You cannot erase your own account: ask another admin", "email");
    const staff = account ? eraseAccount(db, account) : null;

    const subscriberIds = db
      .select({ id: subscribers.id })
      .from(subscribers)
      .where(eq(subscribers.email, address))
      .all()
      .map((s) => s.id);
    const subscriptionsDeleted =
      subscriberIds.length > 0 ? db.delete(subscribers).where(inArray(subscribers.id, subscriberIds)).run().changes : 0;
    return {
      accountAnonymised: staff !== null,
      rolesRemoved: staff?.rolesRemoved ?? 0,
      sessionsEnded: staff?.sessionsEnded ?? 0,
      invitationsDeleted: staff?.invitationsDeleted ?? 0,
      teamListingsRemoved: staff?.teamListingsRemoved ?? 0,
      guestNamesReplaced: staff?.guestNamesReplaced ?? 0,
      actionOwnersReplaced: staff?.actionOwnersReplaced ?? 0,
      subscriptionsDeleted,
      rememberedUnsubscribesDeleted: db
        .delete(unsubscribedAddresses)
        .where(eq(unsubscribedAddresses.emailHash, emailHash(address)))
        .run().changes,
      concernContactsCleared: db
        .update(concerns)
        .set({ raisedBy: "", contactEmail: "" })
        .where(eq(concerns.contactEmail, address))
        .run().changes,
      messageContactsCleared: db
        .update(teamMessages)
        .set({ name: "", contactEmail: "", contactPhone: "" })
        .where(eq(teamMessages.contactEmail, address))
        .run().changes,
      publicSignInsDeleted: db.delete(publicSignIns).where(eq(publicSignIns.email, address)).run().changes,
    };
  });
}

function eraseAccount(db: Db, account: { id: number; name: string }) {
  const admins = db
    .select({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .where(eq(roleAssignments.role, "admin"))
    .all();
  if (admins.length === 1 && admins[0]?.userId === account.id) {
    throw new DomainError(
      "conflict",
      "This is the only admin: Ward Panel needs at least one, so make someone else an admin first",
      "email",
    );
  }
  const counts = {
    rolesRemoved: db.delete(roleAssignments).where(eq(roleAssignments.userId, account.id)).run().changes,
    sessionsEnded: db.delete(sessions).where(eq(sessions.userId, account.id)).run().changes,
    invitationsDeleted: db.delete(invitations).where(eq(invitations.userId, account.id)).run().changes,
    teamListingsRemoved: db.delete(officers).where(eq(officers.userId, account.id)).run().changes,
    guestNamesReplaced: db
      .update(meetingGuests)
      .set({ name: FORMER_MEMBER })
      .where(sameName(meetingGuests.name, account.name))
      .run().changes,
    actionOwnersReplaced: db
      .update(actions)
      .set({ owner: FORMER_MEMBER })
      .where(sameName(actions.owner, account.name))
      .run().changes,
  };
  db.update(users)
    // `.invalid` can never receive mail (RFC 2606); the id keeps the address unique.
    .set({
      name: FORMER_MEMBER,
      email: `former-member-${account.id}@erased.invalid`,
      passwordHash: null,
      isActive: false,
      lastSignInAt: null,
    })
    .where(eq(users.id, account.id))
    .run();
  return counts;
}
