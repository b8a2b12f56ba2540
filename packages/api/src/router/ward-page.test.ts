import { seedActivePriority, seedMeetingHistory, seedPanelWithMembers } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { callerFor, createTestDb } from "../testing";

const WARD = "E05013653"; // Bloomsbury, Camden
const NOW = new Date("2026-12-15T12:00:00Z");

/** What the public ward page reads beyond the ward itself: past meetings, and priorities' reviews. */
describe("the public ward page's procedures", () => {
  it("pages the ward's past meetings, newest first, each saying whether its minutes are published", async () => {
    const db = createTestDb();
    const dates = Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}-13`);
    const ids = seedMeetingHistory(db, { wardCode: WARD, dates });
    const caller = callerFor(db, null, { now: () => NOW });

    const first = await caller.publicMeeting.past({ wardCode: WARD, page: 1 });
    expect(first).toMatchObject({ page: 1, perPage: 10, total: 11, hasOlder: true });
    expect(first.meetings.map((m) => m.id)).toEqual(ids.slice(1).reverse());
    expect(first.meetings[0]).toMatchObject({ date: "2026-11-13", minutesPublishedAt: null, hasAgenda: false });
    expect(first.meetings[1]!.minutesPublishedAt).toBe("2026-11-14T19:00:00.000Z");

    const second = await caller.publicMeeting.past({ wardCode: WARD, page: 2 });
    expect(second.meetings.map((m) => m.id)).toEqual([ids[0]]);
    expect(second.hasOlder).toBe(false);
    await expect(caller.publicMeeting.past({ wardCode: "E05999999", page: 1 })).rejects.toThrow();
  });

  it("says when each priority was last reviewed and marks one not reviewed for 90 days out of date", async () => {
    const db = createTestDb();
    seedPanelWithMembers(db, WARD, 1);
    const stale = seedActivePriority(db, {
      wardCode: WARD,
      now: new Date("2026-08-20T12:00:00Z"),
      fields: { startDate: "2026-08-20", reviewDate: "2027-01-31" },
    });
    const fresh = seedActivePriority(db, {
      wardCode: WARD,
      now: new Date("2026-11-02T12:00:00Z"),
      fields: { title: "Cycle theft", startDate: "2026-11-02", reviewDate: "2027-01-10" },
    });
    const { priorities } = await callerFor(db, null, { now: () => NOW }).priorities.library({ wardCode: WARD });
    expect(priorities.find((p) => p.id === stale)).toMatchObject({
      lastReviewed: "2026-08-20",
      nextReviewBy: "2026-11-18",
      isOutOfDate: true,
    });
    expect(priorities.find((p) => p.id === fresh)).toMatchObject({
      lastReviewed: "2026-11-02",
      nextReviewBy: "2027-01-10",
      isOutOfDate: false,
    });
  });
});
