// Ranked ballots counted by the single transferable vote, following exactly the counting rules of
// the Scottish Local Government Elections Order 2007 (SSI 2007/42), schedule 1, rules 45-52:
// https://www.legislation.gov.uk/ssi/2007/42/schedule/1/made
//  - rule 46: Droop quota = floor(valid papers / (seats + 1)) + 1;
//  - rule 47: a candidate whose votes equal or exceed the quota is elected;
//  - rules 48-49: surpluses move by the weighted inclusive Gregory method: every paper the elected
//    candidate holds moves on at surplus x paper value / candidate's votes, truncated to 5 decimal
//    places; the largest surplus moves first; equal surpluses are ordered by the most recent earlier
//    round where the candidates differed, then by lot;
//  - rules 50-51: otherwise the candidate with fewest votes is excluded and all their papers move on
//    at their current value in one round; ties look back the same way, then lot;
//  - rule 52: when the continuing candidates are as many as the places left, they are all elected.
// "By lot" is replaced by the panel's published tie-break rule. With one place this is instant
// run-off (the quota is a majority). Why these rules: they are a UK statute, simple enough to check
// by hand, and their fixed 5-decimal arithmetic makes every recount identical.
import { listTitles, plural, raisedOrder, rejectedSentence, titleOf } from "../explain.js";
import { formatUnits, SCALE, unitsToNumber, wholeVotes } from "../fixed.js";
import { describePending, describeTie, TieBreaker } from "../tie-break.js";
import type {
  PendingTie,
  RankedBallot,
  Round,
  TieBreakContext,
  TieQuestion,
  TieRecord,
  VoteConfig,
  VoteResult,
} from "../types.js";

const STV_RULES = "Scottish STV: Scottish Local Government Elections Order 2007 (SSI 2007/42) sch. 1 rules 45-52";

type Paper = { ranking: readonly string[]; pos: number; value: bigint };

export function countStv(
  config: VoteConfig,
  ballots: readonly RankedBallot[],
  rejectedBallots: number,
  context: TieBreakContext,
): VoteResult {
  const ids = config.candidates.map((c) => c.id);
  const order = raisedOrder(config);
  const byRaised = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  const explanation: string[] = [];
  const base = {
    method: "ranked" as const,
    rules: STV_RULES,
    seats: config.seats,
    validBallots: ballots.length,
    rejectedBallots,
  };
  if (rejectedBallots) explanation.push(rejectedSentence(rejectedBallots));
  if (ballots.length === 0) {
    explanation.push("No valid ballots were cast, so no priorities were chosen.");
    return { ...base, status: "complete", winners: [], rounds: [], ties: [], explanation, exhaustedBallots: 0 };
  }

  const quotaWhole = Math.floor(ballots.length / (config.seats + 1)) + 1;
  const quota = wholeVotes(quotaWhole);
  const votes = new Map<string, bigint>(ids.map((id) => [id, 0n]));
  const piles = new Map<string, Paper[]>(ids.map((id) => [id, []]));
  const continuing = new Set(ids);
  const elected: string[] = [];
  const pendingSurplus = new Set<string>();
  const history: Map<string, bigint>[] = [];
  const rounds: Round[] = [];
  const ties: TieRecord[] = [];
  const breaker = new TieBreaker(config, context);
  let exhaustedTotal = 0;
  let pending: PendingTie | undefined;
  let paused = false;

  const v = (id: string) => votes.get(id) ?? 0n;
  const pile = (id: string) => piles.get(id) ?? [];
  const snapshot = (): Record<string, number> => Object.fromEntries(ids.map((id) => [id, unitsToNumber(v(id))]));
  const standings = () =>
    ids
      .filter((id) => continuing.has(id) || elected.includes(id))
      .sort((a, b) => (v(b) > v(a) ? 1 : v(b) < v(a) ? -1 : byRaised(a, b)))
      .map((id) => `${titleOf(config, id)} ${formatUnits(v(id))}`)
      .join(", ");

  /** Moves a paper to its next continuing preference; returns the recipient or undefined if exhausted. */
  const moveOn = (paper: Paper, value: bigint): string | undefined => {
    for (let i = paper.pos + 1; i < paper.ranking.length; i++) {
      const next = paper.ranking[i];
      if (next !== undefined && continuing.has(next)) {
        paper.pos = i;
        paper.value = value;
        pile(next).push(paper);
        votes.set(next, v(next) + value);
        return next;
      }
    }
    return undefined;
  };

  /** End of a round: record figures, then elect everyone at or over the quota (rule 47). */
  const finishRound = (round: Round) => {
    round.tallies = snapshot();
    history.push(new Map(votes));
    const reached = ids.filter((id) => continuing.has(id) && v(id) >= quota);
    // Order of election among several in one round is by votes, then order raised. It changes no
    // outcome: which surplus moves first is decided separately under rule 49.
    reached.sort((a, b) => (v(b) > v(a) ? 1 : v(b) < v(a) ? -1 : byRaised(a, b)));
    for (const id of reached) {
      continuing.delete(id);
      elected.push(id);
      if (v(id) > quota) pendingSurplus.add(id);
    }
    round.elected = reached;
    rounds.push(round);
    explanation.push(`After round ${round.round}: ${standings()}.`);
    for (const id of reached)
      explanation.push(
        `${titleOf(config, id)} is elected, reaching the quota with ${plural(formatUnits(v(id)), "vote")}.`,
      );
  };

  /** Rules 49(2) and 51(2): look back to the most recent earlier round where the tied candidates differed. */
  const lookBack = (tied: string[], keep: "highest" | "lowest") => {
    let group = tied;
    let settledByRound: number | undefined;
    for (let r = history.length - 2; r >= 0 && group.length > 1; r--) {
      const snap = history[r];
      if (!snap) continue;
      const values = group.map((id) => snap.get(id) ?? 0n);
      const target = values.reduce((m, x) => (keep === "highest" ? (x > m ? x : m) : x < m ? x : m));
      if (values.every((x) => x === target)) continue;
      group = group.filter((id) => (snap.get(id) ?? 0n) === target);
      settledByRound = r + 1;
    }
    return { group, settledByRound };
  };

  /** Picks one of `tied` for `question`, by look-back then the panel's rule; null if the chair must decide. */
  const settle = (roundNo: number, question: TieQuestion, tied: string[]): string | null => {
    const first = tied[0];
    if (tied.length === 1 && first !== undefined) return first;
    const figure = plural(formatUnits(v(tied[0] ?? "")), "vote");
    const { group, settledByRound } = lookBack(tied, question === "exclude" ? "lowest" : "highest");
    const only = group[0];
    if (group.length === 1 && only !== undefined) {
      const record: TieRecord = {
        round: roundNo,
        question,
        tied,
        chosen: [only],
        brokenBy: "earlier-round",
        ...(settledByRound ? { settledByRound } : {}),
      };
      ties.push(record);
      explanation.push(describeTie(config, record, figure));
      return only;
    }
    const outcome = breaker.resolve(roundNo, question, group, 1);
    if (outcome.kind === "pending") {
      pending = outcome.pending;
      explanation.push(describePending(config, outcome.pending));
      return null;
    }
    ties.push(outcome.record);
    explanation.push(describeTie(config, outcome.record, figure));
    return outcome.chosen[0] ?? null;
  };

  // Round 1 (rule 45): first preferences.
  explanation.push(
    `Round 1: with ${plural(ballots.length, "valid ballot")} and ${plural(config.seats, "place")} to fill, a candidate needs a quota of ${plural(quotaWhole, "vote")} to be elected (${ballots.length} divided by ${config.seats + 1}, ignoring any fraction, plus 1).` +
      (config.seats === 1 ? " With one place this is an instant run-off: the quota is more than half the votes." : ""),
  );
  for (const ballot of ballots) {
    const first = ballot.ranking[0];
    if (first === undefined) continue; // validateBallot guarantees at least one preference
    pile(first).push({ ranking: ballot.ranking, pos: 0, value: SCALE });
    votes.set(first, v(first) + SCALE);
  }
  finishRound(emptyRound(1, "first-preferences"));

  while (elected.length < config.seats) {
    const vacancies = config.seats - elected.length;
    const left = ids.filter((id) => continuing.has(id));
    if (left.length <= vacancies) {
      // Rule 52: fill the last places without further transfers.
      const last = rounds.at(-1);
      left.sort((a, b) => (v(b) > v(a) ? 1 : v(b) < v(a) ? -1 : byRaised(a, b)));
      for (const id of left) continuing.delete(id);
      elected.push(...left);
      if (last && left.length) {
        last.elected = [...last.elected, ...left];
        last.electedWithoutQuota = left;
      }
      if (left.length) {
        explanation.push(
          left.length === 1 && config.seats === 1
            ? `Only ${titleOf(config, left[0] ?? "")} remains, so ${titleOf(config, left[0] ?? "")} is elected.`
            : `Only ${plural(left.length, "candidate")} remain${left.length === 1 ? "s" : ""} for ${plural(vacancies, "place")}, so ${listTitles(config, left)} ${left.length === 1 ? "is" : "are"} elected without reaching the quota.`,
        );
      }
      if (elected.length < config.seats) {
        explanation.push(
          `There were fewer candidates than places, so ${plural(config.seats - elected.length, "place")} stay${config.seats - elected.length === 1 ? "s" : ""} unfilled.`,
        );
      }
      break;
    }

    const roundNo = rounds.length + 1;
    if (pendingSurplus.size > 0) {
      // Rule 49: the highest surplus moves first.
      const candidatesWithSurplus = ids.filter((id) => pendingSurplus.has(id));
      const top = candidatesWithSurplus.reduce((m, id) => (v(id) > m ? v(id) : m), 0n);
      const from = settle(
        roundNo,
        "surplus-order",
        candidatesWithSurplus.filter((id) => v(id) === top),
      );
      if (from === null) {
        paused = true;
        break;
      }
      transferSurplus(from, roundNo);
    } else {
      // Rule 50: exclude the candidate with the fewest votes.
      const low = left.reduce((m, id) => (v(id) < m ? v(id) : m), v(left[0] ?? ""));
      const out = settle(
        roundNo,
        "exclude",
        left.filter((id) => v(id) === low),
      );
      if (out === null) {
        paused = true;
        break;
      }
      exclude(out, roundNo);
    }
  }

  function transferSurplus(from: string, roundNo: number) {
    const total = v(from);
    const surplus = total - quota;
    const round = emptyRound(roundNo, "surplus");
    round.from = from;
    round.surplus = unitsToNumber(surplus);
    const added = new Map<string, bigint>();
    const values = new Set<bigint>();
    let lost = 0n;
    const papers = pile(from);
    piles.set(from, []);
    for (const paper of papers) {
      // Rule 48(3): transfer value = surplus x value of the paper / total votes, 5 d.p., remainder ignored.
      const tv = (surplus * paper.value) / total;
      values.add(tv);
      const to = moveOn(paper, tv);
      if (to === undefined) {
        lost += tv;
        round.exhaustedBallots++;
      } else added.set(to, (added.get(to) ?? 0n) + tv);
    }
    votes.set(from, quota);
    pendingSurplus.delete(from);
    recordMoves(round, added, lost);
    const sent = [...added.values()].reduce((s, x) => s + x, 0n);
    const rounding = surplus - sent - lost;
    round.lostToRounding = unitsToNumber(rounding);
    const only = values.size === 1 ? [...values][0] : undefined;
    const how =
      only !== undefined
        ? `at a transfer value of ${formatUnits(only)} of a vote each (the surplus ${formatUnits(surplus)} divided by ${formatUnits(total)} votes, rounded down to 5 decimal places)`
        : `each at ${formatUnits(surplus)} / ${formatUnits(total)} of its current value (rounded down to 5 decimal places)`;
    explanation.push(
      `Round ${roundNo}: ${titleOf(config, from)} has a surplus of ${plural(formatUnits(surplus), "vote")} over the quota. All ${plural(papers.length, "ballot paper")} for ${titleOf(config, from)} move to their next choice ${how}: ${describeMoves(added, lost, round.exhaustedBallots)}` +
        (rounding > 0n ? ` ${formatUnits(rounding)} of a vote is lost in rounding down.` : ""),
    );
    finishRound(round);
  }

  function exclude(out: string, roundNo: number) {
    const round = emptyRound(roundNo, "exclusion");
    round.from = out;
    round.excluded = [out];
    const held = v(out);
    continuing.delete(out);
    const papers = pile(out);
    piles.set(out, []);
    const added = new Map<string, bigint>();
    let lost = 0n;
    for (const paper of papers) {
      const to = moveOn(paper, paper.value); // rule 50(4): at the value they were received
      if (to === undefined) {
        lost += paper.value;
        round.exhaustedBallots++;
      } else added.set(to, (added.get(to) ?? 0n) + paper.value);
    }
    votes.set(out, 0n);
    recordMoves(round, added, lost);
    explanation.push(
      added.size > 0
        ? `Round ${roundNo}: ${titleOf(config, out)} has the fewest votes and is excluded; their ${plural(formatUnits(held), "vote")} transfer to the next choices: ${describeMoves(added, lost, round.exhaustedBallots)}`
        : `Round ${roundNo}: ${titleOf(config, out)} has the fewest votes and is excluded; none of their ${plural(formatUnits(held), "vote")} can transfer, as ${held === 0n ? "they had none" : "those ballots have no further choice (exhausted)"}.`,
    );
    finishRound(round);
  }

  function recordMoves(round: Round, added: Map<string, bigint>, lost: bigint) {
    round.transfers = Object.fromEntries(
      ids.filter((id) => added.has(id)).map((id) => [id, unitsToNumber(added.get(id) ?? 0n)]),
    );
    round.nonTransferable = unitsToNumber(lost);
    exhaustedTotal += round.exhaustedBallots;
  }

  function describeMoves(added: Map<string, bigint>, lost: bigint, exhausted: number): string {
    const parts = ids
      .filter((id) => added.has(id))
      .map((id) => `${titleOf(config, id)} +${formatUnits(added.get(id) ?? 0n)}`);
    const gone = exhausted
      ? `; ${plural(exhausted, "ballot paper")} (${plural(formatUnits(lost), "vote")}) had no further choice and ${exhausted === 1 ? "is" : "are"} exhausted`
      : "";
    return `${parts.length ? parts.join(", ") : "nobody"}${gone}.`;
  }

  const result: VoteResult = {
    ...base,
    status: paused ? "awaiting-chair" : "complete",
    winners: paused ? [] : elected,
    rounds,
    ties,
    explanation,
    exhaustedBallots: exhaustedTotal,
    quota: quotaWhole,
  };
  if (paused && pending) return { ...result, pendingTie: pending };
  if (exhaustedTotal)
    explanation.push(
      `In all, ${plural(exhaustedTotal, "ballot paper")} ${exhaustedTotal === 1 ? "was" : "were"} exhausted: they had no further choice when their vote needed to move.`,
    );
  explanation.push(
    elected.length
      ? `The chosen priorities, in order of election, are ${listTitles(config, elected)}.`
      : "No priorities were chosen.",
  );
  return result;
}

function emptyRound(round: number, action: Round["action"]): Round {
  return {
    round,
    action,
    transfers: {},
    nonTransferable: 0,
    lostToRounding: 0,
    exhaustedBallots: 0,
    tallies: {},
    elected: [],
    excluded: [],
  };
}
