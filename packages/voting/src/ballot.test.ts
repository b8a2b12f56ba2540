import { describe, expect, it } from "vitest";

import { validateBallot, validateTally } from "./ballot.js";
import { makeConfig } from "./testing.js";

const titles = ["Speeding", "Litter", "Parking"];
const message = (r: ReturnType<typeof validateBallot>) => (r.ok ? "ok" : r.message);

describe("validateBallot", () => {
  it("explains dot overspending", () => {
    const config = makeConfig({ kind: "dots", dotsPerVoter: 5 }, titles);
    expect(message(validateBallot(config, { dots: { speeding: 4, litter: 2 } }))).toBe("You have 5 dots and used 6.");
    expect(message(validateBallot(config, { dots: { speeding: 5 } }))).toBe("ok");
    expect(message(validateBallot(config, { dots: { speeding: 1.5 } }))).toBe(
      "Put a whole number of dots on each option; Speeding has 1.5.",
    );
  });

  it("rejects repeated and empty rankings but allows partial ones", () => {
    const config = makeConfig({ kind: "ranked" }, titles);
    expect(message(validateBallot(config, { ranking: ["speeding", "speeding"] }))).toBe(
      "Rank each option at most once; Speeding is ranked twice.",
    );
    expect(message(validateBallot(config, { ranking: [] }))).toBe("Rank at least one option.");
    expect(message(validateBallot(config, { ranking: ["litter"] }))).toBe("ok");
  });

  it("names unknown options and out-of-range scores", () => {
    const score = makeConfig({ kind: "score", maxScore: 5 }, titles);
    expect(message(validateBallot(score, { scores: { speeding: 6 } }))).toBe(
      "Give each option a whole-number score from 0 to 5; Speeding was given 6.",
    );
    expect(message(validateBallot(score, { scores: { graffiti: 1 } }))).toBe(
      '"graffiti" is not one of the options in this vote.',
    );
    expect(message(validateBallot(score, { approved: ["speeding"] }))).toBe(
      "This is a score vote: the ballot must give a score to each option.",
    );
  });

  it("allows an empty approval ballot (an abstention) but not repeats", () => {
    const config = makeConfig({ kind: "approval" }, titles);
    expect(message(validateBallot(config, { approved: [] }))).toBe("ok");
    expect(message(validateBallot(config, { approved: ["litter", "litter"] }))).toBe(
      "Approve each option at most once.",
    );
  });
});

describe("validateTally", () => {
  it("only allows show-of-hands tallies for approval and dots", () => {
    const ranked = makeConfig({ kind: "ranked" }, titles);
    expect(validateTally(ranked, { voters: 3, counts: {} })).toEqual({
      ok: false,
      message: "A show-of-hands tally can only be used for approval or dot votes.",
    });
    const approval = makeConfig({ kind: "approval" }, titles);
    expect(validateTally(approval, { voters: 3, counts: { litter: 4 } })).toEqual({
      ok: false,
      message: "Litter has 4 hands but only 3 people voted.",
    });
  });
});
