// Conformance: real ballots of the Glasgow City Council election of 2007 (seven wards), counted
// here and compared, stage by stage to 5 decimal places, with droop's Scottish-rules reference
// counts (data/scotland-glasgow-2007/ATTRIBUTION.md). Also item 7 of issue 15: in every round,
// elected + continuing + non-transferable + lost to rounding = valid ballots, exactly.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { countVote } from "../count.js";
import type { VoteResult } from "../types.js";
import { bltToVote } from "./blt-vote.js";
import { readBlt } from "./read-blt.js";

const DIR = join(import.meta.dirname, "../../data/scotland-glasgow-2007");
const WARDS = readdirSync(DIR)
  .filter((f) => f.endsWith(".blt"))
  .map((f) => f.replace(/\.blt$/, ""));

type Stage = {
  round: number;
  event: string;
  votes: Record<string, string>;
  state: Record<string, "hopeful" | "elected" | "defeated">;
  nonTransferable: string;
  total: string;
};
type Expected = { seats: number; ballots: number; quota: string; winners: string[]; stages: Stage[] };

/** "1381.00000" → 138100000n, exactly. */
const units = (fixed: string) => {
  const [whole = "0", fraction = ""] = fixed.split(".");
  return BigInt(whole) * 100000n + BigInt(fraction.padEnd(5, "0").slice(0, 5));
};
const toUnits = (n: number) => BigInt(Math.round(n * 100000));
/** droop joins a name's words with one space; the count's titles do the same and trim. */
const normal = (name: string) => name.replace(/\s+/g, " ").trim();

function countWard(ward: string) {
  const election = readBlt(readFileSync(join(DIR, `${ward}.blt`)));
  const { config, ballots } = bltToVote(election);
  const result = countVote(config, ballots, { seed: "conformance" });
  const title = new Map(config.candidates.map((c) => [c.id, c.title]));
  const expected = JSON.parse(readFileSync(join(DIR, `${ward}.expected.json`), "utf8")) as Expected;
  return { result, title: (id: string) => title.get(id) ?? id, expected };
}

/** The last stage of each droop round: round r of droop is round r + 1 here (round 1 is first preferences). */
function roundEnds(stages: Stage[]): Stage[] {
  const ends: Stage[] = [];
  for (const stage of stages) ends[stage.round] = stage;
  return ends;
}

function cumulative(result: VoteResult, upTo: number, field: "nonTransferable" | "lostToRounding") {
  return result.rounds.slice(0, upTo + 1).reduce((sum, r) => sum + toUnits(r[field] ?? 0), 0n);
}

describe("conformance: Glasgow City Council 2007, Scottish STV rules", () => {
  it("has the seven wards' files", () => {
    expect(WARDS).toHaveLength(7);
  });

  for (const ward of WARDS) {
    it(`${ward}: every stage to 5 decimal places, the quota and the winners match the reference count`, () => {
      const { result, title, expected } = countWard(ward);
      expect(result.status).toBe("complete");
      expect(result.validBallots).toBe(expected.ballots);
      expect(BigInt(result.quota ?? 0) * 100000n).toBe(units(expected.quota));
      const ends = roundEnds(expected.stages);
      expect(result.rounds).toHaveLength(ends.length);
      const electedSoFar = new Set<string>();
      const excludedSoFar = new Set<string>();
      ends.forEach((stage, r) => {
        const round = result.rounds[r]!;
        round.elected.forEach((id) => electedSoFar.add(normal(title(id))));
        round.excluded.forEach((id) => excludedSoFar.add(normal(title(id))));
        const ours = Object.fromEntries(
          Object.entries(round.tallies).map(([id, v]) => [normal(title(id)), toUnits(v)]),
        );
        const theirs = Object.fromEntries(Object.entries(stage.votes).map(([name, v]) => [normal(name), units(v)]));
        expect(ours, `${ward} round ${r + 1} votes`).toEqual(theirs);
        expect(cumulative(result, r, "nonTransferable"), `${ward} round ${r + 1} non-transferable`).toBe(
          units(stage.nonTransferable),
        );
        for (const [name, state] of Object.entries(stage.state)) {
          const mine = electedSoFar.has(normal(name))
            ? "elected"
            : excludedSoFar.has(normal(name))
              ? "defeated"
              : "hopeful";
          // After the count droop marks everyone not elected "defeated", for its report only.
          if (stage.event === "end" && state === "defeated" && mine === "hopeful") continue;
          expect(mine, `${ward} round ${r + 1}: ${name}`).toBe(state);
        }
      });
      expect(new Set(result.winners.map((id) => normal(title(id))))).toEqual(new Set(expected.winners.map(normal)));
    });

    it(`${ward}: in every round, elected + continuing + non-transferable + lost to rounding = valid ballots`, () => {
      const { result, expected } = countWard(ward);
      const valid = BigInt(result.validBallots) * 100000n;
      result.rounds.forEach((round, r) => {
        const held = Object.values(round.tallies).reduce((sum, v) => sum + toUnits(v), 0n);
        const gone = cumulative(result, r, "nonTransferable") + cumulative(result, r, "lostToRounding");
        expect(held + gone, `${ward} round ${r + 1}`).toBe(valid);
      });
      // droop's "total" (votes held by candidates) agrees, so its residual is our lost to rounding.
      roundEnds(expected.stages).forEach((stage, r) => {
        expect(units(stage.total) + units(stage.nonTransferable) + cumulative(result, r, "lostToRounding")).toBe(valid);
      });
    });
  }
});
