import { describe, expect, it } from "vitest";

import { createTestDb, seedPanelWithMembers, seedPublishedMeeting } from "../testing";
import { listAgendaItems } from "./agenda";
import { endMeeting, getMeetingRecord, saveItemNotes, startMeeting } from "./live";
import { draftMinutes, editMinutesItem, listMinutesVersions } from "./minutes";

const WARD = "E05013653"; // Bloomsbury
const at = (iso: string) => new Date(iso);

/** A meeting under way, its chair and a member who keeps the record beside them. */
function meetingUnderWay() {
  const db = createTestDb();
  const { chair, members } = seedPanelWithMembers(db, WARD, 1);
  const meetingId = seedPublishedMeeting(db, { wardCode: WARD, date: "2026-11-25", now: at("2026-11-20T12:00:00Z") });
  const p = { wardCode: WARD, meetingId };
  startMeeting(db, { ...p, now: at("2026-11-25T19:00:00Z") });
  const item = listAgendaItems(db, meetingId)[1]!;
  return { db, p, item, chair, other: members[0]! };
}

describe("an item's notes are saved only over the version they were edited from", () => {
  it("applies a save on the current version and answers the new one", () => {
    const { db, p, item, chair } = meetingUnderWay();
    const now = at("2026-11-25T19:05:00Z");
    expect(saveItemNotes(db, { ...p, itemId: item.id, notes: "First", baseVersion: 0, by: chair.id, now })).toEqual({
      status: "saved",
      version: 1,
      savedAt: now,
    });
    const saved = saveItemNotes(db, {
      ...p,
      itemId: item.id,
      notes: "First, then more",
      baseVersion: 1,
      by: chair.id,
      now,
    });
    expect(saved).toMatchObject({ status: "saved", version: 2 });
    const read = getMeetingRecord(db, p.meetingId).find((i) => i.id === item.id)!;
    expect(read.notes).toBe("First, then more");
    expect(read.notesSave).toEqual({ version: 2, savedAt: now, savedBy: chair.name });
  });

  it("refuses a stale base and answers the other person's text, version, name and time", () => {
    const { db, p, item, chair, other } = meetingUnderWay();
    saveItemNotes(db, {
      ...p,
      itemId: item.id,
      notes: "Chair: burglary down",
      baseVersion: 0,
      by: chair.id,
      now: at("2026-11-25T19:05:00Z"),
    });
    const late = saveItemNotes(db, {
      ...p,
      itemId: item.id,
      notes: "Minute-taker: PCSO Gill reported",
      baseVersion: 0,
      by: other.id,
      now: at("2026-11-25T19:06:00Z"),
    });
    expect(late).toEqual({
      status: "conflict",
      current: {
        notes: "Chair: burglary down",
        version: 1,
        savedAt: at("2026-11-25T19:05:00Z"),
        savedBy: chair.name,
      },
    });
    // Nothing was overwritten.
    expect(getMeetingRecord(db, p.meetingId).find((i) => i.id === item.id)!.notes).toBe("Chair: burglary down");
    // The merge, saved over the version it was shown, is applied.
    const merged = "Chair: burglary down\nMinute-taker: PCSO Gill reported";
    expect(
      saveItemNotes(db, {
        ...p,
        itemId: item.id,
        notes: merged,
        baseVersion: 1,
        by: other.id,
        now: at("2026-11-25T19:07:00Z"),
      }),
    ).toMatchObject({ status: "saved", version: 2 });
    expect(getMeetingRecord(db, p.meetingId).find((i) => i.id === item.id)!.notesSave.savedBy).toBe(other.name);
  });

  it("answers a re-sent save of the text already saved as saved, whatever its base", () => {
    const { db, p, item, chair } = meetingUnderWay();
    const now = at("2026-11-25T19:05:00Z");
    saveItemNotes(db, { ...p, itemId: item.id, notes: "Kept through the drop", baseVersion: 0, by: chair.id, now });
    expect(
      saveItemNotes(db, { ...p, itemId: item.id, notes: "Kept through the drop", baseVersion: 0, by: chair.id, now }),
    ).toEqual({ status: "saved", version: 1, savedAt: now });
  });
});

describe("an item's notes in draft minutes are versioned the same way", () => {
  it("refuses a stale edit with the text saved meanwhile and applies one on the current version", () => {
    const { db, p, item, chair, other } = meetingUnderWay();
    saveItemNotes(db, {
      ...p,
      itemId: item.id,
      notes: "Live note",
      baseVersion: 0,
      by: chair.id,
      now: at("2026-11-25T19:05:00Z"),
    });
    const m = { ...p, by: chair.id };
    endMeeting(db, { ...m, now: at("2026-11-26T09:00:00Z") });
    draftMinutes(db, { ...m, now: at("2026-11-26T09:00:00Z") });
    const index = listMinutesVersions(db, p.meetingId)[0]!.content.items.findIndex((i) => i.notes === "Live note");
    expect(
      editMinutesItem(db, {
        ...m,
        itemIndex: index,
        notes: "Chair's edit",
        baseVersion: 0,
        now: at("2026-11-26T10:00:00Z"),
      }),
    ).toEqual({ status: "saved", version: 1, savedAt: at("2026-11-26T10:00:00Z") });
    const stale = editMinutesItem(db, {
      ...m,
      by: other.id,
      itemIndex: index,
      notes: "Member's edit",
      baseVersion: 0,
      now: at("2026-11-26T10:01:00Z"),
    });
    expect(stale).toEqual({
      status: "conflict",
      current: { notes: "Chair's edit", version: 1, savedAt: at("2026-11-26T10:00:00Z"), savedBy: chair.name },
    });
    expect(
      editMinutesItem(db, {
        ...m,
        by: other.id,
        itemIndex: index,
        notes: "Chair's edit\nMember's edit",
        baseVersion: 1,
        now: at("2026-11-26T10:02:00Z"),
      }),
    ).toMatchObject({ status: "saved", version: 2 });
    expect(listMinutesVersions(db, p.meetingId)[0]!.content.items[index]).toMatchObject({
      notes: "Chair's edit\nMember's edit",
      notesVersion: 2,
    });
  });
});

describe("live notes and the minutes draft (issue 15 trial: notes typed after drafting were lost)", () => {
  it("refuses to draft the minutes while the live meeting runs, and drafts them once it has ended", () => {
    const { db, p, chair } = meetingUnderWay();
    const m = { ...p, by: chair.id, now: at("2026-11-25T20:00:00Z") };
    expect(() => draftMinutes(db, m)).toThrow("End the meeting before drafting the minutes");
    endMeeting(db, m);
    expect(draftMinutes(db, m)).toBeGreaterThan(0);
  });

  it("refuses a live note once the minutes are drafted, saying where to edit it", () => {
    const { db, p, item, chair } = meetingUnderWay();
    const m = { ...p, by: chair.id, now: at("2026-11-25T20:00:00Z") };
    endMeeting(db, m);
    saveItemNotes(db, { ...m, itemId: item.id, notes: "Before drafting", baseVersion: 0 });
    draftMinutes(db, m);
    expect(() => saveItemNotes(db, { ...m, itemId: item.id, notes: "After drafting", baseVersion: 1 })).toThrow(
      "The minutes are drafted: edit the notes in the minutes",
    );
    expect(getMeetingRecord(db, p.meetingId).find((i) => i.id === item.id)?.notes).toBe("Before drafting");
  });
});
