import { describe, expect, it } from "vitest";

import { appendEntry, type ChainEntry } from "./chain.js";
import {
  buildRecord,
  chairChoicePayload,
  closedPayload,
  countFromEntries,
  electorateSnapshot,
  type VoteRecord,
} from "./record.js";
import { honestRecord, makeConfig, times } from "./testing.js";
import { verifyVoteRecord } from "./verify.js";

const ranked = makeConfig({ kind: "ranked" }, ["Oranges", "Pears", "Chocolate", "Strawberries", "Hamburgers"]);
const ballots = [
  ...times(4, { ranking: ["oranges"] }),
  ...times(2, { ranking: ["pears", "oranges"] }),
  ...times(8, { ranking: ["chocolate", "strawberries"] }),
  ...times(4, { ranking: ["chocolate", "hamburgers"] }),
  { ranking: ["strawberries"] },
  { ranking: ["hamburgers"] },
];
const reason = (record: unknown) => {
  const v = verifyVoteRecord(record);
  return v.ok ? "ok" : v.reason;
};
/** Simulates downloading: the verifier only ever sees parsed JSON. */
const download = (record: VoteRecord): VoteRecord => JSON.parse(JSON.stringify(record)) as VoteRecord;
/** Rebuilds every hash after tampering, as a forger with the whole file would. */
function rehash(record: VoteRecord, entries: ChainEntry[]): VoteRecord {
  let chain: ChainEntry[] = [];
  for (const e of entries) chain = appendEntry(chain, e.type, e.payload, e.at);
  return { ...record, entries: chain, finalHash: chain.at(-1)?.hash ?? "" };
}

describe("verifyVoteRecord", () => {
  const record = download(honestRecord(ranked, ballots));

  it("passes an honest record and returns the recount and final hash", () => {
    const v = verifyVoteRecord(record, { expectedFinalHash: record.finalHash });
    expect(v.ok).toBe(true);
    if (v.ok) {
      expect(v.result.winners).toEqual(["chocolate", "oranges", "strawberries"]);
      expect(v.finalHash).toBe(record.entries.at(-1)?.hash);
    }
  });

  it("names the changed entry when a ballot is edited", () => {
    const edited = download(record);
    (edited.entries[7]?.payload as { ballot: { ranking: string[] } }).ballot.ranking = ["pears"];
    expect(reason(edited)).toBe("Entry 7 (ballot): hash does not match — the record has been changed.");
  });

  it("fails when an entry is removed or two are swapped", () => {
    const removed = { ...record, entries: record.entries.filter((e) => e.seq !== 3) };
    expect(reason(removed)).toBe("Entry at position 3 is numbered 4 — entries have been removed, added or reordered.");
    const swapped = { ...record, entries: [...record.entries] };
    [swapped.entries[2], swapped.entries[5]] = [record.entries[5] as ChainEntry, record.entries[2] as ChainEntry];
    expect(reason(swapped)).toMatch(/^Entry at position 2 is numbered 5/);
  });

  it("catches a forger who rewrites every hash: the recount differs, and so does the published hash", () => {
    const entries = structuredClone(record.entries);
    (entries[7]?.payload as { ballot: { ranking: string[] } }).ballot.ranking = ["pears"];
    const forged = rehash(record, entries);
    expect(reason(forged)).toMatch(/^The published result does not match a recount of the ballots/);
    const v = verifyVoteRecord(
      { ...forged, result: countFromEntries(ranked, forged.entries) },
      { expectedFinalHash: record.finalHash },
    );
    expect(v).toEqual({
      ok: false,
      reason: "The final hash does not match the published hash — this is not the record that was published.",
    });
  });

  it("rejects voters outside the electorate, double votes and ballots after close", () => {
    const outsider = structuredClone(record.entries);
    (outsider[1]?.payload as { voter: string }).voter = "intruder";
    expect(reason(rehash(record, outsider))).toBe(
      "Entry 1 (ballot): voter intruder is not in the electorate snapshot.",
    );

    const twice = structuredClone(record.entries);
    (twice[2]?.payload as { voter: string }).voter = (twice[1]?.payload as { voter: string }).voter;
    expect(reason(rehash(record, twice))).toMatch(/^Entry 2 \(ballot\): voter [0-9a-f]+ already voted in entry 1\.$/);

    const late = structuredClone(record.entries);
    late.push({ ...(late[1] as ChainEntry), seq: late.length });
    expect(reason(rehash(record, late))).toMatch(/^Entry 22 \(ballot\): cast after the vote closed in entry 21\.$/);
  });

  it("rejects an invalid ballot, a secret ballot carrying a name, and an unclosed vote", () => {
    const invalid = structuredClone(record.entries);
    (invalid[1]?.payload as { ballot: unknown }).ballot = { ranking: ["pears", "pears"] };
    expect(reason(rehash(record, invalid))).toBe(
      "Entry 1 (ballot): the ballot is not valid — Rank each option at most once; Pears is ranked twice.",
    );

    const named = structuredClone(record.entries);
    (named[1]?.payload as { voterName?: string }).voterName = "Ann";
    expect(reason(rehash(record, named))).toBe("Entry 1 (ballot): a secret ballot must not carry the voter's name.");

    const open = rehash(record, record.entries.slice(0, -1));
    expect(reason(open)).toBe("The vote has not been closed, so there is no result to check yet.");
  });

  it("rejects files that are not vote records", () => {
    expect(reason(null)).toBe("This is not a vote record.");
    expect(reason({ ...record, version: 4 })).toBe("This is not a version 1, 2 or 3 Ward Panel vote record.");
    expect(reason({ ...record, entries: [{ seq: 0 }] })).toBe("Entry at position 0 is unreadable.");
  });

  it("verifies an open-ballot record with a show-of-hands tally", () => {
    const approval = makeConfig({ kind: "approval" }, ["Litter", "Speeding"], { ballotSecrecy: "open", seats: 1 });
    const honest = download(
      honestRecord(approval, [{ approved: ["litter"] }], [{ voters: 3, counts: { speeding: 3 } }]),
    );
    expect(reason(honest)).toBe("ok");
    expect(honest.result?.winners).toEqual(["speeding"]);
    // A tally claiming more hands than there are electors is refused.
    const stuffed = structuredClone(honest.entries);
    (stuffed[2]?.payload as { tally: { voters: number; counts: Record<string, number> } }).tally = {
      voters: 9,
      counts: { speeding: 9 },
    };
    expect(reason(rehash(honest, stuffed))).toBe(
      "Entry 2 (tally): 10 people have now voted but the electorate has only 4.",
    );
  });

  it("verifies a chair's casting decision recorded after close, and rejects a decision nobody needed", () => {
    const config = makeConfig({ kind: "approval" }, ["Litter", "Speeding"], { seats: 1, tieBreak: "chair-casting" });
    const ward = { code: "E05000138", name: "Test Ward" };
    const opened = electorateSnapshot({
      voteId: "v",
      ward,
      config,
      voters: [
        { id: "a", name: "A" },
        { id: "b", name: "B" },
      ],
      tokenSecret: "s",
    });
    let entries = appendEntry([], "opened", opened, "2025-01-06T19:00:00Z");
    entries = appendEntry(
      entries,
      "ballot",
      { voter: opened.electorate[0]?.voter, source: "online", ballot: { approved: ["litter"] } },
      "2025-01-06T19:01:00Z",
    );
    entries = appendEntry(
      entries,
      "ballot",
      { voter: opened.electorate[1]?.voter, source: "paper", ballot: { approved: ["speeding"] } },
      "2025-01-06T19:02:00Z",
    );
    entries = appendEntry(entries, "closed", closedPayload(entries), "2025-01-06T20:00:00Z");
    const paused = countFromEntries(config, entries);
    expect(paused.status).toBe("awaiting-chair");
    if (!paused.pendingTie) throw new Error("expected a pending tie");
    entries = appendEntry(
      entries,
      "tie-break-choice",
      chairChoicePayload(paused.pendingTie, ["speeding"]),
      "2025-01-06T20:01:00Z",
    );
    const record = download(
      buildRecord({ voteId: "v", ward, config, entries, result: countFromEntries(config, entries) }),
    );
    expect(record.result?.winners).toEqual(["speeding"]);
    expect(reason(record)).toBe("ok");

    const extra = appendEntry(
      entries,
      "tie-break-choice",
      { decision: 2, question: "elect", tied: ["litter", "speeding"], chosen: ["litter"] },
      "2025-01-06T20:02:00Z",
    );
    const withExtra = download(
      buildRecord({ voteId: "v", ward, config, entries: extra, result: countFromEntries(config, extra) }),
    );
    expect(reason(withExtra)).toBe(
      "Entry 5 (tie-break-choice): the recount never reached the tie this decision answers.",
    );
  });
});

describe("verifyVoteRecord and rounds' lost-to-rounding figure", () => {
  // 10 papers, 2 places: A's surplus of 3 moves at 3/7 -> 0.42857, so 0.00001 is lost in rounding.
  const config = makeConfig({ kind: "ranked" }, ["A", "B", "C", "D"], { seats: 2 });
  const papers = [
    ...times(4, { ranking: ["a", "b"] }),
    ...times(2, { ranking: ["a", "c"] }),
    { ranking: ["a"] },
    ...times(2, { ranking: ["c", "b"] }),
    { ranking: ["d", "c"] },
  ];
  const record = download(honestRecord(config, papers));

  it("checks the figure when the published result has it", () => {
    expect(record.result?.rounds[1]?.lostToRounding).toBe(0.00001);
    expect(reason(record)).toBe("ok");
    const changed = download(record);
    changed.result!.rounds[1]!.lostToRounding = 0;
    expect(reason(changed)).toBe("The published result does not match a recount of the ballots: round 2 differs.");
  });

  it("still verifies a result published before rounds carried it", () => {
    const older = download(record);
    for (const round of older.result!.rounds) delete round.lostToRounding;
    expect(reason(older)).toBe("ok");
  });
});
