import { describe, expect, it } from "vitest";

import { countVote } from "../count.js";
import { makeConfig } from "../testing.js";
import type { DotsBallot } from "../types.js";

describe("dots", () => {
  // Hand-computed (dot voting has no canonical published worked example): 3 voters, 5 dots each.
  // Totals: Speeding 5 + 0 + 2 = 7, Litter 0 + 3 + 2 = 5, Parking 0 + 2 + 1 = 3, Noise 0.
  const config = makeConfig({ kind: "dots", dotsPerVoter: 5 }, ["Speeding", "Litter", "Parking", "Noise"], {
    seats: 2,
  });
  const ballots: DotsBallot[] = [
    { dots: { speeding: 5 } },
    { dots: { litter: 3, parking: 2 } },
    { dots: { speeding: 2, litter: 2, parking: 1 } },
  ];

  it("adds stacked dots and chooses the top options", () => {
    const result = countVote(config, ballots, { seed: "s" });
    expect(result.rounds[0]?.tallies).toEqual({ speeding: 7, litter: 5, parking: 3, noise: 0 });
    expect(result.winners).toEqual(["speeding", "litter"]);
    expect(result.explanation).toContain("Speeding is elected with 7 dots.");
  });

  it("accepts a show-of-hands dot tally and rejects one with too many dots", () => {
    const result = countVote(config, ballots, { seed: "s" }, [{ voters: 2, counts: { parking: 10 } }]);
    expect(result.winners).toEqual(["parking", "speeding"]);
    expect(() => countVote(config, [], { seed: "s" }, [{ voters: 2, counts: { parking: 11 } }])).toThrow(
      "2 people have 10 dots between them but the tally shows 11.",
    );
  });
});
