import { seedPanelWithMembers, seedPublishedMeeting, seedUser } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { callerFor, createTestDb } from "../testing";

const WARD = "E05013653";

/**
 * The public's names and e-mails (sign-ins, who raised a concern) reach only those who record the
 * meeting and report back: sergeant, chair, minute-taker and admins. Panel members see counts.
 */
describe("the public's personal details at a meeting", () => {
  async function seedMeeting() {
    const db = createTestDb();
    const { chair, members } = seedPanelWithMembers(db, WARD, 1);
    const minuteTaker = await seedUser(db, { roles: [{ role: "minute_taker", wardCode: WARD }] });
    const sergeant = await seedUser(db, { roles: [{ role: "sergeant", wardCode: WARD }] });
    const admin = await seedUser(db, { roles: [{ role: "admin" }] });
    const meetingId = seedPublishedMeeting(db, {
      wardCode: WARD,
      date: "2030-03-03",
      now: new Date("2030-02-01T12:00:00Z"),
    });
    const ref = { wardCode: WARD, meetingId };
    const chairCaller = callerFor(db, chair.id, { now: () => new Date("2030-03-03T19:00:00Z") });
    await chairCaller.attendance.addPublicSignIn({
      ...ref,
      name: "Sam Resident",
      email: "sam@example.test",
      consent: true,
    });
    await chairCaller.live.start(ref);
    await chairCaller.live.recordConcern({
      ...ref,
      description: "Speeding",
      location: "Gower Street",
      category: "road-safety",
      hasConsent: true,
      raisedBy: "Sam Resident",
      contactEmail: "sam@example.test",
    });
    return { db, ref, member: members[0]!, chair, minuteTaker, sergeant, admin };
  }

  it("are refused to a panel member, who sees only how many signed in", async () => {
    const { db, ref, member } = await seedMeeting();
    const caller = callerFor(db, member.id);
    const attendance = await caller.attendance.forMeeting(ref);
    expect(attendance.publicSignInCount).toBe(1);
    expect(attendance.publicSignIns).toBeNull();
    const live = await caller.live.view(ref);
    expect(live.concerns).toMatchObject([{ description: "Speeding", raisedBy: "" }]);
    expect(JSON.stringify([attendance, live])).not.toMatch(/Sam Resident|sam@example\.test/);
  });

  it("are given to the chair, sergeant, minute-taker and admins", async () => {
    const { db, ref, chair, minuteTaker, sergeant, admin } = await seedMeeting();
    for (const person of [chair, minuteTaker, sergeant, admin]) {
      const caller = callerFor(db, person.id);
      const attendance = await caller.attendance.forMeeting(ref);
      expect(attendance.publicSignIns).toMatchObject([{ name: "Sam Resident", email: "sam@example.test" }]);
      expect((await caller.live.view(ref)).concerns).toMatchObject([{ raisedBy: "Sam Resident" }]);
    }
  });

  it("show the sergeant who to report back to in the concern queue", async () => {
    const { db, sergeant } = await seedMeeting();
    const queue = await callerFor(db, sergeant.id).concerns.queue({ wardCode: WARD });
    expect(queue).toMatchObject([
      { description: "Speeding", raisedBy: "Sam Resident", contactEmail: "sam@example.test" },
    ]);
  });
});
