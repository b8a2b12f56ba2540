import { TRPCError } from "@trpc/server";
import { submitConcern } from "@wardpanel/db/queries/concerns";
import { seedPanelWithMembers, seedPublishedMeeting } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { callerFor, createTestDb } from "../testing";

const WARD = "E05013653";
const NOW = new Date("2026-11-25T19:30:00Z");
const RAISED = "people drive way too fast down gower st its dangerous!!";

function wardWithConcern() {
  const db = createTestDb();
  const panel = seedPanelWithMembers(db, WARD, 1);
  const concernId = submitConcern(db, {
    wardCode: WARD,
    source: "snt",
    concern: {
      description: RAISED,
      location: "Gower Street",
      postcode: "",
      lon: null,
      lat: null,
      category: "road-safety",
    },
    tokenSecret: "a-secret-for-tests",
    now: NOW,
  }).concernId;
  const chair = callerFor(db, panel.chair.id, { now: () => NOW });
  return { db, panel, chair, ref: { wardCode: WARD, concernId } };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (error: unknown) => (error instanceof TRPCError ? `${error.code}: ${error.message}` : Promise.reject(error)),
  );

describe("the sergeant's wording for the ballot", () => {
  it("puts the new words on the ballot, keeps the words as raised for staff, and records who changed them", async () => {
    const { db, panel, chair, ref } = wardWithConcern();
    await chair.concerns.setBallotWording({ ...ref, wording: "Speeding on Gower Street" });
    const [queued] = await chair.concerns.queue({ wardCode: WARD });
    expect(queued?.description).toBe(RAISED);
    expect(queued?.ballotWording).toBe("Speeding on Gower Street");
    expect(queued?.ballotWordingByName).toBe(panel.chair.name);
    expect(queued?.ballotWordingAt?.toISOString()).toBe(NOW.toISOString());

    await chair.concerns.shortlist({ ...ref, isShortlisted: true });
    const meetingId = seedPublishedMeeting(db, { wardCode: WARD, date: "2026-11-25", now: new Date("2026-11-01") });
    const { voteId } = await chair.votes.create({
      wardCode: WARD,
      meetingId,
      method: "approval",
      seats: 1,
      dotsPerVoter: 5,
      ballotSecrecy: "open",
      tieBreak: "earliest-raised",
    });
    const vote = (await chair.votes.forMeeting({ wardCode: WARD, meetingId })).votes.find((v) => v.id === voteId);
    expect(JSON.stringify(vote)).toContain("Speeding on Gower Street");
    expect(JSON.stringify(vote)).not.toContain("way too fast");

    // Empty words put back the words as raised.
    await chair.concerns.setBallotWording({ ...ref, wording: "" });
    const [back] = await chair.concerns.queue({ wardCode: WARD });
    expect(back?.ballotWording).toBeNull();
    expect(back?.ballotWordingByName).toBeNull();
  });

  it("lists rejected concerns with the reason and restores one to the queue; a concern in the queue cannot be restored", async () => {
    const { chair, ref } = wardWithConcern();
    expect(await refusal(chair.concerns.restore(ref))).toBe("CONFLICT: Only a rejected concern can be restored");
    await chair.concerns.reject({ ...ref, reason: "Not a police matter" });
    expect(await chair.concerns.queue({ wardCode: WARD })).toHaveLength(0);
    const rejected = await chair.concerns.rejected({ wardCode: WARD });
    expect(rejected.map((c) => [c.id, c.rejectionReason])).toEqual([[ref.concernId, "Not a police matter"]]);
    expect(await refusal(chair.concerns.setBallotWording({ ...ref, wording: "Speeding" }))).toBe(
      "CONFLICT: This concern has already been dealt with",
    );

    await chair.concerns.restore(ref);
    expect((await chair.concerns.queue({ wardCode: WARD })).map((c) => [c.id, c.status])).toEqual([
      [ref.concernId, "new"],
    ]);
    expect(await chair.concerns.rejected({ wardCode: WARD })).toHaveLength(0);
  });
});
