// Reading a ranked ballot as a voter fills it in: a number by each option. Pure (no Node APIs), so
// the ballot page checks ranks at the field with exactly the rules the server applies.
import { isRecord } from "./guards.js";
import type { Candidate } from "./types.js";

/** Rank numbers as written, by option id; options left blank are absent (or null). */
export type RankMarks = Record<string, unknown>;

export type RanksReading =
  | {
      ok: true;
      /** The preferences that count, first choice first: the consecutive ranks 1, 2, 3… */
      ranking: string[];
      /** Options ranked after a gap, in the order written; they do not count (see readRanks). */
      ignored: string[];
    }
  /**
   * `message`, `option` and `problem`: the first problem (the server's refusal); `problems`: every
   * problem found, so the ballot page can show them all at once (a duplicate and an out-of-range
   * rank together).
   */
  | { ok: false; message: string; option?: string; problem: RankProblem; problems: RankFinding[] };

/**
 * What is wrong with the ranks, as data (option titles, the rank as written, the number of options),
 * so a page can word it in the reader's language; `message` is the same in English.
 */
export type RankProblem =
  | { code: "unreadable" }
  | { code: "unknownOption" }
  | { code: "outOfRange"; title: string; rank: number | null; size: number }
  | { code: "duplicate"; first: string; second: string; rank: number }
  | { code: "nothingRanked" }
  | { code: "noFirst"; title: string; rank: number };

/** One wrong rank: `option` is the option whose rank is wrong (absent when no rank is the problem, e.g. nothing ranked). */
export type RankFinding = { message: string; option?: string; problem: RankProblem };

type Options = { candidates: readonly Candidate[] };

/**
 * Checks and reads the rank numbers a voter wrote, with messages naming the option (every problem, not
 * just the first; a duplicate is reported on the second option to take the rank):
 * - each rank is a whole number from 1 to the number of options ("out of range" otherwise);
 * - no two options share a rank (a duplicate is refused, naming both options);
 * - something must be ranked 1 (under the Scottish STV rules a paper without a first preference
 *   is not valid).
 * Gaps follow Scottish STV practice: preferences count while they run on consecutively, and a gap
 * ends the ballot there. Ranks 1, 2 and 4 give the ranking [1st, 2nd]; the option ranked 4 is
 * returned in `ignored`, so the voter can be warned (gapWarning) and renumber before casting.
 */
export function readRanks(config: Options, marks: unknown): RanksReading {
  if (!isRecord(marks)) {
    const unreadable: RankFinding = { message: "The ranks are unreadable.", problem: { code: "unreadable" } };
    return { ok: false, ...unreadable, problems: [unreadable] };
  }
  const size = config.candidates.length;
  const titles = new Map(config.candidates.map((c) => [c.id, c.title]));
  const byRank = new Map<number, string>();
  const problems: RankFinding[] = [];
  for (const [id, rank] of Object.entries(marks)) {
    if (rank === null || rank === undefined || rank === "") continue;
    const title = titles.get(id);
    if (title === undefined) {
      problems.push({ message: `"${id}" is not one of the options in this vote.`, problem: { code: "unknownOption" } });
      continue;
    }
    if (typeof rank !== "number" || !Number.isInteger(rank) || rank < 1 || rank > size) {
      const written = typeof rank === "number" && !Number.isNaN(rank) ? rank : null;
      problems.push({
        option: id,
        message: `${title} is ranked ${written === null ? "not a number" : String(written)}, but ranks go from 1 to ${size} (there are ${size} options): use a whole number from 1 to ${size}.`,
        problem: { code: "outOfRange", title, rank: written, size },
      });
      continue;
    }
    const other = byRank.get(rank);
    if (other !== undefined) {
      const first = titles.get(other) ?? other;
      problems.push({
        option: id,
        message: `${first} and ${title} are both ranked ${rank}: give each option a different number.`,
        problem: { code: "duplicate", first, second: title, rank },
      });
      continue;
    }
    byRank.set(rank, id);
  }
  if (byRank.size === 0 && problems.length === 0)
    problems.push({
      message: "Rank at least one option: put 1 by your first choice.",
      problem: { code: "nothingRanked" },
    });
  if (byRank.size > 0 && !byRank.has(1)) {
    const first = Math.min(...byRank.keys());
    const title = titles.get(byRank.get(first) ?? "") ?? "";
    problems.push({
      option: byRank.get(first),
      message: `Nothing is ranked 1: put 1 by your first choice (${title} is ranked ${first}).`,
      problem: { code: "noFirst", title, rank: first },
    });
  }
  const [firstProblem] = problems;
  if (firstProblem !== undefined) return { ok: false, ...firstProblem, problems };
  const ranking: string[] = [];
  for (let rank = 1; byRank.has(rank); rank++) ranking.push(byRank.get(rank) ?? "");
  const ignored = [...byRank.entries()].filter(([rank]) => rank > ranking.length).sort((a, b) => a[0] - b[0]);
  return { ok: true, ranking, ignored: ignored.map(([, id]) => id) };
}

/**
 * The warning for a gap: "There is no 3, so your choices after 2 will not count: Parking (ranked 4).
 * Renumber them 3, 4… if you want them to count." Null when there is no gap.
 */
export function gapWarning(config: Options, marks: RankMarks, reading: RanksReading): string | null {
  if (!reading.ok || reading.ignored.length === 0) return null;
  const titles = new Map(config.candidates.map((c) => [c.id, c.title]));
  const missing = reading.ranking.length + 1;
  const later = reading.ignored.map((id) => `${titles.get(id) ?? id} (ranked ${String(marks[id])})`).join(", ");
  return `There is no ${missing}, so your choices after ${reading.ranking.length} will not count: ${later}. Renumber them from ${missing} if you want them to count.`;
}
