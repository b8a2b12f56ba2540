import { createSignInLimiter } from "@wardpanel/api";
import { cancelMeeting, createMeeting, publishMeeting } from "@wardpanel/db/queries/meetings";
import { buildMeetingDetails, createTestDb } from "@wardpanel/db/testing";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";

import { buildServer } from "./app";

const BLOOMSBURY = "E05013653";

const details = buildMeetingDetails({ title: "Bloomsbury ward panel" });

describe("GET /wards/:wardCode/meetings.ics", () => {
  it("carries published meetings in London time across the clock change, and cancellations as cancelled, with stable UIDs", async () => {
    const db = createTestDb();
    const now = new Date();
    const year = now.getUTCFullYear() + 1;
    const october = createMeeting(db, { wardCode: BLOOMSBURY, date: `${year}-10-13`, details, createdBy: null, now });
    const november = createMeeting(db, { wardCode: BLOOMSBURY, date: `${year}-11-10`, details, createdBy: null, now });
    createMeeting(db, { wardCode: BLOOMSBURY, date: `${year}-12-08`, details, createdBy: null, now }); // a draft: not advertised
    publishMeeting(db, { wardCode: BLOOMSBURY, meetingId: october, now });
    publishMeeting(db, { wardCode: BLOOMSBURY, meetingId: november, now });

    const app = await buildServer({
      db,
      env: { COOKIE_SECURE: false, TRUST_PROXY: false, WEB_DIST: "/nonexistent", LOG_LEVEL: "silent" },
      signInLimiter: createSignInLimiter(),
    });
    const fetchCalendar = async () => {
      const response = await app.inject({ method: "GET", url: `/wards/${BLOOMSBURY}/meetings.ics` });
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toBe("text/calendar; charset=utf-8");
      const calendar = new ICAL.Component(ICAL.parse(response.body));
      return calendar.getAllSubcomponents("vevent");
    };

    const before = await fetchCalendar();
    expect(before).toHaveLength(2);
    const london = (e: ICAL.Component) =>
      new ICAL.Event(e).startDate
        .toJSDate()
        .toLocaleString("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit" });
    expect(before.map(london)).toEqual(["19:00", "19:00"]);
    const uids = before.map((e) => e.getFirstPropertyValue("uid"));

    cancelMeeting(db, { wardCode: BLOOMSBURY, meetingId: november, reason: "The library is closed", now });
    const after = await fetchCalendar();
    expect(after.map((e) => e.getFirstPropertyValue("uid"))).toEqual(uids);
    expect(after.map((e) => e.getFirstPropertyValue("status"))).toEqual(["CONFIRMED", "CANCELLED"]);
    expect(String(after[1]!.getFirstPropertyValue("description"))).toContain("Cancelled: The library is closed");
    expect(Number(after[1]!.getFirstPropertyValue("sequence"))).toBeGreaterThan(
      Number(before[1]!.getFirstPropertyValue("sequence") ?? 0),
    );

    expect((await app.inject({ method: "GET", url: "/wards/E05999999/meetings.ics" })).statusCode).toBe(404);
    await app.close();
  });
});
