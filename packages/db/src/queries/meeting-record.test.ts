import { describe, expect, it } from "vitest";

import { buildMeetingDetails, createTestDb, seedPanelWithMembers, seedPublishedMeeting } from "../testing";
import { listCarriedOverActions, listWardActions, setActionStatus } from "./actions";
import {
  addAgendaItem,
  addPaper,
  getPublishedAgenda,
  isPaperPublished,
  listAgendaItems,
  moveAgendaItem,
  publishAgenda,
  setAgendaItemRemoved,
  updateAgendaItem,
} from "./agenda";
import {
  addGuest,
  getAttendance,
  getMeetingQuorum,
  getMemberAttendanceHistory,
  markAttendance,
  setPublicCount,
  setQuorumRule,
} from "./attendance";
import {
  addAction,
  addDecision,
  endMeeting,
  getMeetingRecord,
  recordMeetingConcern,
  saveItemNotes,
  setCurrentItem,
  startMeeting,
} from "./live";
import { createMeeting, getMeetingInWard } from "./meetings";

const WARD = "E05013653"; // Bloomsbury
const OTHER_WARD = "E05013662";
const NOW = new Date("2026-11-25T12:00:00Z");
const at = (iso: string) => new Date(iso);

describe("agenda", () => {
  it("starts from the template that builds in what good meetings do", () => {
    const db = createTestDb();
    const meetingId = seedPublishedMeeting(db, { wardCode: WARD, date: "2026-12-08", now: NOW });
    expect(listAgendaItems(db, meetingId).map((i) => i.title)).toEqual([
      "Welcome and introductions",
      "Purpose of the meeting",
      "Apologies",
      "Minutes of the last meeting and matters arising",
      "Report back on current priorities",
      "Crime update",
      "Community concerns",
      "Setting priorities",
      "Partner updates",
      "Any other business",
      "Date of next meeting",
    ]);
  });

  it("adds, edits, reorders and removes items, and removal can be undone", () => {
    const db = createTestDb();
    const meetingId = seedPublishedMeeting(db, { wardCode: WARD, date: "2026-12-08", now: NOW });
    const p = { wardCode: WARD, meetingId, now: NOW };
    const itemId = addAgendaItem(db, {
      ...p,
      fields: { title: "Parking outside the school", description: "", presenter: "PCSO Gill", minutesAllowed: 10 },
    });
    moveAgendaItem(db, { ...p, itemId, direction: "up" });
    const titles = () => listAgendaItems(db, meetingId).map((i) => i.title);
    expect(titles().slice(-3)).toEqual(["Any other business", "Parking outside the school", "Date of next meeting"]);
    updateAgendaItem(db, {
      ...p,
      itemId,
      fields: {
        title: "School gate parking",
        description: "Raised by residents",
        presenter: "PCSO Gill",
        minutesAllowed: 5,
      },
    });
    setAgendaItemRemoved(db, { ...p, itemId, removed: true });
    expect(titles()).not.toContain("School gate parking");
    setAgendaItemRemoved(db, { ...p, itemId, removed: false });
    expect(titles()).toContain("School gate parking");
  });

  it("freezes each published version: later edits make a new version and leave the old one alone", () => {
    const db = createTestDb();
    const meetingId = seedPublishedMeeting(db, { wardCode: WARD, date: "2026-12-08", now: NOW });
    const p = { wardCode: WARD, meetingId, now: NOW };
    const first = listAgendaItems(db, meetingId)[0]!;
    const paper = addPaper(db, {
      ...p,
      itemId: first.id,
      paper: { fileName: "report.pdf", contentType: "application/pdf", content: Buffer.from("%PDF-1.4") },
      uploadedBy: null,
    });
    expect(isPaperPublished(db, meetingId, paper.id)).toBe(false);
    expect(publishAgenda(db, { ...p, publishedBy: null })).toBe(1);
    expect(isPaperPublished(db, meetingId, paper.id)).toBe(true);
    updateAgendaItem(db, {
      ...p,
      itemId: first.id,
      fields: { title: "Welcome", description: "", presenter: "Chair", minutesAllowed: 3 },
    });
    expect(getPublishedAgenda(db, meetingId)?.items[0]?.title).toBe("Welcome and introductions");
    expect(publishAgenda(db, { ...p, publishedBy: null })).toBe(2);
    const latest = getPublishedAgenda(db, meetingId);
    expect([latest?.version, latest?.items[0]?.title]).toEqual([2, "Welcome"]);
  });

  it("refuses to publish the agenda of a meeting that is not advertised, and keeps other wards' meetings out of reach", () => {
    const db = createTestDb();
    const draftId = createMeeting(db, {
      wardCode: WARD,
      date: "2026-12-08",
      details: buildMeetingDetails(),
      createdBy: null,
      now: NOW,
    });
    expect(() => publishAgenda(db, { wardCode: WARD, meetingId: draftId, now: NOW, publishedBy: null })).toThrow(
      "Publish the meeting first",
    );
    const meetingId = seedPublishedMeeting(db, { wardCode: WARD, date: "2026-12-08", now: NOW });
    expect(() => publishAgenda(db, { wardCode: OTHER_WARD, meetingId, now: NOW, publishedBy: null })).toThrow(
      "There is no such meeting for this ward",
    );
  });
});

describe("attendance and quorum", () => {
  it("is quorate only with more than half of the voting members present, and keeps each member's history", () => {
    const db = createTestDb();
    const { everyone } = seedPanelWithMembers(db, WARD, 5); // 6 voting members: 4 needed
    const meetingId = seedPublishedMeeting(db, { wardCode: WARD, date: "2026-12-08", now: NOW });
    const meeting = () => getMeetingInWard(db, WARD, meetingId);
    const mark = (i: number, status: "present" | "apologies" | "absent") =>
      markAttendance(db, { wardCode: WARD, meetingId, now: NOW, userId: everyone[i]!.id, status });
    [0, 1, 2].forEach((i) => mark(i, "present"));
    mark(3, "apologies");
    expect(getMeetingQuorum(db, meeting())).toMatchObject({ isQuorate: false, needed: 4, present: 3 });
    mark(3, "present");
    expect(getMeetingQuorum(db, meeting()).isQuorate).toBe(true);
    setQuorumRule(db, WARD, { kind: "fixed", minimum: 5 });
    expect(getMeetingQuorum(db, meeting()).isQuorate).toBe(false);
    expect(getMemberAttendanceHistory(db, WARD, everyone[3]!.id)).toEqual([
      expect.objectContaining({ meetingId, status: "present" }),
    ]);
  });

  it("records police, partners and a public count, and refuses people who are not on the roster", () => {
    const db = createTestDb();
    seedPanelWithMembers(db, WARD, 2);
    const outsider = seedPanelWithMembers(db, OTHER_WARD, 1).chair;
    const meetingId = seedPublishedMeeting(db, { wardCode: WARD, date: "2026-12-08", now: NOW });
    const p = { wardCode: WARD, meetingId, now: NOW };
    addGuest(db, { ...p, kind: "police", name: "PS Rahman", organisation: "Met Police" });
    addGuest(db, { ...p, kind: "partner", name: "Jo Evans", organisation: "Camden Council" });
    setPublicCount(db, { ...p, count: 14 });
    expect(() => markAttendance(db, { ...p, userId: outsider.id, status: "present" })).toThrow(
      "Only members of this ward's panel are on the roster",
    );
    const attendance = getAttendance(db, getMeetingInWard(db, WARD, meetingId));
    expect(attendance.guests.map((g) => g.kind)).toEqual(["police", "partner"]);
    expect(attendance.publicCount).toBe(14);
  });
});

describe("the live meeting", () => {
  it("times each item, records notes, decisions, actions and concerns, and carries open actions to the next meeting", () => {
    const db = createTestDb();
    const meetingId = seedPublishedMeeting(db, { wardCode: WARD, date: "2026-11-25", now: at("2026-11-20T12:00:00Z") });
    const p = { wardCode: WARD, meetingId };
    const [welcome, purpose] = listAgendaItems(db, meetingId);
    startMeeting(db, { ...p, now: at("2026-11-25T19:00:00Z") });
    setCurrentItem(db, { ...p, itemId: purpose!.id, now: at("2026-11-25T19:04:30Z") });
    saveItemNotes(db, {
      ...p,
      baseVersion: 0,
      by: null,
      itemId: purpose!.id,
      notes: "Chair explained the panel's role.",
      now: at("2026-11-25T19:05:00Z"),
    });
    addDecision(db, { ...p, itemId: purpose!.id, text: "Meet on the second Tuesday", now: NOW });
    const actionId = addAction(db, {
      ...p,
      itemId: purpose!.id,
      action: { description: "Book the library for 2027", owner: "Chair", dueDate: "2026-12-01" },
      now: NOW,
    });
    recordMeetingConcern(db, {
      ...p,
      concern: {
        description: "Cyclists on the pavement",
        location: "Lamb's Conduit Street",
        category: "road-safety",
        hasConsent: false,
        raisedBy: "Typed anyway",
        contactEmail: "",
      },
      now: NOW,
    });
    endMeeting(db, { ...p, now: at("2026-11-25T19:10:30Z") });

    const record = getMeetingRecord(db, meetingId);
    expect(record.find((i) => i.id === welcome!.id)?.secondsUsed).toBe(270);
    expect(record.find((i) => i.id === purpose!.id)).toMatchObject({
      secondsUsed: 360,
      notes: "Chair explained the panel's role.",
      decisions: [{ text: "Meet on the second Tuesday" }],
    });

    const next = seedPublishedMeeting(db, { wardCode: WARD, date: "2026-12-08", now: NOW });
    const nextMeeting = getMeetingInWard(db, WARD, next);
    expect(listCarriedOverActions(db, nextMeeting)).toEqual([
      expect.objectContaining({ id: actionId, description: "Book the library for 2027", agreedAt: "2026-11-25" }),
    ]);
    expect(listWardActions(db, WARD, at("2026-12-02T12:00:00Z"))[0]).toMatchObject({ id: actionId, isOverdue: true });
    setActionStatus(db, { wardCode: WARD, actionId, status: "done", note: "Booked", now: NOW });
    expect(listCarriedOverActions(db, nextMeeting)).toEqual([]);
  });

  it("will not start a meeting more than a day early, nor record anything before it starts", () => {
    const db = createTestDb();
    const meetingId = seedPublishedMeeting(db, { wardCode: WARD, date: "2026-12-08", now: NOW });
    const item = listAgendaItems(db, meetingId)[0]!;
    expect(() => startMeeting(db, { wardCode: WARD, meetingId, now: NOW })).toThrow(
      "This meeting is more than a day away. Start it on the day.",
    );
    expect(() =>
      saveItemNotes(db, { wardCode: WARD, meetingId, baseVersion: 0, by: null, itemId: item.id, notes: "x", now: NOW }),
    ).toThrow(/Start the meeting first/);
  });
});
