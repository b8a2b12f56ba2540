import { and, asc, eq, inArray, lte, or } from "drizzle-orm";

import type { Db } from "../client";
import { messageEvents, teamMessages, wards } from "../schema";
import { afterFailedAttempt, CLAIM_LEASE_MS } from "./mail-retry";
import { wardNameIn } from "./ward-name-in";

/**
 * Claims the due e-mails to residents about their messages (acknowledgement, team replies, the
 * manager's response), as the concern queue does: each is leased for CLAIM_LEASE_MS. An e-mail
 * whose address was erased or whose consent is gone is closed, unsent.
 */
export function claimDueMessageEmails(db: Db, { now, limit = 20 }: { now: Date; limit?: number }) {
  return db.transaction((tx) => {
    const noAddress = tx
      .select({ id: teamMessages.id })
      .from(teamMessages)
      .where(or(eq(teamMessages.contactEmail, ""), eq(teamMessages.hasConsent, false)));
    tx.update(messageEvents)
      .set({ mail: "failed", lastError: "no address to send to" })
      .where(and(eq(messageEvents.mail, "due"), inArray(messageEvents.messageId, noAddress)))
      .run();
    const due = tx
      .select({
        eventId: messageEvents.id,
        attempts: messageEvents.attempts,
        kind: messageEvents.kind,
        detail: messageEvents.detail,
        messageId: teamMessages.id,
        reference: teamMessages.reference,
        // In the resident's language: the Welsh name for a Welsh message where held.
        wardName: wardNameIn(teamMessages.language),
        email: teamMessages.contactEmail,
        language: teamMessages.language,
      })
      .from(messageEvents)
      .innerJoin(teamMessages, eq(teamMessages.id, messageEvents.messageId))
      .innerJoin(wards, eq(wards.code, teamMessages.wardCode))
      .where(and(eq(messageEvents.mail, "due"), lte(messageEvents.nextAttemptAt, now)))
      .orderBy(asc(messageEvents.nextAttemptAt), asc(messageEvents.id))
      .limit(limit)
      .all();
    const lease = new Date(now.getTime() + CLAIM_LEASE_MS);
    for (const e of due)
      tx.update(messageEvents).set({ nextAttemptAt: lease }).where(eq(messageEvents.id, e.eventId)).run();
    return due;
  });
}

export function markMessageEmailSent(db: Db, { eventId }: { eventId: number }): void {
  db.update(messageEvents).set({ mail: "sent", lastError: null }).where(eq(messageEvents.id, eventId)).run();
}

export function markMessageEmailFailed(
  db: Db,
  { eventId, attempts, error, now }: { eventId: number; attempts: number; error: string; now: Date },
): { willRetry: boolean } {
  const { willRetry, ...row } = afterFailedAttempt({ attempts, error, now });
  db.update(messageEvents)
    .set({ ...row, mail: willRetry ? "due" : "failed" })
    .where(eq(messageEvents.id, eventId))
    .run();
  return { willRetry };
}
