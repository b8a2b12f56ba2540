import { describe, expect, it } from "vitest";

import { createTestDb, seedActivePriority, seedPanelWithMembers, seedPublishedMeeting } from "../testing";
import { listAgendaItems } from "./agenda";
import { markAttendance } from "./attendance";
import { addAction, addDecision, endMeeting, getMeetingRecord, saveItemNotes, startMeeting } from "./live";
import { getMeetingInWard } from "./meetings";
import {
  approveMinutes,
  circulateMinutes,
  draftMinutes,
  editMinutesItem,
  listMinutesVersions,
  listPublishedMinutes,
  publishMinutes,
  startCorrection,
} from "./minutes";
import { getOversight } from "./oversight";
import { addProgress } from "./priorities";

const WARD = "E05013653"; // Bloomsbury, Camden
const at = (iso: string) => new Date(iso);

/** A November meeting that was held, with a note, a decision and an action, and a December one under way. */
function heldMeetings() {
  const db = createTestDb();
  const { everyone } = seedPanelWithMembers(db, WARD, 2);
  const november = seedPublishedMeeting(db, { wardCode: WARD, date: "2026-11-10", now: at("2026-11-01T12:00:00Z") });
  const december = seedPublishedMeeting(db, { wardCode: WARD, date: "2026-12-08", now: at("2026-11-01T12:00:00Z") });
  const p = { wardCode: WARD, meetingId: november };
  startMeeting(db, { ...p, now: at("2026-11-10T19:00:00Z") });
  markAttendance(db, { ...p, userId: everyone[0]!.id, status: "present", now: at("2026-11-10T19:00:00Z") });
  markAttendance(db, { ...p, userId: everyone[1]!.id, status: "apologies", now: at("2026-11-10T19:00:00Z") });
  const crime = listAgendaItems(db, november).find((i) => i.kind === "crime_update")!;
  saveItemNotes(db, {
    ...p,
    baseVersion: 0,
    by: null,
    itemId: crime.id,
    notes: "Burglary down by a third.",
    now: at("2026-11-10T19:30:00Z"),
  });
  addDecision(db, { ...p, itemId: crime.id, text: "Ask for a leaflet drop", now: at("2026-11-10T19:31:00Z") });
  addAction(db, {
    ...p,
    itemId: crime.id,
    action: { description: "Leaflet drop on Marchmont Street", owner: "PCSO Gill", dueDate: "2026-11-30" },
    now: at("2026-11-10T19:32:00Z"),
  });
  return { db, november, december, everyone };
}

describe("minutes", () => {
  it("are drafted from the live record, circulated, approved at the next meeting, then published", () => {
    const { db, november, december } = heldMeetings();
    const p = { wardCode: WARD, meetingId: november, by: null };
    endMeeting(db, { ...p, now: at("2026-11-11T09:00:00Z") });
    draftMinutes(db, { ...p, now: at("2026-11-11T09:00:00Z") });
    const [draft] = listMinutesVersions(db, november);
    const crimeItem = draft!.content.items.findIndex((i) => i.title === "Crime update");
    expect(draft!.content.items[crimeItem]).toMatchObject({
      notes: "Burglary down by a third.",
      decisions: ["Ask for a leaflet drop"],
      actions: [{ owner: "PCSO Gill" }],
    });
    expect(draft!.content.attendance).toMatchObject({ present: [expect.any(String)], apologies: [expect.any(String)] });

    editMinutesItem(db, {
      ...p,
      baseVersion: 0,
      itemIndex: crimeItem,
      notes: "Burglary down by a third since August.",
      now: at("2026-11-11T10:00:00Z"),
    });
    circulateMinutes(db, { ...p, now: at("2026-11-12T09:00:00Z") });
    expect(() =>
      editMinutesItem(db, { ...p, baseVersion: 0, itemIndex: crimeItem, notes: "x", now: at("2026-11-12T10:00:00Z") }),
    ).toThrow(/Only draft minutes can be edited/);
    expect(() => publishMinutes(db, { ...p, now: at("2026-11-12T10:00:00Z") })).toThrow(
      "Minutes are published once approved at the next meeting",
    );
    expect(() => approveMinutes(db, { ...p, atMeetingId: december, now: at("2026-11-12T10:00:00Z") })).toThrow(
      /later meeting of the panel that is under way/,
    );

    startMeeting(db, { wardCode: WARD, meetingId: december, now: at("2026-12-08T19:00:00Z") });
    approveMinutes(db, { ...p, atMeetingId: december, now: at("2026-12-08T19:10:00Z") });
    const previousMinutesItem = getMeetingRecord(db, december).find((i) => i.kind === "previous_minutes")!;
    expect(previousMinutesItem.decisions.map((d) => d.text)).toEqual([
      "The minutes of the meeting on 2026-11-10 were approved as a correct record.",
    ]);
    publishMinutes(db, { ...p, now: at("2026-12-09T09:00:00Z") });
    expect(getMeetingInWard(db, WARD, november).status).toBe("minutes_published");
    expect(listPublishedMinutes(db, november)[0]?.content.items[crimeItem]?.notes).toBe(
      "Burglary down by a third since August.",
    );
  });

  it("never change once published: a correction is a new version that says what changed", () => {
    const { db, november, december } = heldMeetings();
    const p = { wardCode: WARD, meetingId: november, by: null };
    endMeeting(db, { ...p, now: at("2026-11-11T09:00:00Z") });
    draftMinutes(db, { ...p, now: at("2026-11-11T09:00:00Z") });
    circulateMinutes(db, { ...p, now: at("2026-11-12T09:00:00Z") });
    startMeeting(db, { wardCode: WARD, meetingId: december, now: at("2026-12-08T19:00:00Z") });
    approveMinutes(db, { ...p, atMeetingId: december, now: at("2026-12-08T19:10:00Z") });
    publishMinutes(db, { ...p, now: at("2026-12-09T09:00:00Z") });
    expect(() =>
      editMinutesItem(db, { ...p, baseVersion: 0, itemIndex: 0, notes: "changed", now: at("2026-12-10T09:00:00Z") }),
    ).toThrow(/start a correction instead/);

    startCorrection(db, {
      ...p,
      note: "The owner of the leaflet action was misnamed",
      now: at("2026-12-10T09:00:00Z"),
    });
    editMinutesItem(db, {
      ...p,
      baseVersion: 0,
      itemIndex: 0,
      notes: "Chair welcomed 14 residents.",
      now: at("2026-12-10T09:05:00Z"),
    });
    circulateMinutes(db, { ...p, now: at("2026-12-10T09:10:00Z") });
    publishMinutes(db, { ...p, now: at("2026-12-10T09:20:00Z") });
    const [latest, original] = listPublishedMinutes(db, november);
    expect(latest).toMatchObject({ version: 2, correctionNote: "The owner of the leaflet action was misnamed" });
    expect(latest!.content.items[0]!.notes).toBe("Chair welcomed 14 residents.");
    expect(original!.content.items[0]!.notes).toBe("");
  });
});

describe("oversight", () => {
  it("shows wards with no meeting advertised, minutes overdue after 28 days and overdue actions", () => {
    const { db } = heldMeetings();
    const rows = getOversight(db, { boroughCode: "E09000007", now: at("2026-12-15T12:00:00Z") });
    expect(rows).toHaveLength(20);
    const bloomsbury = rows.find((r) => r.wardCode === WARD)!;
    expect(bloomsbury).toMatchObject({
      advertisedThisMonth: 1,
      advertisedNextMonth: 0,
      minutesOverdue: 1,
      overdueActions: 1,
    });
    const other = rows.find((r) => r.wardCode !== WARD)!;
    expect(other).toMatchObject({
      advertisedThisMonth: 0,
      advertisedNextMonth: 0,
      minutesOverdue: 0,
      overdueActions: 0,
    });
    expect(getOversight(db, { boroughCode: null, now: at("2026-12-15T12:00:00Z") })).toHaveLength(704);
  });

  it("lists active priorities not reviewed for 90 days, until progress is reported on them", () => {
    const db = createTestDb();
    seedPanelWithMembers(db, WARD, 1);
    const stale = seedActivePriority(db, {
      wardCode: WARD,
      now: at("2026-08-01T12:00:00Z"),
      fields: { title: "Cycle theft at the station", startDate: "2026-08-01", reviewDate: "2026-12-01" },
    });
    seedActivePriority(db, {
      wardCode: WARD,
      now: at("2026-10-01T12:00:00Z"),
      fields: { startDate: "2026-10-01", reviewDate: "2027-01-01" },
    });
    const rowOf = (now: Date) => getOversight(db, { boroughCode: "E09000007", now }).find((r) => r.wardCode === WARD)!;
    expect(rowOf(at("2026-10-30T12:00:00Z")).outOfDatePriorities).toEqual([]);
    expect(rowOf(at("2026-10-31T12:00:00Z")).outOfDatePriorities).toEqual([
      { id: stale, title: "Cycle theft at the station", lastReviewed: "2026-08-01" },
    ]);
    // Progress reported today is a review: the priority is up to date again.
    addProgress(db, {
      wardCode: WARD,
      priorityId: stale,
      month: "2026-10",
      policeAction: "Patrols at the station",
      partnerAction: "",
      whatChanged: "",
      createdBy: null,
    });
    expect(rowOf(new Date()).outOfDatePriorities.map((p) => p.id)).not.toContain(stale);
  });
});
