import { describe, expect, it } from "vitest";

import { createTestDb, seedPanelWithMembers, seedPublishedMeeting } from "../testing";
import { listAgendaItems } from "./agenda";
import {
  addAction,
  addDecision,
  endMeeting,
  getMeetingRecord,
  listMeetingConcerns,
  recordMeetingConcern,
  removeDecision,
  startMeeting,
} from "./live";
import { circulateMinutes, draftMinutes, listMinutesVersionsNow, returnMinutesToDraft } from "./minutes";
import {
  editAction,
  editDecision,
  editMeetingConcern,
  listRecordRemovals,
  removeRecordEntry,
  restoreRecordEntry,
} from "./record-edits";

const WARD = "E05013653"; // Bloomsbury, Camden
const now = new Date("2026-11-10T19:30:00Z");

function recordedMeeting() {
  const db = createTestDb();
  const { chair } = seedPanelWithMembers(db, WARD, 2);
  const meetingId = seedPublishedMeeting(db, {
    wardCode: WARD,
    date: "2026-11-10",
    now: new Date("2026-11-01T12:00:00Z"),
  });
  const p = { wardCode: WARD, meetingId, now };
  startMeeting(db, p);
  const itemId = listAgendaItems(db, meetingId)[0]!.id;
  const decisionId = addDecision(db, { ...p, itemId, text: "Ask for a leaflet drp" });
  const actionId = addAction(db, {
    ...p,
    itemId,
    action: { description: "Leaflet drop", owner: "PCSO Gill", dueDate: "2026-11-30" },
  });
  const concernId = recordMeetingConcern(db, {
    ...p,
    concern: {
      description: "Speeding on Gower St",
      location: "Gower Street",
      category: "road-safety",
      hasConsent: true,
      raisedBy: "Ann Resident",
      contactEmail: "ann@example.test",
    },
  });
  const record = () => getMeetingRecord(db, meetingId)[0]!;
  return { db, p, chair, itemId, decisionId, actionId, concernId, record, meetingId };
}

describe("the meeting's record", () => {
  it("can be edited: a decision's words, an action's what, who and when, a concern's what, where and category", () => {
    const { db, p, decisionId, actionId, concernId, record, meetingId } = recordedMeeting();
    editDecision(db, { ...p, decisionId, text: "Ask for a leaflet drop" });
    editAction(db, {
      ...p,
      actionId,
      description: "Leaflet drop on Marchmont St",
      owner: "PC Shah",
      dueDate: "2026-12-04",
    });
    editMeetingConcern(db, {
      ...p,
      concernId,
      description: "Speeding",
      location: "Gower St",
      category: "anti-social-behaviour",
    });
    expect(record().decisions.map((d) => d.text)).toEqual(["Ask for a leaflet drop"]);
    expect(record().actions[0]).toMatchObject({
      description: "Leaflet drop on Marchmont St",
      owner: "PC Shah",
      dueDate: "2026-12-04",
    });
    expect(listMeetingConcerns(db, meetingId)[0]).toMatchObject({
      description: "Speeding",
      location: "Gower St",
      category: "anti-social-behaviour",
      raisedBy: "Ann Resident",
    });
  });

  it("removes a decision, action or concern and puts it back exactly as it was, with its id", () => {
    const { db, p, chair, decisionId, actionId, concernId, record, meetingId } = recordedMeeting();
    const concernBefore = db.$client.prepare("SELECT * FROM concerns WHERE id = ?").get(concernId);
    const eventsBefore = db.$client.prepare("SELECT * FROM concern_events WHERE concern_id = ?").all(concernId);
    expect(eventsBefore).toHaveLength(1);

    const decision = removeDecision(db, { ...p, decisionId });
    const action = removeRecordEntry(db, { ...p, kind: "action", id: actionId, by: chair.id });
    const concern = removeRecordEntry(db, { ...p, kind: "concern", id: concernId, by: chair.id });
    expect([decision.summary, action.summary, concern.summary]).toEqual([
      "Ask for a leaflet drp",
      "Leaflet drop",
      "Speeding on Gower St",
    ]);
    expect(record().decisions).toEqual([]);
    expect(record().actions).toEqual([]);
    expect(listMeetingConcerns(db, meetingId)).toEqual([]);
    expect(listRecordRemovals(db, meetingId).map((r) => r.kind)).toEqual(["decision", "action", "concern"]);

    for (const removed of [decision, action, concern]) restoreRecordEntry(db, { ...p, removalId: removed.removalId });
    expect(record().decisions.map((d) => d.id)).toEqual([decisionId]);
    expect(record().actions.map((a) => a.id)).toEqual([actionId]);
    expect(db.$client.prepare("SELECT * FROM concerns WHERE id = ?").get(concernId)).toEqual(concernBefore);
    expect(db.$client.prepare("SELECT * FROM concern_events WHERE concern_id = ?").all(concernId)).toEqual(
      eventsBefore,
    );
    expect(listRecordRemovals(db, meetingId)).toEqual([]);
    expect(() => restoreRecordEntry(db, { ...p, removalId: decision.removalId })).toThrow(/nothing to put back/);
  });

  it("refuses what is not this meeting's", () => {
    const { db, p, decisionId } = recordedMeeting();
    const other = seedPublishedMeeting(db, {
      wardCode: WARD,
      date: "2026-11-11",
      now: new Date("2026-11-01T12:00:00Z"),
    });
    startMeeting(db, { wardCode: WARD, meetingId: other, now });
    const q = { ...p, meetingId: other };
    expect(() => editDecision(db, { ...q, decisionId, text: "x" })).toThrow(
      "There is no such decision at this meeting",
    );
    expect(() => removeRecordEntry(db, { ...q, kind: "decision", id: decisionId, by: null })).toThrow(
      "There is no such decision at this meeting",
    );
  });

  it("shows changes in the draft minutes, and is refused once they are circulated until they go back to draft", () => {
    const { db, p, chair, itemId, decisionId, actionId, concernId, meetingId } = recordedMeeting();
    const m = { ...p, by: chair.id };
    endMeeting(db, m);
    draftMinutes(db, m);
    editDecision(db, { ...p, decisionId, text: "Ask for a leaflet drop" });
    removeRecordEntry(db, { ...p, kind: "action", id: actionId, by: chair.id });
    expect(listMinutesVersionsNow(db, meetingId)[0]!.content.items[0]).toMatchObject({
      decisions: ["Ask for a leaflet drop"],
      actions: [],
    });

    circulateMinutes(db, m);
    // What was removed can no longer be put back: it is not kept past circulation.
    expect(listRecordRemovals(db, meetingId)).toEqual([]);
    const refusal = /The minutes have been circulated, so the meeting's record can no longer change/;
    expect(() => editDecision(db, { ...p, decisionId, text: "Changed" })).toThrow(refusal);
    expect(() => removeRecordEntry(db, { ...p, kind: "decision", id: decisionId, by: null })).toThrow(refusal);
    expect(() =>
      editMeetingConcern(db, { ...p, concernId, description: "x", location: "y", category: "road-safety" }),
    ).toThrow(refusal);
    expect(() => addDecision(db, { ...p, itemId, text: "Late" })).toThrow(refusal);

    returnMinutesToDraft(db, { ...m, reason: "The decision needs rewording" });
    editDecision(db, { ...p, decisionId, text: "Ask the council for a leaflet drop" });
    expect(listMinutesVersionsNow(db, meetingId)[0]!.content.items[0]!.decisions).toEqual([
      "Ask the council for a leaflet drop",
    ]);
  });
});
