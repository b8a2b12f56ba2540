import { verifyVoteRecord } from "@wardpanel/voting";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { voteEntries } from "../schema";
import { createTestDb, seedPanelWithMembers, seedPublishedMeeting } from "../testing";
import { markAttendance } from "./attendance";
import { listShortlist, mergeConcerns, setShortlisted, submitConcern } from "./concerns";
import { startMeeting } from "./live";
import { getPriorityInWard } from "./priorities";
import { castOnlineBallot, enterUnnamedPaperBallots, markPaperVoters } from "./vote-ballots";
import {
  closeVote,
  createVote,
  getVoteRecord,
  openVote,
  publishVoteResult,
  updateVoteSettings,
  verifyStoredVote,
} from "./votes";

const WARD = "E05013653";
const NOW = new Date("2026-11-25T19:30:00Z");
const SETTINGS = {
  method: "approval" as const,
  seats: 2,
  dotsPerVoter: 5,
  ballotSecrecy: "secret" as const,
  tieBreak: "earliest-raised" as const,
};

/** A quorate meeting under way with three shortlisted concerns (one raised by two people). */
function meetingWithShortlist() {
  const db = createTestDb();
  const panel = seedPanelWithMembers(db, WARD, 4); // five voting members: three needed
  const meetingId = seedPublishedMeeting(db, {
    wardCode: WARD,
    date: "2026-11-25",
    now: new Date("2026-11-01T12:00:00Z"),
  });
  const raise = (description: string) =>
    submitConcern(db, {
      wardCode: WARD,
      source: "public_form",
      concern: {
        description,
        location: "Bloomsbury",
        postcode: "",
        lon: null,
        lat: null,
        category: "anti-social-behaviour",
      },
      tokenSecret: "a-secret-for-tests",
      now: NOW,
    }).concernId;
  const [a, b, c, duplicate] = [
    raise("Drug dealing in Russell Square"),
    raise("Speeding on Gower Street"),
    raise("Bike theft at Euston"),
    raise("Dealing in the square gardens"),
  ];
  mergeConcerns(db, { wardCode: WARD, keepId: a!, mergeIds: [duplicate!], now: NOW });
  for (const id of [a!, b!, c!]) setShortlisted(db, { wardCode: WARD, concernId: id, isShortlisted: true, now: NOW });
  startMeeting(db, { wardCode: WARD, meetingId, now: NOW });
  return { db, meetingId, voters: panel.everyone, concerns: { a: a!, b: b!, c: c! } };
}

function markPresent(db: ReturnType<typeof createTestDb>, meetingId: number, users: { id: number }[]) {
  for (const u of users) markAttendance(db, { wardCode: WARD, meetingId, userId: u.id, status: "present", now: NOW });
}

describe("a panel vote", () => {
  it("keeps the count of people who raised merged duplicates", () => {
    const { db } = meetingWithShortlist();
    expect(listShortlist(db, WARD).map((c) => [c.description, c.raisedCount])).toEqual([
      ["Drug dealing in Russell Square", 2],
      ["Speeding on Gower Street", 1],
      ["Bike theft at Euston", 1],
    ]);
  });

  it("refuses to open without quorum, and refuses absent members, second ballots and changed settings", () => {
    const { db, meetingId, voters } = meetingWithShortlist();
    const voteId = createVote(db, { wardCode: WARD, meetingId, settings: SETTINGS, createdBy: null });
    markPresent(db, meetingId, voters.slice(0, 2));
    expect(() => openVote(db, { wardCode: WARD, voteId, now: NOW })).toThrow(
      /The vote cannot open: the meeting is not quorate/,
    );
    markPresent(db, meetingId, voters.slice(2, 3));
    openVote(db, { wardCode: WARD, voteId, now: NOW });

    expect(() =>
      updateVoteSettings(db, { wardCode: WARD, voteId, settings: { ...SETTINGS, method: "ranked" } }),
    ).toThrow(/method and settings are fixed/);
    const absent = voters[4]!;
    // Marked present after opening: the electorate was snapshotted at opening.
    markPresent(db, meetingId, [absent]);
    const ballot = { approved: ["concern-1"] };
    expect(() => castOnlineBallot(db, { wardCode: WARD, voteId, voter: absent, ballot, now: NOW })).toThrow(
      "Only voting members marked present when the vote opened can vote",
    );
    castOnlineBallot(db, { wardCode: WARD, voteId, voter: voters[0]!, ballot, now: NOW });
    expect(() => castOnlineBallot(db, { wardCode: WARD, voteId, voter: voters[0]!, ballot, now: NOW })).toThrow(
      "You have already voted",
    );
    expect(() =>
      castOnlineBallot(db, {
        wardCode: WARD,
        voteId,
        voter: voters[1]!,
        ballot: { approved: ["concern-99"] },
        now: NOW,
      }),
    ).toThrow('"concern-99" is not one of the options in this vote.');
  });

  it("counts, publishes the winners as draft priorities, and verifies — until a ballot row is changed", () => {
    const { db, meetingId, voters, concerns } = meetingWithShortlist();
    markPresent(db, meetingId, voters.slice(0, 3));
    const voteId = createVote(db, { wardCode: WARD, meetingId, settings: SETTINGS, createdBy: null });
    openVote(db, { wardCode: WARD, voteId, now: NOW });
    const a = `concern-${concerns.a}`;
    const b = `concern-${concerns.b}`;
    const c = `concern-${concerns.c}`;
    [[a, b], [a]].forEach((approved, i) =>
      castOnlineBallot(db, { wardCode: WARD, voteId, voter: voters[i]!, ballot: { approved }, now: NOW }),
    );
    markPaperVoters(db, { wardCode: WARD, voteId, userIds: [voters[2]!.id], enteredBy: voters[0]!, now: NOW });
    enterUnnamedPaperBallots(db, {
      wardCode: WARD,
      voteId,
      ballots: [{ approved: [a, c] }],
      enteredBy: voters[0]!,
      now: NOW,
    });
    const result = closeVote(db, { wardCode: WARD, voteId, now: NOW });
    expect(result.winners[0]).toBe(a);
    expect(result.explanation.join(" ")).toContain("Drug dealing in Russell Square");

    const priorityIds = publishVoteResult(db, { wardCode: WARD, voteId, now: NOW });
    expect(priorityIds).toHaveLength(2);
    expect(getPriorityInWard(db, WARD, priorityIds[0]!)).toMatchObject({
      status: "draft",
      voteId,
      decidedAtMeetingId: meetingId,
      concernId: concerns.a,
    });

    const { record } = getVoteRecord(db, voteId)!;
    // A secret ballot names no voter: only who typed in the paper ballot.
    for (const voter of voters.slice(1)) expect(JSON.stringify(record)).not.toContain(JSON.stringify(voter.name));
    expect(verifyVoteRecord(JSON.parse(JSON.stringify(record)))).toMatchObject({ ok: true });
    expect(verifyStoredVote(db, voteId)).toMatchObject({ ok: true });

    // Someone edits a ballot in the database: the chain no longer verifies.
    const ballotRow = db
      .select()
      .from(voteEntries)
      .where(and(eq(voteEntries.voteId, voteId), eq(voteEntries.type, "ballot")))
      .get()!;
    const payload = ballotRow.payload as { ballot: { approved: string[] } };
    db.update(voteEntries)
      .set({ payload: { ...payload, ballot: { approved: [c] } } })
      .where(eq(voteEntries.id, ballotRow.id))
      .run();
    const verification = verifyStoredVote(db, voteId);
    expect(verification.ok).toBe(false);
    expect(verification.ok ? "" : verification.reason).toMatch(/Entry 1 \(ballot\): hash does not match/);
  });
});
