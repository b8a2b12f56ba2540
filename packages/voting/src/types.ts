// Shared shapes for configuring, casting and counting a ward-panel vote.
// Everything here is plain JSON so it can live in the hash chain unchanged.

export type VoteMethod =
  | { kind: "approval" }
  | { kind: "score"; maxScore: number }
  | { kind: "dots"; dotsPerVoter: number }
  | { kind: "ranked" };

/**
 * How a tie that the counting rules cannot settle is broken.
 * - "random-seeded": a reproducible draw seeded by the hash of the "closed" entry (see tie-break.ts).
 * - "earliest-raised": the concern raised earliest (first in `config.candidates`) is favoured.
 * - "chair-casting": the chair decides; each decision is a "tie-break-choice" entry in the chain.
 */
export type TieBreak = "random-seeded" | "earliest-raised" | "chair-casting";

/** A concern on the shortlist. The array order in the config is the order the concerns were raised. */
export type Candidate = { id: string; title: string };

export type VoteConfig = {
  method: VoteMethod;
  /** How many priorities to choose (the default is 3). */
  seats: number;
  ballotSecrecy: "open" | "secret";
  tieBreak: TieBreak;
  candidates: Candidate[];
};

export type ApprovalBallot = { approved: string[] };
export type ScoreBallot = { scores: Record<string, number> };
export type DotsBallot = { dots: Record<string, number> };
export type RankedBallot = { ranking: string[] };
export type Ballot = ApprovalBallot | ScoreBallot | DotsBallot | RankedBallot;

/** A show-of-hands count entered by the chair: how many people voted, and the count per option. */
export type Tally = { voters: number; counts: Record<string, number> };

export type Validation = { ok: true } | { ok: false; message: string };

/** What a tie decides: who is chosen for a place, who is excluded, or whose surplus moves first. */
export type TieQuestion = "elect" | "exclude" | "surplus-order";

/** A chair's casting decision, exactly as stored in a "tie-break-choice" entry. */
export type ChairChoice = {
  /** 1-based number of the tie, counting only ties the counting rules could not settle. */
  decision: number;
  question: TieQuestion;
  tied: string[];
  chosen: string[];
};

export type TieBreakContext = {
  /** Seed for "random-seeded": the hash of the "closed" entry. */
  seed: string;
  /** Decisions already recorded by the chair, for "chair-casting". */
  chairChoices?: readonly ChairChoice[];
};

export type TieRecord = {
  round: number;
  question: TieQuestion;
  tied: string[];
  /** The candidate(s) the question selects: elected, excluded, or transferred first. */
  chosen: string[];
  brokenBy: "earlier-round" | TieBreak;
  /** For ties broken by the tie-break rule: the decision number (matches ChairChoice.decision). */
  decision?: number;
  /** For "earlier-round": the round whose figures settled it. */
  settledByRound?: number;
};

export type PendingTie = {
  decision: number;
  round: number;
  question: TieQuestion;
  tied: string[];
  pick: number;
};

export type Round = {
  round: number;
  action: "count" | "first-preferences" | "surplus" | "exclusion";
  /** Whose surplus or whose votes moved in this round. */
  from?: string;
  /** Surplus being transferred (surplus rounds only). */
  surplus?: number;
  /** Votes added to each candidate in this round. */
  transfers: Record<string, number>;
  /** Value of votes that had no further choice in this round. */
  nonTransferable: number;
  /**
   * STV: value lost in this round by rounding transfer values down to 5 decimal places (surplus
   * rounds only; 0 otherwise). With the non-transferable value it makes every round add up:
   * votes held by candidates + all non-transferable so far + all lost so far = valid ballots.
   * Absent from results published before it was added (and from other methods).
   */
  lostToRounding?: number;
  /** Ballot papers that had no further choice in this round. */
  exhaustedBallots: number;
  /** Votes credited to every candidate at the end of the round. */
  tallies: Record<string, number>;
  elected: string[];
  /** Elected under the last-vacancies rule without reaching the quota. */
  electedWithoutQuota?: string[];
  excluded: string[];
};

export type VoteResult = {
  status: "complete" | "awaiting-chair";
  method: VoteMethod["kind"];
  /** The named counting rules, so a reader knows exactly what was applied. */
  rules: string;
  seats: number;
  winners: string[];
  rounds: Round[];
  ties: TieRecord[];
  explanation: string[];
  validBallots: number;
  rejectedBallots: number;
  /** People counted in show-of-hands tallies (approval and dot votes only). */
  handsCounted?: number;
  exhaustedBallots?: number;
  quota?: number;
  pendingTie?: PendingTie;
};
