import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { attendance, concerns, meetingGuests, officers, sessions, subscribers, teamMessages, users } from "../schema";
import { createTestDb, seedPanelWithMembers, seedPublishedMeeting, seedTeam, seedUser } from "../testing";
import { listAgendaItems } from "./agenda";
import { addGuest, addPublicSignIn, markAttendance } from "./attendance";
import { issueNewAccountLink } from "./invitations";
import { addAction, recordMeetingConcern, startMeeting } from "./live";
import { exportPersonalData } from "./personal-data";
import { erasePersonalData, FORMER_MEMBER } from "./personal-data-erase";
import { runRetention } from "./retention";
import { confirmSubscription, requestSubscription, unsubscribe } from "./subscriptions";

const WARD = "E05013653";
const OTHER_WARD = "E05013662";
const NOW = new Date("2030-03-10T12:00:00.000Z");

function subscribe(db: ReturnType<typeof createTestDb>, wardCode: string, email: string, at: Date) {
  const { confirmToken } = requestSubscription(db, {
    wardCode,
    email,
    unsubscribeToken: `unsub-${wardCode}-${email}`,
    now: at,
  });
  confirmSubscription(db, { token: confirmToken!, now: at });
}

describe("a subscriber's data", () => {
  it("is exported, including an unsubscribe remembered only as a hash, and erased entirely", () => {
    const db = createTestDb();
    subscribe(db, WARD, "Reader@Example.test", new Date("2030-01-05T09:00:00Z"));
    subscribe(db, OTHER_WARD, "reader@example.test", new Date("2029-06-01T09:00:00Z"));
    unsubscribe(db, { token: `unsub-${OTHER_WARD}-reader@example.test`, now: new Date("2029-08-01T09:00:00Z") });
    subscribe(db, WARD, "someone-else@example.test", new Date("2030-01-05T09:00:00Z"));
    runRetention(db, { now: NOW, retentionMonths: 12 });

    const held = exportPersonalData(db, { email: " READER@example.test ", now: NOW });
    expect(held.email).toBe("reader@example.test");
    expect(held.account).toBeNull();
    expect(held.subscriptions).toEqual([
      {
        wardCode: WARD,
        wardName: "Bloomsbury",
        subscribedAt: "2030-01-05T09:00:00.000Z",
        confirmedAt: "2030-01-05T09:00:00.000Z",
        unsubscribedAt: null,
        packEmailsSent: 0,
      },
    ]);
    expect(held.rememberedUnsubscribes).toEqual([
      { wardCode: OTHER_WARD, wardName: "Holborn & Covent Garden", unsubscribedAt: "2029-08-01T09:00:00.000Z" },
    ]);

    const erased = erasePersonalData(db, { email: "reader@example.test", actingUserId: null });
    expect(erased).toMatchObject({
      accountAnonymised: false,
      subscriptionsDeleted: 1,
      rememberedUnsubscribesDeleted: 1,
    });
    const after = exportPersonalData(db, { email: "reader@example.test", now: NOW });
    expect(after.subscriptions).toEqual([]);
    expect(after.rememberedUnsubscribes).toEqual([]);
    // Another subscriber is untouched.
    expect(db.select({ email: subscribers.email }).from(subscribers).all()).toEqual([
      { email: "someone-else@example.test" },
    ]);
  });
});

describe("a member of the public who raised a concern and signed in at a meeting", () => {
  it("is exported, then erased: the sign-in deleted, the concern kept without their name and e-mail", () => {
    const db = createTestDb();
    seedPanelWithMembers(db, WARD, 1);
    const meetingId = seedPublishedMeeting(db, {
      wardCode: WARD,
      date: "2030-03-03",
      now: new Date("2030-02-01T12:00:00Z"),
    });
    const ref = { wardCode: WARD, meetingId };
    startMeeting(db, { ...ref, now: new Date("2030-03-03T19:00:00Z") });
    const concern = {
      description: "Drug dealing by the gardens",
      location: "Russell Square",
      category: "drugs" as const,
      hasConsent: true,
      raisedBy: "Sam Resident",
      contactEmail: "sam@example.test",
    };
    const concernId = recordMeetingConcern(db, { ...ref, concern, now: new Date("2030-03-03T19:20:00Z") });
    recordMeetingConcern(db, {
      ...ref,
      concern: { ...concern, raisedBy: "Alex", contactEmail: "alex@example.test" },
      now: new Date("2030-03-03T19:25:00Z"),
    });
    addPublicSignIn(db, {
      ...ref,
      name: "Sam Resident",
      email: "SAM@example.test",
      now: new Date("2030-03-03T19:05:00Z"),
    });

    db.insert(teamMessages)
      .values({
        wardCode: WARD,
        reference: "WM-TESTTEST",
        topic: "drugs",
        body: "Dealing by the gardens every evening",
        name: "Sam Resident",
        contactEmail: "sam@example.test",
        contactPhone: "07700 900123",
        hasConsent: true,
        receivedAt: new Date("2030-03-04T10:00:00Z"),
      })
      .run();

    const held = exportPersonalData(db, { email: "sam@example.test", now: NOW });
    expect(held.messagesSent).toMatchObject([
      {
        reference: "WM-TESTTEST",
        name: "Sam Resident",
        contactPhone: "07700 900123",
        receivedAt: "2030-03-04T10:00:00.000Z",
      },
    ]);
    expect(held.concernsRaised).toEqual([
      {
        id: concernId,
        wardCode: WARD,
        raisedAt: "2030-03-03T19:20:00.000Z",
        source: "meeting",
        description: "Drug dealing by the gardens",
        location: "Russell Square",
        raisedBy: "Sam Resident",
        contactEmail: "sam@example.test",
        status: "new",
      },
    ]);
    expect(held.publicSignIns).toMatchObject([
      {
        meetingId,
        wardCode: WARD,
        name: "Sam Resident",
        email: "sam@example.test",
        consentedAt: "2030-03-03T19:05:00.000Z",
      },
    ]);

    expect(erasePersonalData(db, { email: "sam@example.test", actingUserId: null })).toMatchObject({
      concernContactsCleared: 1,
      messageContactsCleared: 1,
      publicSignInsDeleted: 1,
    });
    const after = exportPersonalData(db, { email: "sam@example.test", now: NOW });
    expect(after.messagesSent).toEqual([]);
    expect(
      db
        .select({ body: teamMessages.body, name: teamMessages.name, phone: teamMessages.contactPhone })
        .from(teamMessages)
        .all(),
    ).toEqual([{ body: "Dealing by the gardens every evening", name: "", phone: "" }]);
    expect(after.concernsRaised).toEqual([]);
    expect(after.publicSignIns).toEqual([]);
    expect(
      db
        .select({ description: concerns.description, raisedBy: concerns.raisedBy, contactEmail: concerns.contactEmail })
        .from(concerns)
        .all(),
    ).toEqual([
      { description: "Drug dealing by the gardens", raisedBy: "", contactEmail: "" },
      { description: "Drug dealing by the gardens", raisedBy: "Alex", contactEmail: "alex@example.test" },
    ]);
  });
});

describe("a staff member's data", () => {
  async function seedChair() {
    const db = createTestDb();
    const panel = seedPanelWithMembers(db, WARD, 2);
    const admin = await seedUser(db, { roles: [{ role: "admin" }] });
    const chair = panel.chair;
    db.update(users).set({ name: "Priya Shah", email: "priya@example.test" }).where(eq(users.id, chair.id)).run();
    db.insert(sessions)
      .values({ id: "priya-session", userId: chair.id, expiresAt: new Date("2030-04-01T00:00:00Z") })
      .run();
    issueNewAccountLink(db, { userId: chair.id, createdBy: admin.id, now: new Date("2030-01-01T00:00:00Z") });
    seedTeam(db, WARD, { officers: [{ name: "Priya Shah", rank: "Sergeant", userId: chair.id }] });
    const meetingId = seedPublishedMeeting(db, {
      wardCode: WARD,
      date: "2030-03-03",
      now: new Date("2030-02-01T12:00:00Z"),
    });
    const ref = { wardCode: WARD, meetingId };
    markAttendance(db, { ...ref, userId: chair.id, status: "present", now: new Date("2030-03-03T19:00:00Z") });
    addGuest(db, { ...ref, kind: "partner", name: "Priya Shah", organisation: "Camden Council", now: NOW });
    addGuest(db, { ...ref, kind: "police", name: "PC Jones", organisation: "", now: NOW });
    startMeeting(db, { ...ref, now: new Date("2030-03-03T19:00:00Z") });
    const [item] = listAgendaItems(db, meetingId);
    addAction(db, {
      ...ref,
      itemId: item!.id,
      action: { description: "Write to the council", owner: "priya shah", dueDate: "2030-03-31" },
      now: NOW,
    });
    return { db, chair, admin, meetingId, members: panel.members };
  }

  it("is exported: account, roles, sessions, invitations, attendance, team listing, and what names them", async () => {
    const { db, meetingId } = await seedChair();
    const held = exportPersonalData(db, { email: "priya@example.test", now: NOW });
    expect(held.account).toMatchObject({
      name: "Priya Shah",
      email: "priya@example.test",
      isActive: true,
      hasPassword: false,
    });
    expect(held.roles).toMatchObject([{ role: "chair", wardCode: WARD, wardName: "Bloomsbury" }]);
    expect(held.activeSessions).toBe(1);
    expect(held.invitations).toHaveLength(1);
    expect(held.attendance).toMatchObject([{ meetingId, wardCode: WARD, status: "present" }]);
    expect(held.teamListings).toEqual([{ wardCode: WARD, name: "Priya Shah", rank: "Sergeant" }]);
    expect(held.meetingGuests).toMatchObject([{ meetingId, name: "Priya Shah", organisation: "Camden Council" }]);
    expect(held.actionsOwned).toMatchObject([{ description: "Write to the council", owner: "priya shah" }]);
  });

  it("is erased by anonymising the account: what the role did stays, as Former member", async () => {
    const { db, chair, admin, meetingId, members } = await seedChair();
    const erased = erasePersonalData(db, { email: "priya@example.test", actingUserId: admin.id });
    expect(erased).toEqual({
      accountAnonymised: true,
      rolesRemoved: 1,
      sessionsEnded: 1,
      invitationsDeleted: 1,
      teamListingsRemoved: 1,
      guestNamesReplaced: 1,
      actionOwnersReplaced: 1,
      subscriptionsDeleted: 0,
      rememberedUnsubscribesDeleted: 0,
      concernContactsCleared: 0,
      messageContactsCleared: 0,
      publicSignInsDeleted: 0,
    });
    const account = db.select().from(users).where(eq(users.id, chair.id)).get()!;
    expect(account).toMatchObject({
      name: FORMER_MEMBER,
      email: `former-member-${chair.id}@erased.invalid`,
      passwordHash: null,
      isActive: false,
      lastSignInAt: null,
    });
    // The record of the meeting keeps their attendance, under the anonymised account.
    expect(
      db
        .select({ userId: attendance.userId, status: attendance.status })
        .from(attendance)
        .where(eq(attendance.meetingId, meetingId))
        .all(),
    ).toEqual([{ userId: chair.id, status: "present" }]);
    expect(
      db.select({ name: meetingGuests.name, organisation: meetingGuests.organisation }).from(meetingGuests).all(),
    ).toEqual([
      { name: FORMER_MEMBER, organisation: "Camden Council" },
      { name: "PC Jones", organisation: "" },
    ]);
    expect(db.select().from(officers).all()).toEqual([]);
    expect(exportPersonalData(db, { email: "priya@example.test", now: NOW }).account).toBeNull();
    // Nobody else changed.
    for (const member of members)
      expect(exportPersonalData(db, { email: member.email, now: NOW }).roles).toHaveLength(1);
    expect(exportPersonalData(db, { email: admin.email, now: NOW }).account?.isActive).toBe(true);
  });

  it("is not erased by the admin it belongs to, nor when it is the only admin", async () => {
    const { db, admin } = await seedChair();
    expect(() => erasePersonalData(db, { email: admin.email, actingUserId: admin.id })).toThrow(
      "You cannot erase your own account",
    );
    expect(() => erasePersonalData(db, { email: admin.email, actingUserId: null })).toThrow("This is the only admin");
    expect(exportPersonalData(db, { email: admin.email, now: NOW }).roles).toMatchObject([{ role: "admin" }]);
  });
});
