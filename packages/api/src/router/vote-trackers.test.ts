import { TRPCError } from "@trpc/server";
import { markAttendance } from "@wardpanel/db/queries/attendance";
import { setShortlisted, submitConcern } from "@wardpanel/db/queries/concerns";
import { startMeeting } from "@wardpanel/db/queries/live";
import { getVoteRecord } from "@wardpanel/db/queries/votes";
import { seedPanelWithMembers, seedPublishedMeeting } from "@wardpanel/db/testing";
import { ballotTrackers, verifyVoteRecord } from "@wardpanel/voting";
import { describe, expect, it } from "vitest";

import { callerFor, createTestDb } from "../testing";

const WARD = "E05013653";
const NOW = new Date("2026-11-25T19:30:00Z");
const TRACKER = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/;

/** A ranked vote on three shortlisted concerns, open, with a chair and three members present. */
async function rankedVote(ballotSecrecy: "open" | "secret") {
  const db = createTestDb();
  const panel = seedPanelWithMembers(db, WARD, 3);
  const meetingId = seedPublishedMeeting(db, {
    wardCode: WARD,
    date: "2026-11-25",
    now: new Date("2026-11-01T12:00:00Z"),
  });
  const concerns = ["Speeding on Gower Street", "Bike theft at Euston", "Litter in Gordon Square"].map(
    (description) => {
      const id = submitConcern(db, {
        wardCode: WARD,
        source: "snt",
        concern: { description, location: "Bloomsbury", postcode: "", lon: null, lat: null, category: "road-safety" },
        tokenSecret: "a-secret-for-tests",
        now: NOW,
      }).concernId;
      setShortlisted(db, { wardCode: WARD, concernId: id, isShortlisted: true, now: NOW });
      return `concern-${id}`;
    },
  );
  startMeeting(db, { wardCode: WARD, meetingId, now: NOW });
  for (const u of panel.everyone)
    markAttendance(db, { wardCode: WARD, meetingId, userId: u.id, status: "present", now: NOW });
  const chair = callerFor(db, panel.chair.id);
  const { voteId } = await chair.votes.create({
    wardCode: WARD,
    meetingId,
    method: "ranked",
    seats: 1,
    dotsPerVoter: 5,
    ballotSecrecy,
    tieBreak: "earliest-raised",
  });
  await chair.votes.open({ wardCode: WARD, voteId });
  return { db, panel, concerns, chair, ref: { wardCode: WARD, voteId } };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (error: unknown) => (error instanceof TRPCError ? `${error.code}: ${error.message}` : Promise.reject(error)),
  );

describe("ranked ballots checked before they count", () => {
  it("refuses duplicate, out-of-range and missing first ranks, naming the option, and counts up to a gap", async () => {
    const { db, panel, concerns, chair, ref } = await rankedVote("open");
    const [speeding, theft, litter] = concerns as [string, string, string];
    const tom = callerFor(db, panel.members[0]!.id);
    expect(
      await refusal(tom.votes.cast({ ...ref, ballot: { ranks: { [speeding]: 1, [theft]: 1, [litter]: 5 } } })),
    ).toBe(
      "BAD_REQUEST: Speeding on Gower Street and Bike theft at Euston are both ranked 1: give each option a different number.",
    );
    expect(await refusal(tom.votes.cast({ ...ref, ballot: { ranks: { [speeding]: 1, [litter]: 5 } } }))).toBe(
      "BAD_REQUEST: Litter in Gordon Square is ranked 5, but ranks go from 1 to 3 (there are 3 options): use a whole number from 1 to 3.",
    );
    expect(await refusal(tom.votes.cast({ ...ref, ballot: { ranks: { [theft]: 2 } } }))).toMatch(
      /^BAD_REQUEST: Nothing is ranked 1/,
    );
    expect(await refusal(tom.votes.cast({ ...ref, ballot: { ranking: [speeding, speeding] } }))).toBe(
      "BAD_REQUEST: Rank each option at most once; Speeding on Gower Street is ranked twice.",
    );
    // Ranks 1 and 3: the 3 does not count, as under the Scottish rules.
    const { tracker } = await tom.votes.cast({ ...ref, ballot: { ranks: { [speeding]: 1, [litter]: 3 } } });
    expect(tracker).toMatch(TRACKER);
    const { record } = getVoteRecord(db, ref.voteId)!;
    expect(record.entries.at(-1)?.payload).toMatchObject({ ballot: { ranking: [speeding] } });
    // Paper ballots get the same checks.
    expect(
      await refusal(
        chair.votes.enterNamedPaperBallot({
          ...ref,
          voterUserId: panel.members[1]!.id,
          ballot: { ranks: { [speeding]: 2, [theft]: 2 } },
        }),
      ),
    ).toBe(
      "BAD_REQUEST: Speeding on Gower Street and Bike theft at Euston are both ranked 2: give each option a different number.",
    );
  });
});

describe("ballot trackers", () => {
  it("gives each voter and each paper ballot a tracker, and publishes them all with who voted, never how", async () => {
    const { db, panel, concerns, chair, ref } = await rankedVote("secret");
    const [speeding, theft, litter] = concerns as [string, string, string];
    const [tom, ama, li] = panel.members;
    const online = [
      (await callerFor(db, tom!.id).votes.cast({ ...ref, ballot: { ranks: { [speeding]: 1, [theft]: 2 } } })).tracker,
      (await chair.votes.cast({ ...ref, ballot: { ranks: { [litter]: 1 } } })).tracker,
    ];
    await chair.votes.markPaperVoters({ ...ref, userIds: [ama!.id, li!.id] });
    const paper = await chair.votes.enterPaperBallots({
      ...ref,
      ballots: [{ ranks: { [theft]: 1 } }, { ranks: { [speeding]: 1, [litter]: 2, [theft]: 3 } }],
    });
    expect(paper.entered).toBe(2);
    const all = [...online, ...paper.trackers];
    for (const t of all) expect(t).toMatch(TRACKER);
    expect(new Set(all).size).toBe(4);
    await chair.votes.close(ref);
    await chair.votes.publish(ref);

    const result = await callerFor(db, null).votes.result(ref);
    if (!result.isPublished) throw new Error("The result should be published");
    expect(result.trackers).toEqual([...all].sort());
    expect(result.voters).toEqual(
      [panel.chair.name, tom!.name, ama!.name, li!.name].sort((a, b) => a.localeCompare(b, "en-GB")),
    );
    // The published list is exactly what the record derives.
    const { record } = getVoteRecord(db, ref.voteId)!;
    expect(verifyVoteRecord(JSON.parse(JSON.stringify(record)), { publishedTrackers: result.trackers })).toMatchObject({
      ok: true,
      trackers: result.trackers,
    });
    expect(result.trackerKind).toBe("cast");
    expect(record.version).toBe(3);
    // A secret vote's trackers prove a ballot was counted, not how: no ballot entry holds one or
    // hashes to one, and the stored trackers carry nothing but the vote (no row id, no time, no entry).
    const ballotEntries = record.entries.filter((e) => e.type === "ballot");
    const derived = new Set(ballotTrackers(record.entries).map((t) => t.tracker));
    for (const tracker of all) {
      expect(derived.has(tracker)).toBe(false);
      for (const entry of ballotEntries) expect(JSON.stringify(entry)).not.toContain(tracker);
    }
    expect(record.entries.at(-2)).toMatchObject({ type: "trackers", payload: { trackers: [...all].sort() } });
    const table = db.$client.prepare("SELECT sql FROM sqlite_master WHERE name = 'vote_trackers'").get() as {
      sql: string;
    };
    expect(table.sql).toMatch(/WITHOUT ROWID$/);
    const columns = (db.$client.prepare("PRAGMA table_info(vote_trackers)").all() as { name: string }[]).map(
      (c) => c.name,
    );
    expect(columns).toEqual(["vote_id", "tracker"]);
    expect(db.$client.prepare("SELECT vote_id, tracker FROM vote_trackers").all()).toEqual(
      [...all].sort().map((tracker) => ({ vote_id: ref.voteId, tracker })),
    );
  });

  it("in an open vote, derives each tracker from its ballot entry, which names the voter anyway", async () => {
    const { db, panel, concerns, chair, ref } = await rankedVote("open");
    const [speeding, theft] = concerns as [string, string, string];
    const [tom, ama] = panel.members;
    const online = await callerFor(db, tom!.id).votes.cast({ ...ref, ballot: { ranks: { [speeding]: 1 } } });
    const paper = await chair.votes.enterNamedPaperBallot({
      ...ref,
      voterUserId: ama!.id,
      ballot: { ranks: { [theft]: 1 } },
    });
    await chair.votes.close(ref);
    await chair.votes.publish(ref);
    const result = await callerFor(db, null).votes.result(ref);
    if (!result.isPublished) throw new Error("The result should be published");
    expect(result.trackerKind).toBe("entry");
    const { record } = getVoteRecord(db, ref.voteId)!;
    expect(record.version).toBe(2);
    expect(record.entries.some((e) => e.type === "trackers")).toBe(false);
    const ballotOf = (tracker: string) => {
      const seq = ballotTrackers(record.entries).find((t) => t.tracker === tracker)?.seq;
      return (record.entries[seq ?? -1]?.payload as { voterName?: string } | undefined)?.voterName;
    };
    expect([online.tracker, paper.tracker].map(ballotOf)).toEqual([tom!.name, ama!.name]);
    expect(result.trackers).toEqual([online.tracker, paper.tracker].sort());
  });
});
