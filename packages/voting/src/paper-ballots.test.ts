import { describe, expect, it } from "vitest";

import { ballotSourceParts, ballotSourcesInWords } from "./ballot-sources.js";
import { appendEntry, type ChainEntry } from "./chain.js";
import {
  buildRecord,
  closedPayload,
  countFromEntries,
  electorateSnapshot,
  paperVotersPayload,
  type VoteRecord,
} from "./record.js";
import { makeConfig } from "./testing.js";
import type { VoteConfig } from "./types.js";
import { verifyVoteRecord } from "./verify.js";

const ward = { code: "E05000138", name: "Test Ward" };
const chair = { id: "9", name: "Priya Shah" };
const voters = ["Tom Evans", "Ama Owusu", "Li Wei", "Sam Cole"].map((name, i) => ({ id: String(i + 1), name }));
const at = (minute: number) => `2025-01-06T19:${String(minute).padStart(2, "0")}:00.000Z`;

/** Builds a closed record from the payloads of its middle entries, as the server would store it. */
function recordOf(
  config: VoteConfig,
  middle: (electorate: string[]) => [type: "ballot" | "paper-voters", payload: unknown][],
  version: 1 | 2 = 2,
): VoteRecord {
  const opened = electorateSnapshot({ voteId: "vote-1", ward, config, voters, tokenSecret: "server-secret" });
  let entries: ChainEntry[] = appendEntry([], "opened", opened, at(0));
  middle(opened.electorate.map((e) => e.voter)).forEach(
    ([type, payload], i) => (entries = appendEntry(entries, type, payload, at(i + 1))),
  );
  entries = appendEntry(entries, "closed", closedPayload(entries), at(59));
  const record = buildRecord({ voteId: "vote-1", ward, config, entries, result: countFromEntries(config, entries) });
  return JSON.parse(JSON.stringify({ ...record, version })) as VoteRecord;
}
const reason = (record: VoteRecord) => {
  const v = verifyVoteRecord(record);
  return v.ok ? "ok" : v.reason;
};

const secret = makeConfig({ kind: "approval" }, ["Litter", "Speeding"], { seats: 1 });
const open = makeConfig({ kind: "approval" }, ["Litter", "Speeding"], { seats: 1, ballotSecrecy: "open" });
const unnamed = (approved: string[]) => ({ source: "paper", enteredBy: chair, ballot: { approved } });

describe("paper ballots in the record", () => {
  it("verifies a secret vote whose paper ballots carry no voter, only who entered them, and counts them", () => {
    const record = recordOf(secret, (t) => [
      ["ballot", { voter: t[0], source: "online", ballot: { approved: ["litter"] } }],
      ["paper-voters", paperVotersPayload([t[2]!, t[1]!], chair)],
      ["ballot", unnamed(["speeding"])],
      ["ballot", unnamed(["speeding"])],
    ]);
    expect(reason(record)).toBe("ok");
    expect(record.result?.winners).toEqual(["speeding"]);
    expect(record.result?.validBallots).toBe(3);
    expect(record.version).toBe(2);
    expect(ballotSourcesInWords(record.entries)).toEqual([
      "1 ballot cast online, each by the member on their own device.",
      "2 members were recorded as voting on paper.",
      "2 paper ballots entered without names by Priya Shah.",
    ]);
    expect(ballotSourceParts(record.entries)).toEqual([
      { kind: "online", count: 1 },
      { kind: "paperVoters", count: 2 },
      { kind: "unnamed", enteredBy: "Priya Shah", count: 2 },
    ]);
  });

  it("refuses more unnamed paper ballots than paper voters, and a paper voter who also voted online", () => {
    const stuffed = recordOf(secret, (t) => [
      ["paper-voters", paperVotersPayload([t[1]!], chair)],
      ["ballot", unnamed(["speeding"])],
      ["ballot", unnamed(["speeding"])],
    ]);
    expect(reason(stuffed)).toBe(
      "Entry 3 (ballot): this is paper ballot 2 but only 1 members were recorded as voting on paper.",
    );
    const twice = recordOf(secret, (t) => [
      ["ballot", { voter: t[1], source: "online", ballot: { approved: ["litter"] } }],
      ["paper-voters", paperVotersPayload([t[1]!], chair)],
    ]);
    expect(reason(twice)).toMatch(/^Entry 2 \(paper-voters\): voter [0-9a-f]{32} already voted in entry 1\.$/);
    const thenOnline = recordOf(secret, (t) => [
      ["paper-voters", paperVotersPayload([t[1]!], chair)],
      ["ballot", { voter: t[1], source: "online", ballot: { approved: ["litter"] } }],
    ]);
    expect(reason(thenOnline)).toMatch(/^Entry 2 \(ballot\): voter [0-9a-f]{32} already voted in entry 1\.$/);
  });

  it("refuses an online ballot entered by someone else, and unnamed ballots or paper-voter lists in an open vote", () => {
    const onBehalf = recordOf(secret, (t) => [
      ["ballot", { voter: t[0], source: "online", enteredBy: chair, ballot: { approved: ["litter"] } }],
    ]);
    expect(reason(onBehalf)).toBe(
      "Entry 1 (ballot): an online ballot is cast by the voter, never entered by someone else.",
    );
    expect(reason(recordOf(open, () => [["ballot", unnamed(["litter"])]]))).toBe(
      "Entry 1 (ballot): a ballot in an open vote must say whose it is.",
    );
    expect(reason(recordOf(open, (t) => [["paper-voters", paperVotersPayload([t[0]!], chair)]]))).toBe(
      "Entry 1 (paper-voters): only a secret ballot records paper voters apart from their ballots.",
    );
  });

  it("verifies an open vote's paper ballot entered by the chair for a named member", () => {
    const record = recordOf(open, () => [
      [
        "ballot",
        { voter: "3", voterName: "Li Wei", source: "paper", enteredBy: chair, ballot: { approved: ["litter"] } },
      ],
    ]);
    expect(reason(record)).toBe("ok");
    expect(ballotSourcesInWords(record.entries)).toEqual(["Paper ballot entered by Priya Shah for Li Wei."]);
    expect(ballotSourceParts(record.entries)).toEqual([{ kind: "named", enteredBy: "Priya Shah", voter: "Li Wei" }]);
  });

  it("still verifies a version 1 record, where a secret paper ballot carried its voter's token", () => {
    const record = recordOf(
      secret,
      (t) => [["ballot", { voter: t[2], source: "paper", ballot: { approved: ["litter"] } }]],
      1,
    );
    expect(record.version).toBe(1);
    expect(reason(record)).toBe("ok");
    expect(ballotSourcesInWords(record.entries)).toEqual(["1 paper ballot was typed in by the chair or sergeant."]);
    expect(ballotSourceParts(record.entries)).toEqual([{ kind: "untold", count: 1 }]);
  });
});
