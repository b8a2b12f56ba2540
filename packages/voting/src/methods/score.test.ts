import { describe, expect, it } from "vitest";

import { countVote } from "../count.js";
import { makeConfig, times } from "../testing.js";
import type { ScoreBallot } from "../types.js";

describe("score", () => {
  // Wikipedia "Score voting", Tennessee capital example (scores 0-10 by distance):
  // Memphis voters (42): M 10, N 4, C 2, K 0; Nashville voters (26): M 0, N 10, C 4, K 2;
  // Chattanooga voters (15): M 0, N 6, C 10, K 6; Knoxville voters (17): M 0, N 5, C 7, K 10.
  // Hand totals: Memphis 420; Nashville 168 + 260 + 90 + 85 = 603;
  // Chattanooga 84 + 104 + 150 + 119 = 457; Knoxville 0 + 52 + 90 + 170 = 312. Nashville wins.
  const config = makeConfig({ kind: "score", maxScore: 10 }, ["Memphis", "Nashville", "Chattanooga", "Knoxville"], {
    seats: 1,
  });
  const ballots: ScoreBallot[] = [
    ...times(42, { scores: { memphis: 10, nashville: 4, chattanooga: 2, knoxville: 0 } }),
    ...times(26, { scores: { memphis: 0, nashville: 10, chattanooga: 4, knoxville: 2 } }),
    ...times(15, { scores: { memphis: 0, nashville: 6, chattanooga: 10, knoxville: 6 } }),
    ...times(17, { scores: { memphis: 0, nashville: 5, chattanooga: 7, knoxville: 10 } }),
  ];

  it("elects the highest total score in the Tennessee example", () => {
    const result = countVote(config, ballots, { seed: "s" });
    expect(result.rounds[0]?.tallies).toEqual({ memphis: 420, nashville: 603, chattanooga: 457, knoxville: 312 });
    expect(result.winners).toEqual(["nashville"]);
    expect(result.explanation).toContain("Nashville is elected with 603 points.");
  });

  it("treats an option left blank as 0", () => {
    const result = countVote({ ...config, seats: 2 }, [{ scores: { knoxville: 3 } }, { scores: { memphis: 1 } }], {
      seed: "s",
    });
    expect(result.winners).toEqual(["knoxville", "memphis"]);
  });
});
