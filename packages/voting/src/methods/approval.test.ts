import { describe, expect, it } from "vitest";

import { countVote } from "../count.js";
import { makeConfig, times } from "../testing.js";
import type { ApprovalBallot } from "../types.js";

const seed = "test-seed";
const tennessee = makeConfig({ kind: "approval" }, ["Memphis", "Nashville", "Chattanooga", "Knoxville"], { seats: 1 });

describe("approval", () => {
  // Preferences from the Wikipedia "Tennessee capital" example (42 Memphis > Nashville > Chattanooga
  // > Knoxville; 26 Nashville > Chattanooga > Knoxville > Memphis; 15 Chattanooga > Knoxville >
  // Nashville > Memphis; 17 Knoxville > Chattanooga > Nashville > Memphis), with each voter
  // approving their top two. Hand totals: Memphis 42, Nashville 42 + 26 = 68,
  // Chattanooga 26 + 15 + 17 = 58, Knoxville 15 + 17 = 32, so Nashville wins.
  const ballots: ApprovalBallot[] = [
    ...times(42, { approved: ["memphis", "nashville"] }),
    ...times(26, { approved: ["nashville", "chattanooga"] }),
    ...times(15, { approved: ["chattanooga", "knoxville"] }),
    ...times(17, { approved: ["knoxville", "chattanooga"] }),
  ];

  it("elects the most-approved option in the Tennessee example", () => {
    const result = countVote(tennessee, ballots, { seed });
    expect(result.winners).toEqual(["nashville"]);
    expect(result.rounds[0]?.tallies).toEqual({ memphis: 42, nashville: 68, chattanooga: 58, knoxville: 32 });
    expect(result.explanation).toContain(
      "Round 1: Nashville 68 approvals, Chattanooga 58 approvals, Memphis 42 approvals, Knoxville 32 approvals.",
    );
    expect(result.explanation).toContain("Nashville is elected with 68 approvals.");
  });

  it("takes the top three by approvals for three places", () => {
    const result = countVote({ ...tennessee, seats: 3 }, ballots, { seed });
    expect(result.winners).toEqual(["nashville", "chattanooga", "memphis"]);
  });

  it("adds a chair's show-of-hands tally to online ballots", () => {
    const result = countVote(tennessee, ballots.slice(0, 42), { seed }, [
      { voters: 30, counts: { nashville: 30, knoxville: 12 } },
    ]);
    expect(result.rounds[0]?.tallies).toEqual({ memphis: 42, nashville: 72, chattanooga: 0, knoxville: 12 });
    expect(result.handsCounted).toBe(30);
    expect(result.explanation[0]).toBe(
      "42 valid ballots and a show of hands by 30 people were counted; each voter could approve any number of options.",
    );
  });

  it("sets aside invalid ballots and says so", () => {
    const result = countVote(tennessee, [...ballots, { approved: ["leeds"] }], { seed });
    expect(result.rejectedBallots).toBe(1);
    expect(result.validBallots).toBe(100);
    expect(result.explanation).toContain("1 ballot could not be counted because it was not valid.");
  });

  it("explains a vote with no ballots instead of throwing", () => {
    const result = countVote(tennessee, [], { seed });
    expect(result.winners).toEqual([]);
    expect(result.explanation).toContain("No votes were cast, so no priorities were chosen.");
  });

  it("with fewer options than places, chooses every option that had support", () => {
    const config = makeConfig({ kind: "approval" }, ["Litter", "Speeding"], { seats: 3 });
    const result = countVote(config, [{ approved: ["litter"] }, { approved: ["litter", "speeding"] }], { seed });
    expect(result.winners).toEqual(["litter", "speeding"]);
    expect(result.explanation).toContain("There are only 2 options for 3 places.");
  });

  it("never chooses an option nobody approved", () => {
    const config = makeConfig({ kind: "approval" }, ["Litter", "Speeding", "Parking"], { seats: 3 });
    const result = countVote(config, [{ approved: ["litter"] }, { approved: [] }], { seed });
    expect(result.winners).toEqual(["litter"]);
    expect(result.explanation).toContain("Only 1 option received any support, so only that option is chosen.");
  });
});
