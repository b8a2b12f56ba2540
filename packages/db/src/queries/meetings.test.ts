import { describe, expect, it } from "vitest";

import { buildMeetingDetails, createTestDb } from "../testing";
import {
  cancelMeeting,
  createMeeting,
  getMeetingInWard,
  listPublicMeetings,
  listWardMeetings,
  publishMeeting,
  scheduleSeries,
  updateMeeting,
} from "./meetings";

const BLOOMSBURY = "E05013653";
const HOLBORN = "E05013662";
const NOW = new Date("2026-11-25T12:00:00Z");

const details = buildMeetingDetails({ title: "Bloomsbury ward panel" });

describe("meetings", () => {
  it("schedules a monthly series in London time across the March clock change, all as drafts", () => {
    const db = createTestDb();
    const { meetingIds } = scheduleSeries(db, {
      wardCode: BLOOMSBURY,
      rule: { ordinal: 2, weekday: 2, firstMonth: "2027-02", months: 3 },
      details,
      createdBy: null,
      now: NOW,
    });
    expect(meetingIds).toHaveLength(3);
    const starts = listWardMeetings(db, BLOOMSBURY).map((m) => [m.startsAt.toISOString(), m.status]);
    expect(starts).toEqual([
      ["2027-02-09T19:00:00.000Z", "draft"],
      ["2027-03-09T19:00:00.000Z", "draft"],
      ["2027-04-13T18:00:00.000Z", "draft"],
    ]);
  });

  it("publishes, edits with a rising sequence, and cancels with a reason the public still sees", () => {
    const db = createTestDb();
    const id = createMeeting(db, { wardCode: BLOOMSBURY, date: "2026-12-08", details, createdBy: null, now: NOW });
    expect(listPublicMeetings(db, BLOOMSBURY, NOW)).toEqual([]);
    publishMeeting(db, { wardCode: BLOOMSBURY, meetingId: id, now: NOW });
    updateMeeting(db, { wardCode: BLOOMSBURY, meetingId: id, date: "2026-12-09", details, now: NOW });
    expect(getMeetingInWard(db, BLOOMSBURY, id).sequence).toBe(1);
    cancelMeeting(db, { wardCode: BLOOMSBURY, meetingId: id, reason: "The library is closed for repairs", now: NOW });
    const [shown] = listPublicMeetings(db, BLOOMSBURY, NOW);
    expect(shown).toMatchObject({
      status: "cancelled",
      cancellationReason: "The library is closed for repairs",
      sequence: 2,
    });
    const uid = shown!.uid;
    expect(getMeetingInWard(db, BLOOMSBURY, id).uid).toBe(uid);
  });

  it("keeps no step-free access or hearing loop for a meeting only online, and keeps them for a room", () => {
    const db = createTestDb();
    const room = { stepFreeAccess: true, hearingLoop: true };
    const online = { ...details, ...room, venueName: "", venueAddress: "", onlineUrl: "https://meet.example/ward" };
    const id = createMeeting(db, {
      wardCode: BLOOMSBURY,
      date: "2026-12-08",
      details: online,
      createdBy: null,
      now: NOW,
    });
    expect(getMeetingInWard(db, BLOOMSBURY, id)).toMatchObject({ stepFreeAccess: false, hearingLoop: false });
    const hybrid = { ...online, venueName: "Holborn Library", venueAddress: "32-38 Theobalds Road" };
    updateMeeting(db, { wardCode: BLOOMSBURY, meetingId: id, date: "2026-12-08", details: hybrid, now: NOW });
    expect(getMeetingInWard(db, BLOOMSBURY, id)).toMatchObject(room);
    updateMeeting(db, { wardCode: BLOOMSBURY, meetingId: id, date: "2026-12-08", details: online, now: NOW });
    expect(getMeetingInWard(db, BLOOMSBURY, id)).toMatchObject({ stepFreeAccess: false, hearingLoop: false });
  });

  it("refuses to advertise a meeting in the past as upcoming, keeping the draft", () => {
    const db = createTestDb();
    const id = createMeeting(db, { wardCode: BLOOMSBURY, date: "2026-11-01", details, createdBy: null, now: NOW });
    expect(() => publishMeeting(db, { wardCode: BLOOMSBURY, meetingId: id, now: NOW })).toThrow("in the past");
    expect(getMeetingInWard(db, BLOOMSBURY, id).status).toBe("draft");
  });

  it("never shows or changes another ward's meeting", () => {
    const db = createTestDb();
    const id = createMeeting(db, { wardCode: HOLBORN, date: "2026-12-08", details, createdBy: null, now: NOW });
    expect(() => publishMeeting(db, { wardCode: BLOOMSBURY, meetingId: id, now: NOW })).toThrow("no such meeting");
    expect(getMeetingInWard(db, HOLBORN, id).status).toBe("draft");
  });

  it("refuses a time that does not exist in London, naming the start time", () => {
    const db = createTestDb();
    expect(() =>
      createMeeting(db, {
        wardCode: BLOOMSBURY,
        date: "2027-03-28",
        details: { ...details, startTime: "01:30" },
        createdBy: null,
        now: NOW,
      }),
    ).toThrow("does not exist in London");
    expect(listWardMeetings(db, BLOOMSBURY)).toEqual([]);
  });
});
