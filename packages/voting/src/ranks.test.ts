import { describe, expect, it } from "vitest";

import { ballotFromInput } from "./ballot.js";
import { gapWarning, readRanks } from "./ranks.js";
import { makeConfig } from "./testing.js";

const config = makeConfig({ kind: "ranked" }, ["Speeding", "Litter", "Parking"]);
const read = (marks: Record<string, unknown>) => readRanks(config, marks);

describe("readRanks", () => {
  it("reads consecutive ranks into a ranking, first choice first", () => {
    expect(read({ parking: 1, speeding: 2, litter: 3 })).toEqual({
      ok: true,
      ranking: ["parking", "speeding", "litter"],
      ignored: [],
    });
    expect(read({ litter: 1, parking: null, speeding: "" })).toEqual({ ok: true, ranking: ["litter"], ignored: [] });
  });

  it("refuses the issue's 1, 1 and 5 on a 3-option ballot, naming the options", () => {
    expect(read({ speeding: 1, litter: 1, parking: 5 })).toMatchObject({
      ok: false,
      option: "litter",
      message: "Speeding and Litter are both ranked 1: give each option a different number.",
      problem: { code: "duplicate", first: "Speeding", second: "Litter", rank: 1 },
    });
    expect(read({ speeding: 1, parking: 5 })).toMatchObject({
      ok: false,
      option: "parking",
      message: "Parking is ranked 5, but ranks go from 1 to 3 (there are 3 options): use a whole number from 1 to 3.",
      problem: { code: "outOfRange", title: "Parking", rank: 5, size: 3 },
    });
  });

  it("refuses ranks that are not whole numbers from 1, and a ballot without a first choice", () => {
    expect(read({ speeding: 0 })).toMatchObject({ ok: false, option: "speeding" });
    expect(read({ speeding: 1.5 })).toMatchObject({ ok: false, message: expect.stringContaining("ranked 1.5") });
    expect(read({ speeding: Number.NaN })).toMatchObject({
      ok: false,
      message: expect.stringContaining("not a number"),
    });
    expect(read({ speeding: "2" })).toMatchObject({ ok: false, option: "speeding" });
    expect(read({})).toMatchObject({
      ok: false,
      message: "Rank at least one option: put 1 by your first choice.",
      problem: { code: "nothingRanked" },
    });
    expect(read({ litter: 2, parking: 3 })).toMatchObject({
      ok: false,
      option: "litter",
      message: "Nothing is ranked 1: put 1 by your first choice (Litter is ranked 2).",
      problem: { code: "noFirst", title: "Litter", rank: 2 },
    });
    expect(read({ graffiti: 1 })).toMatchObject({
      ok: false,
      message: '"graffiti" is not one of the options in this vote.',
      problem: { code: "unknownOption" },
    });
    // The problem as data, for a page to word in the reader's language.
    expect(read({ speeding: Number.NaN })).toMatchObject({ problem: { code: "outOfRange", rank: null } });
  });

  it("reports every problem at once: 1, 1 and 5 on a 4-option ballot (the trial's case)", () => {
    const four = makeConfig({ kind: "ranked" }, ["Speeding", "Litter", "Parking", "Graffiti"]);
    const reading = readRanks(four, { speeding: 1, litter: 1, parking: 5 });
    expect(reading).toMatchObject({ ok: false, option: "litter" });
    expect(reading.ok ? [] : reading.problems).toEqual([
      {
        option: "litter",
        message: "Speeding and Litter are both ranked 1: give each option a different number.",
        problem: { code: "duplicate", first: "Speeding", second: "Litter", rank: 1 },
      },
      {
        option: "parking",
        message: "Parking is ranked 5, but ranks go from 1 to 4 (there are 4 options): use a whole number from 1 to 4.",
        problem: { code: "outOfRange", title: "Parking", rank: 5, size: 4 },
      },
    ]);
  });

  it("ends the ballot at a gap (Scottish STV practice) and explains what will not count", () => {
    const marks = { speeding: 1, parking: 3 };
    const reading = read(marks);
    expect(reading).toEqual({ ok: true, ranking: ["speeding"], ignored: ["parking"] });
    expect(gapWarning(config, marks, reading)).toBe(
      "There is no 2, so your choices after 1 will not count: Parking (ranked 3). Renumber them from 2 if you want them to count.",
    );
    expect(gapWarning(config, { speeding: 1 }, read({ speeding: 1 }))).toBeNull();
  });
});

describe("ballotFromInput", () => {
  it("turns ranks into the stored ranking and refuses bad ranks on the server too", () => {
    expect(ballotFromInput(config, { ranks: { litter: 2, speeding: 1 } })).toEqual({
      ok: true,
      ballot: { ranking: ["speeding", "litter"] },
    });
    expect(ballotFromInput(config, { ranks: { litter: 1, speeding: 1 } })).toEqual({
      ok: false,
      message: "Litter and Speeding are both ranked 1: give each option a different number.",
    });
    expect(ballotFromInput(config, { ranks: { litter: 1 }, extra: 1 })).toMatchObject({ ok: false });
  });

  it("passes other shapes through validateBallot", () => {
    expect(ballotFromInput(config, { ranking: ["litter"] })).toEqual({ ok: true, ballot: { ranking: ["litter"] } });
    expect(ballotFromInput(config, { ranking: ["litter", "litter"] })).toEqual({
      ok: false,
      message: "Rank each option at most once; Litter is ranked twice.",
    });
    const approval = makeConfig({ kind: "approval" }, ["Speeding"]);
    expect(ballotFromInput(approval, { ranks: { speeding: 1 } })).toMatchObject({ ok: false });
  });
});
