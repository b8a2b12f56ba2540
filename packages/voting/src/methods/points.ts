// Shared count for the methods that add up points: approval, score and dots.
// The options with the highest totals take the places. An option nobody supported (total 0) is
// never chosen: a priority with no support would not be a panel priority.
import { listTitles, plural, raisedOrder, rejectedSentence, titleOf } from "../explain.js";
import { describePending, describeTie, TieBreaker } from "../tie-break.js";
import type { Round, TieBreakContext, TieRecord, VoteConfig, VoteResult } from "../types.js";

type PointsInput = {
  totals: Map<string, number>;
  validBallots: number;
  rejectedBallots: number;
  handsCounted: number;
  /** Sentence describing what a ballot was, e.g. "each ballot could approve any number of options". */
  intro: string;
  /** Unit for totals: "approval", "point", "dot". */
  unit: string;
  rules: string;
};

export function countPoints(config: VoteConfig, input: PointsInput, context: TieBreakContext): VoteResult {
  const order = raisedOrder(config);
  const { totals, unit } = input;
  const tallies: Record<string, number> = {};
  for (const c of config.candidates) tallies[c.id] = totals.get(c.id) ?? 0;

  const explanation: string[] = [];
  const people = input.validBallots + input.handsCounted;
  explanation.push(
    `${plural(input.validBallots, "valid ballot")}${input.handsCounted ? ` and a show of hands by ${plural(input.handsCounted, "person", "people")}` : ""} were counted; ${input.intro}.`,
  );
  if (input.rejectedBallots) explanation.push(rejectedSentence(input.rejectedBallots));

  const base = {
    method: config.method.kind,
    rules: input.rules,
    seats: config.seats,
    validBallots: input.validBallots,
    rejectedBallots: input.rejectedBallots,
    ...(input.handsCounted ? { handsCounted: input.handsCounted } : {}),
  };

  if (people === 0) {
    explanation.push("No votes were cast, so no priorities were chosen.");
    return { ...base, status: "complete", winners: [], rounds: [], ties: [], explanation };
  }

  const ranked = [...config.candidates.map((c) => c.id)].sort(
    (a, b) => (tallies[b] ?? 0) - (tallies[a] ?? 0) || (order.get(a) ?? 0) - (order.get(b) ?? 0),
  );
  explanation.push(
    `Round 1: ${ranked.map((id) => `${titleOf(config, id)} ${plural(tallies[id] ?? 0, unit)}`).join(", ")}.`,
  );
  if (config.candidates.length < config.seats) {
    explanation.push(
      `There are only ${plural(config.candidates.length, "option")} for ${plural(config.seats, "place")}.`,
    );
  }

  // Walk down groups of equal totals; a group that does not fit in the places left is a tie.
  const winners: string[] = [];
  const ties: TieRecord[] = [];
  const breaker = new TieBreaker(config, context);
  const round: Round = {
    round: 1,
    action: "count",
    transfers: {},
    nonTransferable: 0,
    exhaustedBallots: 0,
    tallies,
    elected: winners,
    excluded: [],
  };
  const supported = ranked.filter((id) => (tallies[id] ?? 0) > 0);
  for (let i = 0; i < supported.length && winners.length < config.seats;) {
    const total = tallies[supported[i] ?? ""] ?? 0;
    const group = supported.filter((id) => tallies[id] === total);
    i += group.length;
    const placesLeft = config.seats - winners.length;
    if (group.length <= placesLeft) {
      winners.push(...group);
      continue;
    }
    const outcome = breaker.resolve(1, "elect", group, placesLeft);
    if (outcome.kind === "pending") {
      if (winners.length)
        explanation.push(
          `${listTitles(config, winners)} ${winners.length === 1 ? "has" : "have"} enough support to be chosen.`,
        );
      explanation.push(describePending(config, outcome.pending));
      return {
        ...base,
        status: "awaiting-chair",
        winners: [],
        rounds: [round],
        ties,
        explanation,
        pendingTie: outcome.pending,
      };
    }
    ties.push(outcome.record);
    explanation.push(describeTie(config, outcome.record, plural(total, unit)));
    winners.push(...outcome.chosen);
  }

  if (
    winners.length < config.seats &&
    supported.length === winners.length &&
    supported.length < config.candidates.length
  ) {
    explanation.push(
      `Only ${plural(supported.length, "option")} received any support, so only ${supported.length === 1 ? "that option is" : "those options are"} chosen.`,
    );
  }
  for (const id of winners)
    explanation.push(`${titleOf(config, id)} is elected with ${plural(tallies[id] ?? 0, unit)}.`);
  explanation.push(
    winners.length ? `The chosen priorities are ${listTitles(config, winners)}.` : "No priorities were chosen.",
  );
  return { ...base, status: "complete", winners, rounds: [round], ties, explanation };
}
