import { describe, expect, it } from "vitest";

import { createTestDb, seedPanelWithMembers, seedPublishedMeeting, seedPublishedVote } from "../testing";
import { listAgendaItems } from "./agenda";
import { addDecision, endMeeting, startMeeting } from "./live";
import {
  approveMinutes,
  circulateMinutes,
  draftMinutes,
  listMinutesHistory,
  listMinutesVersions,
  listMinutesVersionsNow,
  returnMinutesToDraft,
} from "./minutes";

const WARD = "E05013653"; // Bloomsbury, Camden
const at = (iso: string) => new Date(iso);

function heldMeeting() {
  const db = createTestDb();
  const { chair, members } = seedPanelWithMembers(db, WARD, 3);
  const meetingId = seedPublishedMeeting(db, { wardCode: WARD, date: "2026-11-10", now: at("2026-11-01T12:00:00Z") });
  startMeeting(db, { wardCode: WARD, meetingId, now: at("2026-11-10T19:00:00Z") });
  return { db, meetingId, chair, members, p: { wardCode: WARD, meetingId, by: chair.id } };
}

describe("minutes going back to draft", () => {
  it("is allowed from circulated with a reason, kept in the history with who and when; the next circulation follows it", () => {
    const { db, meetingId, chair, p } = heldMeeting();
    endMeeting(db, { ...p, now: at("2026-11-11T09:00:00Z") });
    draftMinutes(db, { ...p, now: at("2026-11-11T09:00:00Z") });
    circulateMinutes(db, { ...p, now: at("2026-11-12T09:00:00Z") });
    returnMinutesToDraft(db, {
      ...p,
      reason: "The date of the leaflet drop is wrong",
      now: at("2026-11-13T09:00:00Z"),
    });
    expect(listMinutesVersions(db, meetingId)[0]).toMatchObject({ status: "draft", circulatedAt: null });
    circulateMinutes(db, { ...p, now: at("2026-11-14T09:00:00Z") });

    const history = listMinutesHistory(db, meetingId);
    expect(history.map(({ kind, reason, byName, at: when }) => ({ kind, reason, byName, when }))).toEqual([
      { kind: "circulated", reason: "", byName: chair.name, when: at("2026-11-12T09:00:00Z") },
      {
        kind: "returned_to_draft",
        reason: "The date of the leaflet drop is wrong",
        byName: chair.name,
        when: at("2026-11-13T09:00:00Z"),
      },
      { kind: "circulated", reason: "", byName: chair.name, when: at("2026-11-14T09:00:00Z") },
    ]);
  });

  it("is refused for a draft and for approved minutes", () => {
    const { db, meetingId, p } = heldMeeting();
    const later = seedPublishedMeeting(db, { wardCode: WARD, date: "2026-12-08", now: at("2026-11-01T12:00:00Z") });
    endMeeting(db, { ...p, now: at("2026-11-11T09:00:00Z") });
    draftMinutes(db, { ...p, now: at("2026-11-11T09:00:00Z") });
    const back = () => returnMinutesToDraft(db, { ...p, reason: "Typo", now: at("2026-11-12T09:00:00Z") });
    expect(back).toThrow("These minutes are already a draft");
    circulateMinutes(db, { ...p, now: at("2026-11-12T09:00:00Z") });
    startMeeting(db, { wardCode: WARD, meetingId: later, now: at("2026-12-08T19:00:00Z") });
    approveMinutes(db, { ...p, atMeetingId: later, now: at("2026-12-08T19:10:00Z") });
    expect(back).toThrow(/Approved minutes cannot go back to draft/);
    expect(listMinutesVersions(db, meetingId)[0]!.status).toBe("approved");
  });
});

describe("the votes held, in the minutes", () => {
  it("carry each published vote's method, places, electorate, ballots, winners by round, final hash and priorities", () => {
    const { db, meetingId, p } = heldMeeting();
    const { voteId, priorityIds } = seedPublishedVote(db, {
      wardCode: WARD,
      meetingId,
      concerns: ["Speeding on Gower Street", "Bikes stolen at the station", "Graffiti in the square"],
      rankings: [
        [0, 1],
        [0, 2],
        [1, 0],
        [1, 2],
      ],
      seats: 2,
      now: at("2026-11-10T19:30:00Z"),
    });
    // The live meeting ends after the vote; the draft shows the vote as the record stands.
    endMeeting(db, { ...p, now: at("2026-11-10T21:05:00Z") });
    draftMinutes(db, { ...p, now: at("2026-11-10T21:05:00Z") });
    const [draft] = listMinutesVersionsNow(db, meetingId);
    const vote = draft!.content.votes?.[0];
    expect(vote).toMatchObject({
      voteId,
      status: "published",
      method: "ranked",
      seats: 2,
      secrecy: "secret",
      electorate: 4,
      ballotsCast: 4,
      result: { validBallots: 4, rejectedBallots: 0, counts: [] },
      finalHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(vote!.result!.winners.map((w) => w.title).sort()).toEqual([
      "Bikes stolen at the station",
      "Speeding on Gower Street",
    ]);
    expect(vote!.result!.winners.every((w) => typeof w.round === "number" && w.round >= 1)).toBe(true);
    expect(vote!.priorities.map((x) => x.id).sort()).toEqual([...priorityIds].sort());

    // Circulating fixes it in the stored content.
    circulateMinutes(db, { ...p, now: at("2026-11-11T09:00:00Z") });
    expect(listMinutesVersions(db, meetingId)[0]!.content.votes).toEqual(draft!.content.votes);
  });

  it("give an approval vote's counts, highest first", () => {
    const { db, meetingId, p } = heldMeeting();
    seedPublishedVote(db, {
      wardCode: WARD,
      meetingId,
      concerns: ["Speeding", "Bikes", "Graffiti"],
      approvals: [[0, 1], [0], [0, 2], [1]],
      seats: 1,
      secret: false,
      now: at("2026-11-10T19:30:00Z"),
    });
    endMeeting(db, { ...p, now: at("2026-11-11T09:00:00Z") });
    draftMinutes(db, { ...p, now: at("2026-11-11T09:00:00Z") });
    const vote = listMinutesVersions(db, meetingId)[0]!.content.votes![0]!;
    expect(vote).toMatchObject({ method: "approval", secrecy: "open", seats: 1 });
    expect(vote.result!.winners).toEqual([{ title: "Speeding", round: null }]);
    expect(vote.result!.counts).toEqual([
      { title: "Speeding", count: 3 },
      { title: "Bikes", count: 2 },
      { title: "Graffiti", count: 1 },
    ]);
  });

  it("show a decision recorded after drafting in the draft, and fix the record at circulation", () => {
    const { db, meetingId, p } = heldMeeting();
    endMeeting(db, { ...p, now: at("2026-11-10T19:05:00Z") });
    draftMinutes(db, { ...p, now: at("2026-11-10T19:05:00Z") });
    const item = listAgendaItems(db, meetingId)[0]!;
    addDecision(db, { ...p, itemId: item.id, text: "Write to the council", now: at("2026-11-10T19:20:00Z") });
    expect(listMinutesVersionsNow(db, meetingId)[0]!.content.items[0]!.decisions).toEqual(["Write to the council"]);
    circulateMinutes(db, { ...p, now: at("2026-11-11T09:00:00Z") });
    expect(listMinutesVersions(db, meetingId)[0]!.content.items[0]!.decisions).toEqual(["Write to the council"]);
  });
});
