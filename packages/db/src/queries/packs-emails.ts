import { and, asc, eq, isNotNull, isNull, lte, sql } from "drizzle-orm";

import type { Db } from "../client";
import { packEmails, packs, subscribers } from "../schema";
import { afterFailedAttempt, CLAIM_LEASE_MS } from "./mail-retry";

/**
 * Claims up to `limit` due e-mails by pushing their next attempt past a lease, in one transaction,
 * so two workers (or a slow send and the next poll) never pick the same e-mail. E-mails for people
 * who unsubscribed after publishing are closed, unsent.
 */
export function claimDueEmails(db: Db, { now, limit = 20 }: { now: Date; limit?: number }) {
  return db.transaction((tx) => {
    tx.update(packEmails)
      .set({ failedAt: now, lastError: "unsubscribed before sending" })
      .where(
        and(
          isNull(packEmails.sentAt),
          isNull(packEmails.failedAt),
          sql`${packEmails.subscriberId} in (select id from subscribers where unsubscribed_at is not null)`,
        ),
      )
      .run();
    const due = tx
      .select({
        emailId: packEmails.id,
        attempts: packEmails.attempts,
        packId: packs.id,
        wardCode: packs.wardCode,
        month: packs.month,
        published: packs.published,
        subscriberId: subscribers.id,
        email: subscribers.email,
        /** The subscriber's recorded language: the e-mail is written in it. */
        language: subscribers.language,
      })
      .from(packEmails)
      .innerJoin(packs, eq(packs.id, packEmails.packId))
      .innerJoin(subscribers, eq(subscribers.id, packEmails.subscriberId))
      .where(
        and(
          isNull(packEmails.sentAt),
          isNull(packEmails.failedAt),
          lte(packEmails.nextAttemptAt, now),
          isNotNull(subscribers.confirmedAt),
          eq(packs.status, "published"),
        ),
      )
      .orderBy(asc(packEmails.nextAttemptAt), asc(packEmails.id))
      .limit(limit)
      .all();
    const lease = new Date(now.getTime() + CLAIM_LEASE_MS);
    for (const e of due) tx.update(packEmails).set({ nextAttemptAt: lease }).where(eq(packEmails.id, e.emailId)).run();
    return due;
  });
}

export function markEmailSent(db: Db, { emailId, now }: { emailId: number; now: Date }): void {
  db.update(packEmails)
    .set({ sentAt: now, attempts: sql`${packEmails.attempts} + 1`, lastError: null })
    .where(eq(packEmails.id, emailId))
    .run();
}

/** A failed attempt: retried after the next delay, or given up after the last. */
export function markEmailFailed(
  db: Db,
  { emailId, attempts, error, now }: { emailId: number; attempts: number; error: string; now: Date },
): { willRetry: boolean } {
  const { willRetry, ...row } = afterFailedAttempt({ attempts, error, now });
  db.update(packEmails)
    .set({ ...row, failedAt: willRetry ? null : now })
    .where(eq(packEmails.id, emailId))
    .run();
  return { willRetry };
}

type PackEmailCounts = { queued: number; sent: number; failed: number };

export function countPackEmails(db: Db, packId: number): PackEmailCounts {
  const row = db
    .select({
      queued: sql<number>`coalesce(sum(case when ${packEmails.sentAt} is null and ${packEmails.failedAt} is null then 1 else 0 end), 0)`,
      sent: sql<number>`coalesce(sum(case when ${packEmails.sentAt} is not null then 1 else 0 end), 0)`,
      failed: sql<number>`coalesce(sum(case when ${packEmails.failedAt} is not null then 1 else 0 end), 0)`,
    })
    .from(packEmails)
    .where(eq(packEmails.packId, packId))
    .get();
  return row ?? { queued: 0, sent: 0, failed: 0 };
}
