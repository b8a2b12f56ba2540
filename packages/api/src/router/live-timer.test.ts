import { TRPCError } from "@trpc/server";
import { seedPanelWithMembers, seedPublishedMeeting } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { callerFor, createTestDb } from "../testing";

const WARD = "E05013653";

/** A chair whose calls happen at the instant `clock.at` says, so the timer can be read minutes apart. */
function meetingWithClock() {
  const db = createTestDb();
  const panel = seedPanelWithMembers(db, WARD, 1);
  const meetingId = seedPublishedMeeting(db, {
    wardCode: WARD,
    date: "2026-11-25",
    now: new Date("2026-11-01T12:00:00Z"),
  });
  const clock = { at: new Date("2026-11-25T19:00:00Z") };
  const as = (userId: number) => callerFor(db, userId, { now: () => clock.at });
  const minutesLater = (minutes: number) => {
    clock.at = new Date(clock.at.getTime() + minutes * 60_000);
  };
  return {
    chair: as(panel.chair.id),
    member: as(idOf(panel.members[0])),
    ref: { wardCode: WARD, meetingId },
    minutesLater,
  };
}

function idOf<T extends { id: number }>(user: T | undefined): number {
  if (!user) throw new Error("Expected a row with an id");
  return user.id;
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (error: unknown) => (error instanceof TRPCError ? `${error.code}: ${error.message}` : Promise.reject(error)),
  );

describe("pausing the item timer", () => {
  it("stops the clock for everyone and starts it again from where it stopped", async () => {
    const { chair, member, ref, minutesLater } = meetingWithClock();
    await chair.live.start(ref);
    minutesLater(3);
    await chair.live.pauseTimer(ref);

    const paused = await member.live.view(ref);
    const current = paused.items.find((i) => i.id === paused.currentItemId);
    expect(paused.isTimerPaused).toBe(true);
    expect(paused.currentItemStartedAt).toBeNull();
    expect(current?.secondsUsed).toBe(180);

    // Ten minutes of break do not count against the item.
    minutesLater(10);
    expect((await member.live.view(ref)).items.find((i) => i.id === paused.currentItemId)?.secondsUsed).toBe(180);
    await chair.live.resumeTimer(ref);
    minutesLater(2);
    const resumed = await member.live.view(ref);
    expect(resumed.isTimerPaused).toBe(false);
    expect(resumed.currentItemStartedAt).toBe("2026-11-25T19:13:00.000Z");

    // Moving on banks 3 + 2 minutes on the first item.
    const next = idOf(resumed.items[1]);
    await chair.live.setCurrentItem({ ...ref, itemId: next });
    const moved = await member.live.view(ref);
    expect(moved.items.find((i) => i.id === paused.currentItemId)?.secondsUsed).toBe(300);
  });

  it("gives the meeting's end for the time left, and refuses pausing twice or pausing a meeting not started", async () => {
    const { chair, member, ref } = meetingWithClock();
    expect(await refusal(chair.live.pauseTimer(ref))).toMatch(/^CONFLICT/);
    await chair.live.start(ref);
    const view = await chair.live.view(ref);
    expect(Date.parse(view.endsAt)).toBeGreaterThan(Date.parse(view.serverNow));
    await chair.live.pauseTimer(ref);
    expect(await refusal(chair.live.pauseTimer(ref))).toBe("CONFLICT: The timer is already paused.");
    expect(await refusal(member.live.resumeTimer(ref))).toMatch(/^FORBIDDEN/);
    await chair.live.resumeTimer(ref);
    expect(await refusal(chair.live.resumeTimer(ref))).toBe("CONFLICT: The timer is already running.");
  });
});
