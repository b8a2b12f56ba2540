// Ballot and tally validation with messages a resident can act on.
import { titleOf } from "./explain.js";
import { hasOnlyKeys, isRecord, isString, isWholeNumber } from "./guards.js";
import { readRanks } from "./ranks.js";
import type { Ballot, Validation, VoteConfig } from "./types.js";

const ok: Validation = { ok: true };
const fail = (message: string): Validation => ({ ok: false, message });

function unknownOption(config: VoteConfig, ids: Iterable<string>): Validation | null {
  const known = new Set(config.candidates.map((c) => c.id));
  for (const id of ids) if (!known.has(id)) return fail(`"${id}" is not one of the options in this vote.`);
  return null;
}

/**
 * Checks one ballot against the vote's settings. Decisions:
 * - approval: approving nothing is allowed (a counted abstention).
 * - score: whole numbers 0..maxScore; options left out score 0.
 * - dots: whole numbers, several may be stacked on one option, total at most dotsPerVoter.
 * - ranked: at least one option must be ranked, as a paper without a first preference is not a
 *   valid paper under the Scottish rules, and valid papers set the quota. Partial rankings are fine.
 */
export function validateBallot(config: VoteConfig, ballot: unknown): Validation {
  if (!isRecord(ballot)) return fail("The ballot is empty or unreadable.");
  const method = config.method;
  switch (method.kind) {
    case "approval": {
      const approved = ballot.approved;
      if (!hasOnlyKeys(ballot, ["approved"]) || !Array.isArray(approved) || !approved.every(isString)) {
        return fail("This is an approval vote: the ballot must list the options you approve of.");
      }
      if (new Set(approved).size !== approved.length) return fail("Approve each option at most once.");
      return unknownOption(config, approved) ?? ok;
    }
    case "score": {
      const scores = ballot.scores;
      if (!hasOnlyKeys(ballot, ["scores"]) || !isRecord(scores)) {
        return fail("This is a score vote: the ballot must give a score to each option.");
      }
      const unknown = unknownOption(config, Object.keys(scores));
      if (unknown) return unknown;
      for (const [id, score] of Object.entries(scores)) {
        if (!isWholeNumber(score) || score > method.maxScore) {
          return fail(
            `Give each option a whole-number score from 0 to ${method.maxScore}; ${titleOf(config, id)} was given ${String(score)}.`,
          );
        }
      }
      return ok;
    }
    case "dots": {
      const dots = ballot.dots;
      if (!hasOnlyKeys(ballot, ["dots"]) || !isRecord(dots)) {
        return fail("This is a dot vote: the ballot must say how many dots go on each option.");
      }
      const unknown = unknownOption(config, Object.keys(dots));
      if (unknown) return unknown;
      let used = 0;
      for (const [id, n] of Object.entries(dots)) {
        if (!isWholeNumber(n))
          return fail(`Put a whole number of dots on each option; ${titleOf(config, id)} has ${String(n)}.`);
        used += n;
      }
      if (used > method.dotsPerVoter) return fail(`You have ${method.dotsPerVoter} dots and used ${used}.`);
      return ok;
    }
    case "ranked": {
      const ranking = ballot.ranking;
      if (!hasOnlyKeys(ballot, ["ranking"]) || !Array.isArray(ranking) || !ranking.every(isString)) {
        return fail("This is a ranked vote: the ballot must list options in order of preference.");
      }
      if (ranking.length === 0) return fail("Rank at least one option.");
      const twice = ranking.find((id, i) => ranking.indexOf(id) !== i);
      if (twice !== undefined) return fail(`Rank each option at most once; ${titleOf(config, twice)} is ranked twice.`);
      return unknownOption(config, ranking) ?? ok;
    }
  }
}

/**
 * A ballot as a voter or the paper-ballot form sends it, checked and turned into the ballot the
 * chain stores. Ranked votes may send `{ ranks: { optionId: rankNumber } }` (the numbers as
 * written); readRanks checks them (duplicate, out-of-range and missing first ranks are refused,
 * naming the option) and a gap ends the ballot there, as under the Scottish STV rules. Every
 * other shape goes to validateBallot unchanged.
 */
export function ballotFromInput(
  config: VoteConfig,
  input: unknown,
): { ok: true; ballot: Ballot } | { ok: false; message: string } {
  if (config.method.kind === "ranked" && isRecord(input) && "ranks" in input) {
    if (!hasOnlyKeys(input, ["ranks"]))
      return { ok: false, message: "This is a ranked vote: send the rank given to each option." };
    const reading = readRanks(config, input.ranks);
    return reading.ok ? { ok: true, ballot: { ranking: reading.ranking } } : { ok: false, message: reading.message };
  }
  const valid = validateBallot(config, input);
  return valid.ok ? { ok: true, ballot: input as Ballot } : valid;
}

/**
 * Checks a show-of-hands tally entered by the chair. Only approval and dot votes can be taken by
 * show of hands: a score or a ranking cannot be read from raised hands.
 */
export function validateTally(config: VoteConfig, tally: unknown): Validation {
  const method = config.method;
  if (method.kind !== "approval" && method.kind !== "dots") {
    return fail("A show-of-hands tally can only be used for approval or dot votes.");
  }
  if (!isRecord(tally) || !hasOnlyKeys(tally, ["voters", "counts"]) || !isRecord(tally.counts)) {
    return fail("A tally needs the number of people voting and a count for each option.");
  }
  const { voters, counts } = tally;
  if (!isWholeNumber(voters) || voters < 1) return fail("A tally must count at least 1 person voting.");
  const unknown = unknownOption(config, Object.keys(counts));
  if (unknown) return unknown;
  let total = 0;
  for (const [id, n] of Object.entries(counts)) {
    if (!isWholeNumber(n)) return fail(`The count for ${titleOf(config, id)} must be a whole number.`);
    if (method.kind === "approval" && n > voters) {
      return fail(`${titleOf(config, id)} has ${n} hands but only ${voters} people voted.`);
    }
    total += n;
  }
  if (method.kind === "dots" && total > voters * method.dotsPerVoter) {
    return fail(
      `${voters} people have ${voters * method.dotsPerVoter} dots between them but the tally shows ${total}.`,
    );
  }
  return ok;
}
