import { describe, expect, it } from "vitest";

import { buildMeetingDetails, createTestDb, seedMeetingHistory, seedPublishedMeeting } from "../testing";
import { cancelMeeting, createMeeting } from "./meetings";
import { calendarHorizon, getPublicMeeting, listCalendarMeetings, listPastMeetings } from "./public-meetings";

const WARD = "E05013653"; // Bloomsbury, Camden
const NOW = new Date("2026-12-15T12:00:00Z");

/** Twelve monthly meetings, December 2025 to November 2026: eleven minuted, the last held. */
const DATES = Array.from({ length: 12 }, (_, i) => {
  const month = ((11 + i) % 12) + 1;
  return `${month === 12 ? 2025 : 2026}-${String(month).padStart(2, "0")}-10`;
});

describe("public meetings", () => {
  it("lists held meetings newest first, ten to a page, with their minutes' date", () => {
    const db = createTestDb();
    const ids = seedMeetingHistory(db, { wardCode: WARD, dates: DATES });
    seedPublishedMeeting(db, { wardCode: WARD, date: "2027-01-12", now: NOW }); // still to come

    const first = listPastMeetings(db, { wardCode: WARD, page: 1, now: NOW });
    expect(first.meetings.map((m) => m.meeting.id)).toEqual(ids.slice(2).reverse());
    expect(first).toMatchObject({ total: 12, hasOlder: true });
    expect(first.meetings[0]).toMatchObject({ minutesPublishedAt: null, meeting: { status: "held" } });
    expect(first.meetings[1]!.minutesPublishedAt).toEqual(new Date("2026-11-11T19:00:00Z"));

    const second = listPastMeetings(db, { wardCode: WARD, page: 2, now: NOW });
    expect(second.meetings.map((m) => m.meeting.id)).toEqual([ids[1], ids[0]]);
    expect(second.hasOlder).toBe(false);
    expect(listPastMeetings(db, { wardCode: "E05013652", page: 1, now: NOW }).meetings).toEqual([]);
  });

  it("keeps the calendar's meetings for 12 months after they start, and never a draft", () => {
    const db = createTestDb();
    const [oldest, ...rest] = seedMeetingHistory(db, { wardCode: WARD, dates: ["2025-11-11", ...DATES] });
    const draft = createMeeting(db, {
      wardCode: WARD,
      date: "2027-02-09",
      details: buildMeetingDetails(),
      createdBy: null,
      now: NOW,
    });
    const upcoming = seedPublishedMeeting(db, { wardCode: WARD, date: "2027-01-12", now: NOW });
    const cancelled = seedPublishedMeeting(db, { wardCode: WARD, date: "2027-03-09", now: NOW });
    cancelMeeting(db, { wardCode: WARD, meetingId: cancelled, reason: "Hall closed", now: NOW });

    expect(calendarHorizon(NOW)).toEqual(new Date("2025-12-15T12:00:00Z"));
    const ids = listCalendarMeetings(db, { wardCode: WARD, now: NOW }).map((m) => m.id);
    expect(ids).toEqual([...rest.slice(1), upcoming, cancelled]);
    expect(ids).not.toContain(oldest);
    expect(ids).not.toContain(draft);
    expect(() => getPublicMeeting(db, WARD, draft)).toThrow("There is no such meeting for this ward");
    expect(getPublicMeeting(db, WARD, upcoming).id).toBe(upcoming);
  });
});
