import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { bltToVote } from "./blt-vote.js";
import { readBlt } from "./read-blt.js";
import { type BltElection, BltError } from "./types.js";
import { writeBlt } from "./write-blt.js";

/** The message readBlt throws for `text`. */
const refusal = (text: string) => {
  try {
    readBlt(text);
  } catch (error) {
    expect(error).toBeInstanceOf(BltError);
    return (error as Error).message;
  }
  throw new Error("readBlt accepted the file");
};
const withoutLines = (e: BltElection) => ({ ...e, ballots: e.ballots.map(({ weight, ranks }) => ({ weight, ranks })) });

describe("readBlt", () => {
  it("reads the standard format", () => {
    const election = readBlt(
      '3 2\n4 1 2 0\n2 3 0\n1 2 3 1 0\n0\n"Ann Smith"\n"Bob Jones"\n"Cat Brown"\n"Springburn 2007"\n',
    );
    expect(withoutLines(election)).toEqual({
      candidates: ["Ann Smith", "Bob Jones", "Cat Brown"],
      seats: 2,
      withdrawn: [],
      ballots: [
        { weight: 4, ranks: [[1], [2]] },
        { weight: 2, ranks: [[3]] },
        { weight: 1, ranks: [[2], [3], [1]] },
      ],
      title: "Springburn 2007",
    });
    expect(election.ballots.map((b) => b.line)).toEqual([2, 3, 4]);
  });

  it("reads real-world quirks: withdrawn line, comments, blank lines, Windows line endings, doubled quotes, unquoted title and names", () => {
    const text = [
      "# exported by hand",
      "4 2   # candidates, seats",
      "-2 -4",
      "",
      "3 1 2 3 0",
      "(ballot-7) 1 3 0 # one paper with an id",
      "2 3=1 0",
      "0",
      '"Ann ""Nan"" Smith" "Bob #2 Jones"',
      "Cat Brown",
      '"  Dee  "',
      "Ward 7 by-election, 2024",
      '"a source line droop writes, ignored"',
    ].join("\r\n");
    const election = readBlt(text);
    expect(withoutLines(election)).toEqual({
      candidates: ['Ann "Nan" Smith', "Bob #2 Jones", "Cat Brown", "  Dee  "],
      seats: 2,
      withdrawn: [2, 4],
      ballots: [
        { weight: 3, ranks: [[1], [2], [3]] },
        { weight: 1, ranks: [[1], [3]] },
        { weight: 2, ranks: [[3, 1]] },
      ],
      title: "Ward 7 by-election, 2024",
    });
    expect(election.ballots[2]?.line).toBe(7);
  });

  it("reads bytes: UTF-8 with a byte-order mark, and Windows-1252 from older programs", () => {
    const utf8 = new TextEncoder().encode('\uFEFF1 1\n1 1 0\n0\n"Siân Ó Móráin"\n"Cymru"\n');
    expect(readBlt(utf8).candidates).toEqual(["Siân Ó Móráin"]);
    const latin = Uint8Array.from([
      ...new TextEncoder().encode('1 1\n1 1 0\n0\n"Si'),
      0xe2,
      ...new TextEncoder().encode('n"\n"T"\n'),
    ]);
    expect(readBlt(latin).candidates).toEqual(["Siân"]);
  });

  it("names the line and what is wrong", () => {
    expect(refusal("")).toBe("The file is empty: a BLT file starts with the number of candidates and seats.");
    expect(refusal("three 2\n")).toBe(
      'Line 1: the first line must give the number of candidates and of seats, like "4 2".',
    );
    expect(refusal("3 0\n")).toBe("Line 1: the number of seats must be at least 1.");
    expect(refusal("3 1\n-4\n0\n")).toBe("Line 2: withdrawn candidate -4: there is no candidate 4.");
    expect(refusal("3 1\n\n2 1 2\n0\n")).toBe("Line 3: the ballot does not end in 0.");
    expect(refusal("3 1\n[tie 3 2 1]\n0\n")).toBe(
      "Line 2: droop's options in square brackets ([tie …) are not read here; remove the line.",
    );
    expect(refusal("3 1\n2 1 4 0\n0\n")).toBe("Line 2: there is no candidate 4: the file has 3 candidates.");
    expect(refusal("3 1\n2 1 2 1 0\n0\n")).toBe("Line 2: candidate 1 is ranked more than once.");
    expect(refusal("3 1\n1.5 1 0\n0\n")).toBe("Line 2: the weight 1.5 is not a whole number of ballot papers.");
    expect(refusal("3 1\n1 1 0 2 0\n0\n")).toBe("Line 2: a 0 ends the ballot, so nothing may follow it on the line.");
    expect(refusal("3 1\n1 1 x 0\n0\n")).toBe(
      'Line 2: "x" is not a candidate number (or numbers joined by = for equal ranks).',
    );
    expect(refusal('3 1\n1 1 0\n"A"\n')).toBe(
      'Line 3: expected a ballot (a weight, candidate numbers and 0) or the line "0" that ends the ballots, found quoted text: is the line "0" missing?',
    );
    expect(refusal("3 1\n1 1 0\n")).toBe(
      'The file ends before the line "0" that closes the ballots (after 1 ballot lines).',
    );
    expect(refusal('2 1\n1 1 0\n0\n"A"\n')).toBe(
      "The file ends after 1 of the 2 candidate names; the names and then the title must follow the ballots.",
    );
    expect(refusal('2 1\n1 1 0\n0\n"A"\n"B"\n')).toBe(
      "The file ends after the 2 candidate names: the title of the election must follow them.",
    );
    expect(refusal('2 1\n1 1 0\n0\n"A\n')).toBe('Line 4: the quoted text "A" has no closing quote mark (").');
    expect(refusal('2 1\n1 1 0\n0\n"A"\n1 2 0\n"T"\n')).toBe(
      'Line 5: expected the name of candidate 2, found numbers: a ballot line after the line "0"?',
    );
  });
});

describe("writeBlt", () => {
  it("writes the standard format, quoting names", () => {
    const text = writeBlt({
      candidates: ['Ann "Nan" Smith', "Bob"],
      seats: 1,
      withdrawn: [2],
      ballots: [
        { weight: 3, ranks: [[1], [2]] },
        { weight: 1, ranks: [] },
      ],
      title: "Vote 4,\nBloomsbury",
    });
    expect(text).toBe('2 1\n-2\n3 1 2 0\n1 0\n0\n"Ann ""Nan"" Smith"\n"Bob"\n"Vote 4, Bloomsbury"\n');
  });

  it("is read back exactly: readBlt(writeBlt(e)) = e", () => {
    const election = fc.integer({ min: 1, max: 8 }).chain((n) =>
      fc.record({
        candidates: fc.array(
          fc.string({ unit: "grapheme" }).filter((s) => !/[\r\n]/.test(s)),
          { minLength: n, maxLength: n },
        ),
        seats: fc.integer({ min: 1, max: n }),
        withdrawn: fc.shuffledSubarray(
          Array.from({ length: n }, (_, i) => i + 1),
          { maxLength: n - 1 },
        ),
        ballots: fc.array(
          fc.record({
            weight: fc.integer({ min: 1, max: 1000 }),
            ranks: fc
              .shuffledSubarray(Array.from({ length: n }, (_, i) => i + 1))
              .chain((order) =>
                fc
                  .array(fc.boolean(), { minLength: order.length, maxLength: order.length })
                  .map((joins) => groupRanks(order, joins)),
              ),
          }),
          { maxLength: 20 },
        ),
        title: fc.string({ unit: "grapheme" }).filter((s) => !/[\r\n]/.test(s)),
      }),
    );
    fc.assert(
      fc.property(election, (e) => {
        expect(withoutLines(readBlt(writeBlt(e)))).toEqual(e);
      }),
      { numRuns: 300 },
    );
  });
});

/** Joins each candidate to the rank before it where `joins[i]`, giving equal ranks. */
function groupRanks(order: number[], joins: boolean[]): number[][] {
  const ranks: number[][] = [];
  order.forEach((c, i) => {
    const last = ranks.at(-1);
    if (joins[i] && last) last.push(c);
    else ranks.push([c]);
  });
  return ranks;
}

describe("bltToVote", () => {
  it("leaves withdrawn candidates out, skips their preferences and repeats each line by its weight", () => {
    const { config, ballots } = bltToVote(readBlt('3 1\n-2\n2 2 3 0\n1 2 0\n0\n"A"\n"B"\n"C"\n"T"\n'));
    expect(config.candidates).toEqual([
      { id: "candidate-1", title: "A" },
      { id: "candidate-3", title: "C" },
    ]);
    expect(ballots).toEqual([{ ranking: ["candidate-3"] }, { ranking: ["candidate-3"] }, { ranking: [] }]);
  });

  it("refuses equal ranks, which the Scottish rules cannot count, naming the line", () => {
    expect(() => bltToVote(readBlt('3 1\n1 1 0\n\n1 1 2=3 0\n0\n"A"\n"B"\n"C"\n"T"\n'))).toThrow(
      "Line 4: candidates 2=3 are ranked equal, which the Scottish STV rules cannot count (one candidate per preference).",
    );
  });
});
