import { createHash } from "node:crypto";

import { defined } from "@wardpanel/validators";
import { and, eq, isNotNull, isNull, lt, ne, or } from "drizzle-orm";

import type { Db } from "../client";
import { concerns, publicSignIns, subscribers, teamMessages, unsubscribedAddresses } from "../schema";
import { deleteExpiredSessions } from "./sessions";

/** Days an unsubscribed address is kept as it was, for a "was that me?" question, before only its hash remains. */
export const UNSUBSCRIBED_ADDRESS_DAYS = 30;

type RetentionCounts = {
  expiredSessions: number;
  publicSignIns: number;
  concernContacts: number;
  messageContacts: number;
  unsubscribedAddresses: number;
  unconfirmedSubscriptions: number;
};

/** The SHA-256 (hex) of a trimmed, lower-case e-mail address: how an unsubscribe is remembered without the address. */
export const emailHash = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex");

/** `months` calendar months before `now`, in UTC. */
function monthsBefore(now: Date, months: number): Date {
  const cutOff = new Date(now);
  cutOff.setUTCMonth(cutOff.getUTCMonth() - months);
  return cutOff;
}

/**
 * Deletes what Ward Panel no longer needs, as docs/personal-data.md promises, in one transaction:
 * - sessions that have expired;
 * - public sign-ins (name, e-mail) from more than `retentionMonths` ago;
 * - the name and e-mail of whoever raised a concern more than `retentionMonths` ago (the concern stays);
 * - the name, e-mail and phone left with a message to a team more than `retentionMonths` ago (the thread stays);
 * - subscriptions never confirmed within `retentionMonths`;
 * - unsubscribed addresses after UNSUBSCRIBED_ADDRESS_DAYS, leaving only their hash per ward.
 * Idempotent; returns how many of each it removed.
 */
export function runRetention(
  db: Db,
  { now, retentionMonths }: { now: Date; retentionMonths: number },
): RetentionCounts {
  const cutOff = monthsBefore(now, retentionMonths);
  const unsubscribedCutOff = new Date(now.getTime() - UNSUBSCRIBED_ADDRESS_DAYS * 24 * 60 * 60 * 1000);
  return db.transaction(() => {
    const expiredSessions = deleteExpiredSessions(db, now);
    const signIns = db.delete(publicSignIns).where(lt(publicSignIns.consentedAt, cutOff)).run().changes;
    const concernContacts = db
      .update(concerns)
      .set({ raisedBy: "", contactEmail: "" })
      .where(and(lt(concerns.createdAt, cutOff), or(ne(concerns.raisedBy, ""), ne(concerns.contactEmail, ""))))
      .run().changes;
    const messageContacts = db
      .update(teamMessages)
      .set({ name: "", contactEmail: "", contactPhone: "" })
      .where(
        and(
          lt(teamMessages.receivedAt, cutOff),
          or(ne(teamMessages.name, ""), ne(teamMessages.contactEmail, ""), ne(teamMessages.contactPhone, "")),
        ),
      )
      .run().changes;
    const unconfirmed = db
      .delete(subscribers)
      .where(
        and(isNull(subscribers.confirmedAt), isNull(subscribers.unsubscribedAt), lt(subscribers.createdAt, cutOff)),
      )
      .run().changes;

    const unsubscribed = db
      .select({
        id: subscribers.id,
        wardCode: subscribers.wardCode,
        email: subscribers.email,
        unsubscribeTokenHash: subscribers.unsubscribeTokenHash,
        unsubscribedAt: subscribers.unsubscribedAt,
      })
      .from(subscribers)
      .where(and(isNotNull(subscribers.unsubscribedAt), lt(subscribers.unsubscribedAt, unsubscribedCutOff)))
      .all();
    for (const row of unsubscribed) {
      const unsubscribedAt = defined(row.unsubscribedAt, "the unsubscribe date the query filtered on");
      db.insert(unsubscribedAddresses)
        .values({
          wardCode: row.wardCode,
          emailHash: emailHash(row.email),
          unsubscribeTokenHash: row.unsubscribeTokenHash,
          unsubscribedAt,
        })
        .onConflictDoUpdate({
          target: [unsubscribedAddresses.wardCode, unsubscribedAddresses.emailHash],
          set: { unsubscribeTokenHash: row.unsubscribeTokenHash, unsubscribedAt },
        })
        .run();
      // Its queued pack e-mails go with it (ON DELETE CASCADE).
      db.delete(subscribers).where(eq(subscribers.id, row.id)).run();
    }
    return {
      expiredSessions,
      publicSignIns: signIns,
      concernContacts,
      messageContacts,
      unsubscribedAddresses: unsubscribed.length,
      unconfirmedSubscriptions: unconfirmed,
    };
  });
}
