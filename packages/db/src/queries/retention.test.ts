import { hashToken } from "@wardpanel/auth";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { returnedRow } from "../returned-row";
import { concerns, packEmails, packs, publicSignIns, sessions, subscribers, unsubscribedAddresses } from "../schema";
import { createTestDb, seedPanelWithMembers, seedPublishedMeeting } from "../testing";
import { addPublicSignIn } from "./attendance";
import { emailHash, runRetention, UNSUBSCRIBED_ADDRESS_DAYS } from "./retention";
import {
  confirmSubscription,
  findSubscriptionByUnsubscribeToken,
  requestSubscription,
  unsubscribe,
} from "./subscriptions";

const WARD = "E05013653";
const NOW = new Date("2030-06-15T12:00:00.000Z");
const CUT_OFF = new Date("2029-06-15T12:00:00.000Z"); // 12 months before NOW
const UNSUBSCRIBED_CUT_OFF = new Date(NOW.getTime() - UNSUBSCRIBED_ADDRESS_DAYS * 86_400_000);
const before = (at: Date) => new Date(at.getTime() - 1);
const after = (at: Date) => new Date(at.getTime() + 1);

function seed() {
  const db = createTestDb();
  const { chair } = seedPanelWithMembers(db, WARD, 1);
  db.insert(sessions)
    .values([
      { id: "expired", userId: chair.id, expiresAt: before(NOW) },
      { id: "current", userId: chair.id, expiresAt: after(NOW) },
    ])
    .run();

  const meetingId = seedPublishedMeeting(db, {
    wardCode: WARD,
    date: "2029-06-11",
    now: new Date("2029-05-01T12:00:00Z"),
  });
  addPublicSignIn(db, {
    wardCode: WARD,
    meetingId,
    name: "Old Sign-in",
    email: "old@example.test",
    now: before(CUT_OFF),
  });
  addPublicSignIn(db, {
    wardCode: WARD,
    meetingId,
    name: "New Sign-in",
    email: "new@example.test",
    now: after(CUT_OFF),
  });

  const concern = {
    wardCode: WARD,
    source: "meeting" as const,
    description: "Speeding",
    location: "Gower Street",
    category: "road-safety" as const,
    hasConsent: true,
  };
  db.insert(concerns)
    .values([
      { ...concern, raisedBy: "Old Raiser", contactEmail: "old-raiser@example.test", createdAt: before(CUT_OFF) },
      { ...concern, raisedBy: "New Raiser", contactEmail: "new-raiser@example.test", createdAt: after(CUT_OFF) },
      { ...concern, hasConsent: false, createdAt: before(CUT_OFF) },
    ])
    .run();

  const subscribe = (email: string, at: Date, { confirm = true } = {}) => {
    const { confirmToken } = requestSubscription(db, {
      wardCode: WARD,
      email,
      unsubscribeToken: `unsubscribe-${email}`,
      now: at,
    });
    if (confirm) confirmSubscription(db, { token: confirmToken!, now: at });
  };
  subscribe("left-long-ago@example.test", new Date("2029-01-01T00:00:00Z"));
  unsubscribe(db, { token: "unsubscribe-left-long-ago@example.test", now: before(UNSUBSCRIBED_CUT_OFF) });
  subscribe("left-lately@example.test", new Date("2029-01-01T00:00:00Z"));
  unsubscribe(db, { token: "unsubscribe-left-lately@example.test", now: after(UNSUBSCRIBED_CUT_OFF) });
  subscribe("faithful@example.test", new Date("2020-01-01T00:00:00Z"));
  subscribe("never-confirmed-old@example.test", before(CUT_OFF), { confirm: false });
  subscribe("never-confirmed-new@example.test", after(CUT_OFF), { confirm: false });

  // A pack e-mail queued to the subscriber who left long ago goes with their address.
  const packId = returnedRow(
    db.insert(packs).values({ wardCode: WARD, month: "2030-05", updatedAt: NOW }).returning({ id: packs.id }),
  ).id;
  const leaverId = db
    .select({ id: subscribers.id })
    .from(subscribers)
    .where(eq(subscribers.email, "left-long-ago@example.test"))
    .get()!.id;
  db.insert(packEmails).values({ packId, subscriberId: leaverId, nextAttemptAt: NOW }).run();
  return db;
}

describe("the retention run", () => {
  it("deletes what is past its cut-off and nothing on the other side of it", () => {
    const db = seed();
    const removed = runRetention(db, { now: NOW, retentionMonths: 12 });

    expect(removed).toEqual({
      expiredSessions: 1,
      publicSignIns: 1,
      concernContacts: 1,
      messageContacts: 0,
      unsubscribedAddresses: 1,
      unconfirmedSubscriptions: 1,
    });
    expect(db.select({ id: sessions.id }).from(sessions).all()).toEqual([{ id: "current" }]);
    expect(db.select({ name: publicSignIns.name }).from(publicSignIns).all()).toEqual([{ name: "New Sign-in" }]);
    // Concerns stay; only who raised the old one is forgotten.
    expect(
      db
        .select({ raisedBy: concerns.raisedBy, contactEmail: concerns.contactEmail, description: concerns.description })
        .from(concerns)
        .all(),
    ).toEqual([
      { raisedBy: "", contactEmail: "", description: "Speeding" },
      { raisedBy: "New Raiser", contactEmail: "new-raiser@example.test", description: "Speeding" },
      { raisedBy: "", contactEmail: "", description: "Speeding" },
    ]);
    expect(
      db
        .select({ email: subscribers.email })
        .from(subscribers)
        .all()
        .map((s) => s.email)
        .sort(),
    ).toEqual(["faithful@example.test", "left-lately@example.test", "never-confirmed-new@example.test"]);
    // The unsubscribe is remembered by its hash alone; its queued e-mail is gone with the address.
    expect(db.select().from(unsubscribedAddresses).all()).toEqual([
      {
        id: 1,
        wardCode: WARD,
        emailHash: emailHash("left-long-ago@example.test"),
        unsubscribeTokenHash: hashToken("unsubscribe-left-long-ago@example.test"),
        unsubscribedAt: before(UNSUBSCRIBED_CUT_OFF),
      },
    ]);
    expect(db.select().from(packEmails).all()).toEqual([]);
  });

  it("does nothing more when run again", () => {
    const db = seed();
    runRetention(db, { now: NOW, retentionMonths: 12 });
    expect(runRetention(db, { now: NOW, retentionMonths: 12 })).toEqual({
      expiredSessions: 0,
      publicSignIns: 0,
      concernContacts: 0,
      messageContacts: 0,
      unsubscribedAddresses: 0,
      unconfirmedSubscriptions: 0,
    });
  });

  it("follows RETENTION_MONTHS", () => {
    const db = seed();
    // Three years: only expired sessions and the old unsubscribe are due.
    expect(runRetention(db, { now: NOW, retentionMonths: 36 })).toEqual({
      expiredSessions: 1,
      publicSignIns: 0,
      concernContacts: 0,
      messageContacts: 0,
      unsubscribedAddresses: 1,
      unconfirmedSubscriptions: 0,
    });
  });

  it("keeps the unsubscribe link in old e-mails working once only the hash is left", () => {
    const db = seed();
    runRetention(db, { now: NOW, retentionMonths: 12 });
    const token = "unsubscribe-left-long-ago@example.test";
    expect(findSubscriptionByUnsubscribeToken(db, token)).toEqual({
      id: null,
      wardCode: WARD,
      wardName: "Bloomsbury",
      email: "",
      isConfirmed: true,
      isUnsubscribed: true,
    });
    expect(unsubscribe(db, { token, now: NOW })).toMatchObject({ wardCode: WARD, isUnsubscribed: true });
  });

  it("lets the address subscribe again by double opt-in, and the confirmation replaces the remembered unsubscribe", () => {
    const db = seed();
    runRetention(db, { now: NOW, retentionMonths: 12 });
    const { confirmToken } = requestSubscription(db, {
      wardCode: WARD,
      email: "Left-Long-Ago@example.test",
      unsubscribeToken: "unsubscribe-left-long-ago@example.test",
      now: NOW,
    });
    // Asked for, not yet confirmed: no update is sent, and the unsubscribe is still remembered.
    expect(
      db
        .select({ confirmedAt: subscribers.confirmedAt })
        .from(subscribers)
        .where(eq(subscribers.email, "left-long-ago@example.test"))
        .all(),
    ).toEqual([{ confirmedAt: null }]);
    expect(db.select().from(unsubscribedAddresses).all()).toHaveLength(1);
    confirmSubscription(db, { token: confirmToken!, now: NOW });
    expect(db.select().from(unsubscribedAddresses).all()).toEqual([]);
  });
});
