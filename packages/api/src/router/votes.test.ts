import { TRPCError } from "@trpc/server";
import { markAttendance } from "@wardpanel/db/queries/attendance";
import { setShortlisted, submitConcern } from "@wardpanel/db/queries/concerns";
import { startMeeting } from "@wardpanel/db/queries/live";
import { getVoteRecord } from "@wardpanel/db/queries/votes";
import { seedPanelWithMembers, seedPublishedMeeting } from "@wardpanel/db/testing";
import { type BallotPayload, verifyVoteRecord } from "@wardpanel/voting";
import { describe, expect, it } from "vitest";

import { callerFor, createTestDb } from "../testing";

const WARD = "E05013653";
const NOW = new Date("2026-11-25T19:30:00Z");

/** A meeting under way with everyone on a chair-and-three-member panel present, and a vote set up by the chair. */
async function meetingWithVote(ballotSecrecy: "open" | "secret") {
  const db = createTestDb();
  const panel = seedPanelWithMembers(db, WARD, 3);
  const meetingId = seedPublishedMeeting(db, {
    wardCode: WARD,
    date: "2026-11-25",
    now: new Date("2026-11-01T12:00:00Z"),
  });
  const concerns = ["Speeding on Gower Street", "Bike theft at Euston"].map((description) => {
    const id = submitConcern(db, {
      wardCode: WARD,
      source: "snt",
      concern: { description, location: "Bloomsbury", postcode: "", lon: null, lat: null, category: "road-safety" },
      tokenSecret: "a-secret-for-tests",
      now: NOW,
    }).concernId;
    setShortlisted(db, { wardCode: WARD, concernId: id, isShortlisted: true, now: NOW });
    return `concern-${id}`;
  });
  startMeeting(db, { wardCode: WARD, meetingId, now: NOW });
  for (const u of panel.everyone)
    markAttendance(db, { wardCode: WARD, meetingId, userId: u.id, status: "present", now: NOW });
  const chair = callerFor(db, panel.chair.id);
  const { voteId } = await chair.votes.create({
    wardCode: WARD,
    meetingId,
    method: "approval",
    seats: 1,
    dotsPerVoter: 5,
    ballotSecrecy,
    tieBreak: "earliest-raised",
  });
  await chair.votes.open({ wardCode: WARD, voteId });
  return { db, panel, meetingId, voteId, concerns, chair, ref: { wardCode: WARD, voteId } };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (error: unknown) => (error instanceof TRPCError ? `${error.code}: ${error.message}` : Promise.reject(error)),
  );

describe("casting and entering ballots through the API", () => {
  it("refuses an online ballot cast for another member, and the member can still vote", async () => {
    const { db, panel, chair, ref, concerns } = await meetingWithVote("secret");
    const [tom] = panel.members;
    const outcome = await refusal(
      chair.votes.cast({ ...ref, ballot: { approved: [concerns[0]] }, voterUserId: tom!.id } as never),
    );
    expect(outcome).toMatch(/^BAD_REQUEST: [\s\S]*Unrecognized key[\s\S]*voterUserId/);
    expect(
      await chair.votes.forMeeting({ wardCode: WARD, meetingId: getVoteRecord(db, ref.voteId)!.vote.meetingId }),
    ).toMatchObject({ votes: [{ progress: { voted: 0, ballots: 0 } }] });
    // The old path for the chair to type in any member's ballot is gone.
    const castPaper = (chair.votes as unknown as Record<string, (input: unknown) => Promise<unknown>>).castPaper!;
    expect(await refusal(castPaper({ ...ref, voterUserId: tom!.id, ballot: { approved: [concerns[0]] } }))).toMatch(
      /^NOT_FOUND: No procedure found/,
    );
    // A secret vote takes no ballot typed in against a member's name either.
    expect(
      await refusal(
        chair.votes.enterNamedPaperBallot({ ...ref, voterUserId: tom!.id, ballot: { approved: [concerns[0]] } }),
      ),
    ).toBe("CONFLICT: This is a secret ballot: record who voted on paper, then enter their ballots without names");
    await callerFor(db, tom!.id).votes.cast({ ...ref, ballot: { approved: [concerns[1]] } });
    expect(await callerFor(db, tom!.id).votes.ballot(ref)).toMatchObject({ hasVoted: true });
  });

  it("in a secret vote, records paper voters and then unnamed ballots; a paper voter cannot also vote online", async () => {
    const { db, panel, meetingId, chair, ref, concerns } = await meetingWithVote("secret");
    const [tom, ama, li] = panel.members;
    const before = await chair.votes.forMeeting({ wardCode: WARD, meetingId });
    expect(before.votes[0]!.members.map((m) => m.name).sort()).toEqual(panel.everyone.map((u) => u.name).sort());
    // Other staff see how many have voted, not who.
    expect((await callerFor(db, tom!.id).votes.forMeeting({ wardCode: WARD, meetingId })).votes[0]!.members).toEqual(
      [],
    );

    expect(await refusal(chair.votes.enterPaperBallots({ ...ref, ballots: [{ approved: [] }] }))).toBe(
      "CONFLICT: Record who voted on paper before entering their ballots",
    );
    await chair.votes.markPaperVoters({ ...ref, userIds: [ama!.id, li!.id] });
    expect(await refusal(callerFor(db, li!.id).votes.cast({ ...ref, ballot: { approved: [concerns[0]] } }))).toBe(
      "CONFLICT: You are recorded as voting on paper, so you cannot also vote online",
    );
    expect(await refusal(chair.votes.markPaperVoters({ ...ref, userIds: [li!.id] }))).toBe(
      `CONFLICT: ${li!.name} has already voted. Nobody was recorded as voting on paper.`,
    );
    expect(
      await refusal(
        chair.votes.enterPaperBallots({
          ...ref,
          ballots: [{ approved: [concerns[0]] }, { approved: ["concern-999"] }],
        }),
      ),
    ).toBe('BAD_REQUEST: Paper ballot 2: "concern-999" is not one of the options in this vote.');
    expect(
      await refusal(
        chair.votes.enterPaperBallots({ ...ref, ballots: [{ approved: [] }, { approved: [] }, { approved: [] }] }),
      ),
    ).toBe("BAD_REQUEST: 3 paper ballots were given, but only 2 are still to be entered");
    expect((await chair.votes.forMeeting({ wardCode: WARD, meetingId })).votes[0]!.progress).toEqual({
      electorate: 4,
      voted: 2,
      ballots: 0,
      paperBallotsToEnter: 2,
    });
    expect(
      await chair.votes.enterPaperBallots({
        ...ref,
        ballots: [{ approved: [concerns[0]] }, { approved: [concerns[1]] }],
      }),
    ).toMatchObject({ entered: 2 });
    await callerFor(db, tom!.id).votes.cast({ ...ref, ballot: { approved: [concerns[0]] } });
    await chair.votes.close(ref);
    await chair.votes.publish(ref);

    const result = await callerFor(db, null).votes.result(ref);
    expect(result).toMatchObject({ isPublished: true, verification: { ok: true } });
    expect(result.isPublished && result.ballotSources).toEqual([
      "1 ballot cast online, each by the member on their own device.",
      "2 members were recorded as voting on paper.",
      `2 paper ballots entered without names by ${panel.chair.name}.`,
    ]);
  });

  it("in an open vote, records a paper ballot as entered by the chair for the member, and shows it with the result", async () => {
    const { db, panel, meetingId, chair, ref, concerns } = await meetingWithVote("open");
    const [tom, ama, li] = panel.members;
    expect(await refusal(chair.votes.markPaperVoters({ ...ref, userIds: [li!.id] }))).toBe(
      "CONFLICT: This is an open ballot: enter each paper ballot for the member whose ballot it is",
    );
    await chair.votes.enterNamedPaperBallot({ ...ref, voterUserId: li!.id, ballot: { approved: [concerns[1]] } });
    expect(
      await refusal(
        chair.votes.enterNamedPaperBallot({ ...ref, voterUserId: li!.id, ballot: { approved: [concerns[1]] } }),
      ),
    ).toBe(`CONFLICT: ${li!.name} has already voted`);
    expect(await refusal(callerFor(db, li!.id).votes.cast({ ...ref, ballot: { approved: [concerns[0]] } }))).toBe(
      "CONFLICT: You are recorded as voting on paper, so you cannot also vote online",
    );
    expect(
      (await chair.votes.forMeeting({ wardCode: WARD, meetingId })).votes[0]!.members.find((m) => m.userId === li!.id),
    ).toMatchObject({ hasVoted: true });
    for (const member of [tom!, ama!])
      await callerFor(db, member.id).votes.cast({ ...ref, ballot: { approved: [concerns[1]] } });
    await chair.votes.close(ref);
    await chair.votes.publish(ref);

    const { record } = getVoteRecord(db, ref.voteId)!;
    const paper = record.entries
      .filter((e) => e.type === "ballot")
      .map((e) => e.payload as BallotPayload)
      .find((b) => b.source === "paper");
    expect(paper).toEqual({
      voter: String(li!.id),
      voterName: li!.name,
      source: "paper",
      enteredBy: { id: String(panel.chair.id), name: panel.chair.name },
      ballot: { approved: [concerns[1]] },
    });
    expect(verifyVoteRecord(JSON.parse(JSON.stringify(record)))).toMatchObject({ ok: true });
    const result = await callerFor(db, null).votes.result(ref);
    expect(result.isPublished && result.ballotSources).toEqual([
      "2 ballots cast online, each by the member on their own device.",
      `Paper ballot entered by ${panel.chair.name} for ${li!.name}.`,
    ]);
  });
});
