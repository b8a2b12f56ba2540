import { describe, expect, it } from "vitest";

import type { VoteRecord } from "./record.js";
import { honestRecord, makeConfig, times } from "./testing.js";
import { publishedTrackers } from "./tracker.js";
import { verifySteps } from "./verify-steps.js";

const ranked = makeConfig({ kind: "ranked" }, ["Oranges", "Pears", "Chocolate"]);
const record = JSON.parse(
  JSON.stringify(
    honestRecord(ranked, [
      ...times(4, { ranking: ["oranges"] }),
      ...times(3, { ranking: ["pears", "oranges"] }),
      ...times(5, { ranking: ["chocolate"] }),
    ]),
  ),
) as VoteRecord;
const summary = (r: unknown, finalHash?: string) =>
  [...verifySteps(r, finalHash === undefined ? {} : { finalHash })].map((s) => `${s.id}:${s.ok ? "ok" : "FAIL"}`);

describe("verifySteps", () => {
  it("runs read, chain, final hash, story, trackers, recount and, for a ranked vote, rounds, with the facts to show", () => {
    const steps = [
      ...verifySteps(record, { finalHash: record.finalHash, trackers: publishedTrackers(record.entries) }),
    ];
    expect(steps.map((s) => s.id)).toEqual(["read", "chain", "final-hash", "story", "trackers", "recount", "rounds"]);
    expect(steps.every((s) => s.ok)).toBe(true);
    const n = record.entries.length;
    expect(steps[0]?.facts.entries).toBe(n);
    expect(steps[1]?.facts).toEqual({ entries: n, of: n });
    expect(steps[2]?.facts).toEqual({ recordHash: record.finalHash, publishedHash: record.finalHash });
    expect(steps[3]?.facts.ballots).toBe(12);
    expect(steps[4]).toMatchObject({ ok: true, skipped: false });
    expect(steps[4]?.facts.trackers).toHaveLength(12);
    expect(steps[5]?.facts.winners).toEqual(record.result?.winners);
    expect(steps[6]?.facts.rounds).toBe(record.result?.rounds.length);
  });

  it("fails the trackers step when a published tracker is missing, and skips it when no list is given", () => {
    const trackers = publishedTrackers(record.entries);
    const steps = [...verifySteps(record, { trackers: trackers.slice(1) })];
    expect(steps.at(-1)).toMatchObject({ id: "trackers", ok: false });
    expect(steps.at(-1)?.reason).toContain(`tracker ${trackers[0]}`);
    expect([...verifySteps(record)].find((s) => s.id === "trackers")).toMatchObject({ ok: true, skipped: true });
  });

  it("marks the final-hash comparison skipped when no published hash is given", () => {
    const step = [...verifySteps(record)].find((s) => s.id === "final-hash");
    expect(step).toMatchObject({ ok: true, skipped: true });
  });

  it("stops at the first failing step and names what differs", () => {
    const edited = JSON.parse(JSON.stringify(record)) as VoteRecord;
    (edited.entries[4]?.payload as { ballot: { ranking: string[] } }).ballot.ranking = ["chocolate"];
    const steps = [...verifySteps(edited, { finalHash: record.finalHash })];
    expect(steps.map((s) => s.id)).toEqual(["read", "chain"]);
    expect(steps[1]).toMatchObject({
      ok: false,
      reason: "Entry 4 (ballot): hash does not match — the record has been changed.",
      facts: { entries: 4 },
    });
    expect(summary(record, "a".repeat(64))).toEqual(["read:ok", "chain:ok", "final-hash:FAIL"]);
    expect(summary({ format: "something else" })).toEqual(["read:FAIL"]);
  });

  it("fails the rounds step when only a published round was altered", () => {
    const published = JSON.parse(JSON.stringify(record)) as VoteRecord;
    const round = published.result?.rounds[0];
    if (round) round.nonTransferable += 1;
    expect(summary(published)).toEqual([
      "read:ok",
      "chain:ok",
      "final-hash:ok",
      "story:ok",
      "trackers:ok",
      "recount:ok",
      "rounds:FAIL",
    ]);
  });
});
