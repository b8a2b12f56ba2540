import { describe, expect, it } from "vitest";

import { countVote } from "../count.js";
import { makeConfig, times } from "../testing.js";
import type { RankedBallot } from "../types.js";

const seed = "test-seed";

describe("STV, Scottish rules", () => {
  // Source: Wikipedia, "Single transferable vote", section "Example" (the food election):
  // 20 guests, 3 places, Droop quota 6. Chocolate elected on first preferences; its surplus of 6
  // moves at 0.5 to Strawberries (+4) and Hamburgers (+2, "Sweets" in older revisions); Pears is
  // excluded, Oranges reaches the quota exactly; Hamburgers excluded; Strawberries takes the last place.
  const food = makeConfig({ kind: "ranked" }, ["Oranges", "Pears", "Chocolate", "Strawberries", "Hamburgers"]);
  const foodBallots: RankedBallot[] = [
    ...times(4, { ranking: ["oranges"] }),
    ...times(2, { ranking: ["pears", "oranges"] }),
    ...times(8, { ranking: ["chocolate", "strawberries"] }),
    ...times(4, { ranking: ["chocolate", "hamburgers"] }),
    ...times(1, { ranking: ["strawberries"] }),
    ...times(1, { ranking: ["hamburgers"] }),
  ];

  it("reproduces the Wikipedia food example round by round", () => {
    const result = countVote(food, foodBallots, { seed });
    expect(result.status).toBe("complete");
    expect(result.quota).toBe(6);
    expect(result.winners).toEqual(["chocolate", "oranges", "strawberries"]);
    expect(result.rounds.map((r) => r.action)).toEqual(["first-preferences", "surplus", "exclusion", "exclusion"]);
    expect(result.rounds[0]?.tallies).toEqual({ oranges: 4, pears: 2, chocolate: 12, strawberries: 1, hamburgers: 1 });
    expect(result.rounds[1]).toMatchObject({
      from: "chocolate",
      surplus: 6,
      transfers: { strawberries: 4, hamburgers: 2 },
    });
    expect(result.rounds[1]?.tallies).toEqual({ oranges: 4, pears: 2, chocolate: 6, strawberries: 5, hamburgers: 3 });
    expect(result.rounds[2]).toMatchObject({ excluded: ["pears"], transfers: { oranges: 2 }, elected: ["oranges"] });
    expect(result.rounds[3]).toMatchObject({
      excluded: ["hamburgers"],
      exhaustedBallots: 5,
      nonTransferable: 3,
      elected: ["strawberries"],
      electedWithoutQuota: ["strawberries"],
    });
    expect(result.exhaustedBallots).toBe(5);
  });

  it("explains the food example in plain English", () => {
    const text = countVote(food, foodBallots, { seed }).explanation.join("\n");
    expect(text).toContain(
      "Round 1: with 20 valid ballots and 3 places to fill, a candidate needs a quota of 6 votes to be elected",
    );
    expect(text).toContain("Chocolate is elected, reaching the quota with 12 votes.");
    expect(text).toContain("Chocolate has a surplus of 6 votes over the quota");
    expect(text).toContain("at a transfer value of 0.5 of a vote each");
    expect(text).toContain(
      "Pears has the fewest votes and is excluded; their 2 votes transfer to the next choices: Oranges +2.",
    );
    expect(text).toContain("Oranges is elected, reaching the quota with 6 votes.");
    expect(text).toContain("Hamburgers has the fewest votes and is excluded; none of their 3 votes can transfer");
    expect(text).toContain("so Strawberries is elected without reaching the quota");
    expect(text).toContain("The chosen priorities, in order of election, are Chocolate, Oranges and Strawberries.");
  });

  // Source: Wikipedia, "Instant-runoff voting" (Tennessee capital example): Memphis 42,
  // Nashville 26, Chattanooga 15, Knoxville 17. Chattanooga then Nashville are eliminated and
  // Knoxville wins with 58.
  it("is instant run-off with one place: the Tennessee example elects Knoxville", () => {
    const config = makeConfig({ kind: "ranked" }, ["Memphis", "Nashville", "Chattanooga", "Knoxville"], { seats: 1 });
    const ballots: RankedBallot[] = [
      ...times(42, { ranking: ["memphis", "nashville", "chattanooga", "knoxville"] }),
      ...times(26, { ranking: ["nashville", "chattanooga", "knoxville", "memphis"] }),
      ...times(15, { ranking: ["chattanooga", "knoxville", "nashville", "memphis"] }),
      ...times(17, { ranking: ["knoxville", "chattanooga", "nashville", "memphis"] }),
    ];
    const result = countVote(config, ballots, { seed });
    expect(result.quota).toBe(51);
    expect(result.winners).toEqual(["knoxville"]);
    expect(result.rounds.map((r) => r.tallies)).toEqual([
      { memphis: 42, nashville: 26, chattanooga: 15, knoxville: 17 },
      { memphis: 42, nashville: 26, chattanooga: 0, knoxville: 32 },
      { memphis: 42, nashville: 0, chattanooga: 0, knoxville: 58 },
    ]);
    expect(result.explanation.join("\n")).toContain("With one place this is an instant run-off");
    expect(result.explanation.join("\n")).toContain("Knoxville is elected, reaching the quota with 58 votes.");
  });

  // Hand-computed (no published source with these figures): a surplus whose transfer value does
  // not terminate, so rule 48(3)'s "five decimal places, any remainder ignored" matters.
  // 10 papers, 2 places: quota floor(10/3)+1 = 4. A has 7 first preferences: surplus 3, transfer
  // value 3/7 = 0.428571... -> 0.42857 per paper. 4 A>B papers give B 1.71428, 2 A>C give C 0.85714,
  // 1 paper A only is exhausted (0.42857). 7 x 0.42857 = 2.99999, so 0.00001 is lost in rounding.
  it("truncates fractional transfer values to 5 decimal places (rule 48(3))", () => {
    const config = makeConfig({ kind: "ranked" }, ["A", "B", "C", "D"], { seats: 2 });
    const ballots: RankedBallot[] = [
      ...times(4, { ranking: ["a", "b"] }),
      ...times(2, { ranking: ["a", "c"] }),
      ...times(1, { ranking: ["a"] }),
      ...times(2, { ranking: ["c", "b"] }),
      ...times(1, { ranking: ["d", "c"] }),
    ];
    const result = countVote(config, ballots, { seed });
    expect(result.quota).toBe(4);
    const surplus = result.rounds[1];
    expect(surplus).toMatchObject({
      action: "surplus",
      from: "a",
      surplus: 3,
      transfers: { b: 1.71428, c: 0.85714 },
      nonTransferable: 0.42857,
      lostToRounding: 0.00001,
      exhaustedBallots: 1,
    });
    expect(surplus?.tallies).toEqual({ a: 4, b: 1.71428, c: 2.85714, d: 1 });
    expect(result.explanation.join("\n")).toContain("0.00001 of a vote is lost in rounding down.");
    // Round 3: D (1) is excluded and its paper goes to C at value 1, so C has 3.85714 and B 1.71428.
    // Round 4: B (fewest) is excluded; C is then the only continuing candidate for the last place.
    expect(result.rounds[2]).toMatchObject({ excluded: ["d"], transfers: { c: 1 } });
    expect(result.winners).toEqual(["a", "c"]);
  });

  // Hand-computed: weighted inclusive transfer of papers that already carry a fractional value.
  // 12 papers, 3 places, quota floor(12/4)+1 = 4. A has 9 (surplus 5): each paper moves at
  // 5 x 1 / 9 = 0.55555, so B gets 6 x 0.55555 = 3.3333 and C 3 x 0.55555 = 1.66665.
  // B now has 3 + 3.3333 = 6.3333 (surplus 2.3333) and all 9 of its papers move to C:
  // its 3 first-preference papers at 2.3333 x 1 / 6.3333 = 0.368416... -> 0.36841 each, and the
  // 6 papers from A at 2.3333 x 0.55555 / 6.3333 = 0.204674... -> 0.20467 each: C +2.33325.
  it("moves every paper of an elected candidate at its own weighted value (inclusive Gregory)", () => {
    const config = makeConfig({ kind: "ranked" }, ["A", "B", "C", "D"], { seats: 3 });
    const ballots: RankedBallot[] = [
      ...times(6, { ranking: ["a", "b", "c"] }),
      ...times(3, { ranking: ["a", "c"] }),
      ...times(3, { ranking: ["b", "c"] }),
    ];
    const result = countVote(config, ballots, { seed });
    expect(result.quota).toBe(4); // 12 papers, 3 places: floor(12/4)+1
    expect(result.rounds[1]).toMatchObject({ from: "a", surplus: 5 });
    expect(result.rounds[1]?.transfers).toEqual({ b: 3.3333, c: 1.66665 });
    expect(result.rounds[2]).toMatchObject({ from: "b", surplus: 2.3333, transfers: { c: 2.33325 } });
    expect(result.winners).toEqual(["a", "b", "c"]);
  });
});
