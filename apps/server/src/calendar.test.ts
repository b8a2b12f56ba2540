import { createSignInLimiter } from "@wardpanel/api";
import { endMeeting, startMeeting } from "@wardpanel/db/queries/live";
import { cancelMeeting, createMeeting, getMeetingInWard, publishMeeting } from "@wardpanel/db/queries/meetings";
import { approveMinutes, circulateMinutes, draftMinutes, publishMinutes } from "@wardpanel/db/queries/minutes";
import {
  buildMeetingDetails,
  createTestDb,
  seedMeetingHistory,
  seedPanelWithMembers,
  seedPublishedMeeting,
} from "@wardpanel/db/testing";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";

import { buildServer } from "./app";

const BLOOMSBURY = "E05013653";

const details = buildMeetingDetails({ title: "Bloomsbury ward panel" });
const DAY_MS = 24 * 60 * 60 * 1000;

async function testServer(db: ReturnType<typeof createTestDb>) {
  return buildServer({
    db,
    env: { COOKIE_SECURE: false, TRUST_PROXY: false, WEB_DIST: "/nonexistent", LOG_LEVEL: "silent" },
    signInLimiter: createSignInLimiter(),
  });
}

/** A London date `days` from today (negative: in the past). */
const londonDate = (days: number) =>
  new Date(Date.now() + days * DAY_MS).toLocaleDateString("en-CA", { timeZone: "Europe/London" });

function events(body: string) {
  return new ICAL.Component(ICAL.parse(body)).getAllSubcomponents("vevent");
}

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

    const app = await testServer(db);
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

  it("leaves out a cancelled online meeting's join link, and an online meeting's step-free access; a hybrid meeting keeps both", async () => {
    const db = createTestDb();
    const now = new Date();
    const year = now.getUTCFullYear() + 1;
    const url = "https://meet.example.test/bloomsbury";
    const online = { ...details, kind: "online_meeting" as const, venueName: "", venueAddress: "", onlineUrl: url };
    const hybrid = { ...details, onlineUrl: url, stepFreeAccess: true };
    const onlineId = createMeeting(db, {
      wardCode: BLOOMSBURY,
      date: `${year}-10-13`,
      details: online,
      createdBy: null,
      now,
    });
    const hybridId = createMeeting(db, {
      wardCode: BLOOMSBURY,
      date: `${year}-11-10`,
      details: hybrid,
      createdBy: null,
      now,
    });
    publishMeeting(db, { wardCode: BLOOMSBURY, meetingId: onlineId, now });
    publishMeeting(db, { wardCode: BLOOMSBURY, meetingId: hybridId, now });
    const app = await testServer(db);
    const calendar = async () =>
      events((await app.inject({ method: "GET", url: `/wards/${BLOOMSBURY}/meetings.ics` })).body).map((e) => ({
        location: String(e.getFirstPropertyValue("location")),
        description: String(e.getFirstPropertyValue("description")),
      }));

    const [advertised, both] = await calendar();
    expect(advertised?.location).toBe(url);
    expect(advertised?.description).toContain(`Join online: ${url}`);
    expect(advertised?.description).not.toContain("Step-free access.");
    expect(both?.description).toContain(`Join online: ${url}`);
    expect(both?.description).toContain("Step-free access.");

    cancelMeeting(db, { wardCode: BLOOMSBURY, meetingId: onlineId, reason: "The speaker is ill", now });
    const [cancelled] = await calendar();
    expect(cancelled?.location).toBe("Online");
    expect(cancelled?.description).not.toContain(url);
    await app.close();
  });

  it("keeps a meeting with the same UID as it moves from advertised to held to minuted, and drops it 12 months on", async () => {
    const db = createTestDb();
    seedPanelWithMembers(db, BLOOMSBURY, 2);
    const [yearAgo] = seedMeetingHistory(db, { wardCode: BLOOMSBURY, dates: [londonDate(-400), londonDate(-380)] });
    const meetingId = seedPublishedMeeting(db, {
      wardCode: BLOOMSBURY,
      date: londonDate(-30),
      now: new Date(Date.now() - 45 * DAY_MS),
      details,
    });
    const next = seedPublishedMeeting(db, {
      wardCode: BLOOMSBURY,
      date: londonDate(-2),
      now: new Date(Date.now() - 45 * DAY_MS),
    });
    const uid = getMeetingInWard(db, BLOOMSBURY, meetingId).uid;
    const app = await testServer(db);
    const feed = async () => {
      const response = await app.inject({ method: "GET", url: `/wards/${BLOOMSBURY}/meetings.ics` });
      expect(response.statusCode).toBe(200);
      return events(response.body);
    };
    const eventOf = async () => {
      const all = await feed();
      expect(all.map((e) => e.getFirstPropertyValue("uid"))).not.toContain(
        getMeetingInWard(db, BLOOMSBURY, yearAgo!).uid,
      );
      return all.find((e) => e.getFirstPropertyValue("uid") === uid);
    };

    expect(await eventOf()).toBeDefined(); // advertised, now in the past
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS);
    startMeeting(db, { wardCode: BLOOMSBURY, meetingId, now: at(30) });
    expect(getMeetingInWard(db, BLOOMSBURY, meetingId).status).toBe("held");
    const held = await eventOf();
    expect(held?.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(String(held?.getFirstPropertyValue("description"))).toContain("Its minutes are not published yet");

    const p = { wardCode: BLOOMSBURY, meetingId, by: null };
    endMeeting(db, { ...p, now: at(29) });
    draftMinutes(db, { ...p, now: at(29) });
    circulateMinutes(db, { ...p, now: at(28) });
    startMeeting(db, { wardCode: BLOOMSBURY, meetingId: next, now: at(2) });
    approveMinutes(db, { ...p, atMeetingId: next, now: at(2) });
    publishMinutes(db, { ...p, now: at(1) });
    expect(getMeetingInWard(db, BLOOMSBURY, meetingId).status).toBe("minutes_published");
    const minuted = await eventOf();
    expect(minuted?.getFirstPropertyValue("uid")).toBe(uid);
    expect(String(minuted?.getFirstPropertyValue("description"))).toContain(
      `Read its minutes: http://localhost:80/wards/${BLOOMSBURY}/meetings/${meetingId}`,
    );

    // The single meeting's file: one event with the same UID.
    const one = await app.inject({ method: "GET", url: `/wards/${BLOOMSBURY}/meetings/${meetingId}.ics` });
    expect(one.statusCode).toBe(200);
    expect(one.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(events(one.body).map((e) => e.getFirstPropertyValue("uid"))).toEqual([uid]);
    await app.close();
  });

  it("answers 404 for a single meeting that is a draft, of another ward or not a meeting", async () => {
    const db = createTestDb();
    const draft = createMeeting(db, {
      wardCode: BLOOMSBURY,
      date: londonDate(40),
      details,
      createdBy: null,
      now: new Date(),
    });
    const app = await testServer(db);
    for (const url of [
      `/wards/${BLOOMSBURY}/meetings/${draft}.ics`,
      `/wards/E05013652/meetings/${draft}.ics`,
      `/wards/nonsense/meetings/${draft}.ics`,
      `/wards/${BLOOMSBURY}/meetings/0.ics`,
    ]) {
      const response = await app.inject({ method: "GET", url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    }
    await app.close();
  });
});
