import { describe, expect, it } from "vitest";

import { countVote } from "./count.js";
import { VotingError } from "./errors.js";
import { makeConfig, times } from "./testing.js";
import { drawNumber } from "./tie-break.js";
import type { RankedBallot, TieBreak } from "./types.js";

// Approval, 2 places: Litter 3 approvals; Speeding and Parking tied on 2 for the last place.
const approvalTie = (tieBreak: TieBreak) =>
  makeConfig({ kind: "approval" }, ["Litter", "Speeding", "Parking"], { seats: 2, tieBreak });
const approvalBallots = [
  { approved: ["litter", "speeding"] },
  { approved: ["litter", "parking"] },
  { approved: ["litter", "speeding", "parking"] },
];

// STV, 1 place, 7 papers (quota 4): A 3, B 2, C 2. B and C are tied for exclusion in round 1, so
// there is no earlier round to look back to and the panel's rule decides.
const stvConfig = (tieBreak: TieBreak) => makeConfig({ kind: "ranked" }, ["A", "B", "C"], { seats: 1, tieBreak });
const stvBallots: RankedBallot[] = [
  ...times(3, { ranking: ["a"] }),
  ...times(2, { ranking: ["b", "a"] }),
  ...times(2, { ranking: ["c", "b"] }),
];

describe("tie-break rules", () => {
  it("earliest-raised favours the concern raised first", () => {
    const result = countVote(approvalTie("earliest-raised"), approvalBallots, { seed: "x" });
    expect(result.winners).toEqual(["litter", "speeding"]);
    expect(result.ties).toEqual([
      {
        round: 1,
        question: "elect",
        tied: ["speeding", "parking"],
        chosen: ["speeding"],
        brokenBy: "earliest-raised",
        decision: 1,
      },
    ]);
    expect(result.explanation).toContain(
      "Speeding and Parking are tied on 2 approvals for the last place. The panel's tie-break rule favours the concern raised earliest, so Speeding is chosen.",
    );
  });

  it("earliest-raised excludes the concern raised last in an STV exclusion tie", () => {
    const result = countVote(stvConfig("earliest-raised"), stvBallots, { seed: "x" });
    expect(result.ties[0]).toMatchObject({
      question: "exclude",
      tied: ["b", "c"],
      chosen: ["c"],
      brokenBy: "earliest-raised",
    });
    // C's 2 papers go to B, which reaches the quota of 4.
    expect(result.winners).toEqual(["b"]);
  });

  it("random-seeded is reproducible from the seed and follows the published draw numbers", () => {
    const seed = "4f2a".repeat(16);
    const result = countVote(approvalTie("random-seeded"), approvalBallots, { seed });
    const lower = drawNumber(seed, 1, "speeding") < drawNumber(seed, 1, "parking") ? "speeding" : "parking";
    expect(result.ties[0]).toMatchObject({ brokenBy: "random-seeded", chosen: [lower], decision: 1 });
    expect(countVote(approvalTie("random-seeded"), approvalBallots, { seed })).toEqual(result);
    // Different seeds do not always give the same answer.
    const outcomes = new Set(
      Array.from(
        { length: 20 },
        (_, i) => countVote(approvalTie("random-seeded"), approvalBallots, { seed: `seed-${i}` }).winners[1],
      ),
    );
    expect(outcomes).toEqual(new Set(["speeding", "parking"]));
  });

  it("chair-casting pauses the count until the chair's decision is recorded", () => {
    const config = approvalTie("chair-casting");
    const paused = countVote(config, approvalBallots, { seed: "x" });
    expect(paused.status).toBe("awaiting-chair");
    expect(paused.winners).toEqual([]);
    expect(paused.pendingTie).toEqual({
      decision: 1,
      round: 1,
      question: "elect",
      tied: ["speeding", "parking"],
      pick: 1,
    });
    expect(paused.explanation).toContain(
      "The count is paused: Speeding and Parking are tied and the chair must use a casting decision to say which one takes the remaining place.",
    );

    const done = countVote(config, approvalBallots, {
      seed: "x",
      chairChoices: [{ decision: 1, question: "elect", tied: ["parking", "speeding"], chosen: ["parking"] }],
    });
    expect(done.status).toBe("complete");
    expect(done.winners).toEqual(["litter", "parking"]);
    expect(done.explanation.join(" ")).toContain(
      "The chair used a casting decision (recorded in the vote record as decision 1), so Parking is chosen.",
    );
  });

  it("rejects a chair decision that does not answer the tie", () => {
    const bad = {
      seed: "x",
      chairChoices: [{ decision: 1, question: "elect" as const, tied: ["speeding", "parking"], chosen: ["litter"] }],
    };
    expect(() => countVote(approvalTie("chair-casting"), approvalBallots, bad)).toThrow(VotingError);
  });

  it("STV looks back to the most recent round where tied candidates differed before using the rule", () => {
    // 10 papers, 1 place, quota 6. Round 1: A 4, B 3, C 2, D 1 (D>C>B). Round 2: D excluded, C 3.
    // Round 3: B and C are tied on 3 for exclusion; in round 1 B had 3 and C 2, so C is excluded
    // without asking the chair, and its 3 papers take B to 6.
    const config = makeConfig({ kind: "ranked" }, ["A", "B", "C", "D"], { seats: 1, tieBreak: "chair-casting" });
    const ballots: RankedBallot[] = [
      ...times(4, { ranking: ["a"] }),
      ...times(3, { ranking: ["b", "a"] }),
      ...times(2, { ranking: ["c", "b"] }),
      ...times(1, { ranking: ["d", "c", "b"] }),
    ];
    const result = countVote(config, ballots, { seed: "x" });
    expect(result.status).toBe("complete");
    expect(result.ties).toEqual([
      { round: 3, question: "exclude", tied: ["b", "c"], chosen: ["c"], brokenBy: "earlier-round", settledByRound: 1 },
    ]);
    expect(result.explanation).toContain(
      "B and C are tied on 3 votes for exclusion. The rules look back to the most recent round where they differed (round 1), so C is excluded.",
    );
    expect(result.winners).toEqual(["b"]);
  });
});
