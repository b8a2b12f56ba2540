// Between BLT ballot files and Ward Panel votes: a BLT file as a vote this package can count, and
// a ranked vote's ballots as a BLT file independent STV programs can count.
import { validateBallot } from "../ballot.js";
import type { ChainEntry } from "../chain.js";
import { VotingError } from "../errors.js";
import type { BallotPayload } from "../record.js";
import type { RankedBallot, TieBreak, VoteConfig } from "../types.js";
import { type BltBallot, type BltElection, BltError } from "./types.js";

/** The most ballot papers a BLT file may hold here: ten times a large Scottish ward, and bounded memory. */
export const MAX_BLT_PAPERS = 1_000_000;

export type BltVote = {
  /** A ranked, secret vote; candidate n of the file has id `candidate-n` and its name as title. */
  config: VoteConfig;
  /** One ballot per paper (a line of weight 12 gives 12), withdrawn candidates left out. */
  ballots: RankedBallot[];
};

/**
 * Turns a BLT file into a vote to count under the Scottish STV rules. Withdrawn candidates are not
 * candidates, and their preferences are skipped. A paper left with no preference is not valid and is
 * reported as rejected (the Scottish rules need a first preference). Names are shown with runs of
 * spaces made one.
 *
 * Equal ranks (`2=3`) are refused: the Scottish rules count one candidate per preference, and a
 * returning officer cannot give a paper's vote to two candidates at once. (Only methods built for
 * them, such as Meek STV, count equal ranks; droop's Scottish rule also leaves them out of the count.)
 *
 * @param tieBreak the rule for ties the counting rules cannot settle ("by lot" in the statute);
 *   "earliest-raised" favours the candidate listed first in the file.
 * @throws BltError for equal ranks (naming the line), every candidate withdrawn, or more than
 *   MAX_BLT_PAPERS papers.
 */
export function bltToVote(election: BltElection, tieBreak: TieBreak = "earliest-raised"): BltVote {
  const withdrawn = new Set(election.withdrawn);
  const candidates = election.candidates
    .map((name, i) => ({ id: `candidate-${i + 1}`, title: name.replace(/\s+/g, " ").trim() || `Candidate ${i + 1}` }))
    .filter((_, i) => !withdrawn.has(i + 1));
  if (candidates.length === 0)
    throw new BltError("Every candidate in the file is withdrawn, so there is nothing to count.");
  const papers = election.ballots.reduce((sum, b) => sum + b.weight, 0);
  if (papers > MAX_BLT_PAPERS)
    throw new BltError(`The file holds ${papers} ballot papers; this counter reads at most ${MAX_BLT_PAPERS}.`);
  const ballots: RankedBallot[] = [];
  for (const b of election.ballots) {
    const equal = b.ranks.find((rank) => rank.length > 1);
    if (equal)
      throw new BltError(
        `candidates ${equal.join("=")} are ranked equal, which the Scottish STV rules cannot count (one candidate per preference).`,
        b.line ?? null,
      );
    const ballot = {
      ranking: b.ranks
        .flat()
        .filter((n) => !withdrawn.has(n))
        .map((n) => `candidate-${n}`),
    };
    for (let i = 0; i < b.weight; i++) ballots.push(ballot);
  }
  return {
    config: { method: { kind: "ranked" }, seats: election.seats, ballotSecrecy: "secret", tieBreak, candidates },
    ballots,
  };
}

/**
 * A ranked vote's valid ballots as a BLT election: candidates in the order raised (so
 * "earliest-raised" ties break the same way), identical rankings merged into one line with their
 * count as its weight, lines sorted by their preferences. Nothing identifies a voter or the order
 * ballots were cast in.
 *
 * @throws VotingError("invalid-config") when the vote is not ranked.
 */
export function voteToBlt(vote: { config: VoteConfig; entries: readonly ChainEntry[]; title: string }): BltElection {
  const { config } = vote;
  if (config.method.kind !== "ranked")
    throw new VotingError("invalid-config", "Only a ranked vote has ballots a BLT file can hold.");
  const number = new Map(config.candidates.map((c, i) => [c.id, i + 1]));
  const weights = new Map<string, { ranks: number[][]; weight: number }>();
  for (const entry of vote.entries) {
    if (entry.type !== "ballot") continue;
    const ballot = (entry.payload as BallotPayload).ballot;
    if (!validateBallot(config, ballot).ok) continue;
    const ranks = (ballot as RankedBallot).ranking.map((id) => [number.get(id) ?? 0]);
    const key = ranks.join(" ");
    const line = weights.get(key) ?? { ranks, weight: 0 };
    line.weight++;
    weights.set(key, line);
  }
  const ballots: BltBallot[] = [...weights.values()].sort((a, b) => compareRanks(a.ranks, b.ranks));
  return {
    candidates: config.candidates.map((c) => c.title),
    seats: config.seats,
    withdrawn: [],
    ballots,
    title: vote.title,
  };
}

function compareRanks(a: number[][], b: number[][]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i]?.[0] ?? 0) - (b[i]?.[0] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
