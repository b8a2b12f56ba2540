import { generateToken, hashToken } from "@wardpanel/auth";
import { DomainError } from "@wardpanel/validators";
import { and, eq } from "drizzle-orm";

import type { Db } from "../client";
import { returnedRow } from "../returned-row";
import { subscribers, unsubscribedAddresses } from "../schema";
import { emailHash } from "./retention";
import { getWard } from "./wards";

type RequestSubscriptionParams = {
  wardCode: string;
  email: string;
  /**
   * The one-click unsubscribe token. The caller derives it (an HMAC of ward and address with a
   * server secret) so every e-mail can carry it again later while the database holds only a hash.
   */
  unsubscribeToken: string;
  /** The language the person chose for their e-mails (a catalogue code); asking again changes it. */
  language?: string;
  now: Date;
};

/**
 * Double opt-in, step one: records the address unconfirmed and returns the confirmation token to
 * e-mail, or null when the address is already a confirmed subscriber (nothing to send; the page
 * says the same either way, so it does not reveal who subscribes).
 */
export function requestSubscription(
  db: Db,
  { wardCode, email, unsubscribeToken, language = "en", now }: RequestSubscriptionParams,
): { confirmToken: string | null; subscriberId: number } {
  getWard(db, wardCode);
  const address = email.trim().toLowerCase();
  return db.transaction((tx) => {
    const existing = tx
      .select()
      .from(subscribers)
      .where(and(eq(subscribers.wardCode, wardCode), eq(subscribers.email, address)))
      .get();
    if (existing && existing.confirmedAt && !existing.unsubscribedAt) {
      tx.update(subscribers).set({ language }).where(eq(subscribers.id, existing.id)).run();
      return { confirmToken: null, subscriberId: existing.id };
    }
    const confirmToken = generateToken();
    const values = {
      confirmTokenHash: hashToken(confirmToken),
      unsubscribeTokenHash: hashToken(unsubscribeToken),
      confirmedAt: null,
      unsubscribedAt: null,
      language,
    };
    if (existing) {
      tx.update(subscribers).set(values).where(eq(subscribers.id, existing.id)).run();
      return { confirmToken, subscriberId: existing.id };
    }
    const id = returnedRow(
      tx
        .insert(subscribers)
        .values({ wardCode, email: address, createdAt: now, ...values })
        .returning({ id: subscribers.id }),
    ).id;
    return { confirmToken, subscriberId: id };
  });
}

export type SubscriptionView = {
  wardCode: string;
  wardName: string;
  email: string;
  isConfirmed: boolean;
  isUnsubscribed: boolean;
};

function view(db: Db, row: typeof subscribers.$inferSelect): SubscriptionView {
  return {
    wardCode: row.wardCode,
    wardName: getWard(db, row.wardCode).name,
    email: row.email,
    isConfirmed: row.confirmedAt !== null,
    isUnsubscribed: row.unsubscribedAt !== null,
  };
}

/**
 * Step two: the link in the confirmation e-mail. Following it again changes nothing. A new
 * confirmation replaces an unsubscribe remembered for this address and ward (docs/personal-data.md).
 */
export function confirmSubscription(db: Db, { token, now }: { token: string; now: Date }): SubscriptionView {
  const row = db
    .select()
    .from(subscribers)
    .where(eq(subscribers.confirmTokenHash, hashToken(token)))
    .get();
  if (!row)
    throw new DomainError(
      "not_found",
      "This confirmation link is not valid. It may have been replaced by a newer one: subscribe again.",
    );
  if (row.unsubscribedAt) return view(db, row);
  if (!row.confirmedAt) {
    db.transaction(() => {
      db.update(subscribers).set({ confirmedAt: now }).where(eq(subscribers.id, row.id)).run();
      db.delete(unsubscribedAddresses)
        .where(
          and(
            eq(unsubscribedAddresses.wardCode, row.wardCode),
            eq(unsubscribedAddresses.emailHash, emailHash(row.email)),
          ),
        )
        .run();
    });
  }
  return view(db, { ...row, confirmedAt: row.confirmedAt ?? now });
}

/**
 * The subscription an unsubscribe link belongs to. Once only the hash of an unsubscribed address
 * is kept, its link still finds the ward and answers "unsubscribed": `id` is then null and
 * `email` empty, since the address is no longer held.
 */
export function findSubscriptionByUnsubscribeToken(db: Db, token: string): SubscriptionView & { id: number | null } {
  const row = db
    .select()
    .from(subscribers)
    .where(eq(subscribers.unsubscribeTokenHash, hashToken(token)))
    .get();
  if (row) return { id: row.id, ...view(db, row) };
  const remembered = db
    .select()
    .from(unsubscribedAddresses)
    .where(eq(unsubscribedAddresses.unsubscribeTokenHash, hashToken(token)))
    .get();
  if (!remembered) throw new DomainError("not_found", "This unsubscribe link is not valid.");
  return {
    id: null,
    wardCode: remembered.wardCode,
    wardName: getWard(db, remembered.wardCode).name,
    email: "",
    isConfirmed: true,
    isUnsubscribed: true,
  };
}

/** One-click unsubscribe (RFC 8058). Idempotent: unsubscribing twice is still unsubscribed. */
export function unsubscribe(db: Db, { token, now }: { token: string; now: Date }): SubscriptionView {
  const found = findSubscriptionByUnsubscribeToken(db, token);
  if (found.id !== null && !found.isUnsubscribed)
    db.update(subscribers).set({ unsubscribedAt: now }).where(eq(subscribers.id, found.id)).run();
  return { ...found, isUnsubscribed: true };
}
