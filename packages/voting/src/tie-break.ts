// Breaking ties the counting rules cannot settle, by the rule the panel fixed before voting.
// Every rule is reproducible from the vote record alone, so the verifier reaches the same answer.
import { VotingError } from "./errors.js";
import { listTitles, raisedOrder } from "./explain.js";
import { sha256Hex } from "./sha256.js";
import type { ChairChoice, PendingTie, TieBreakContext, TieQuestion, TieRecord, VoteConfig } from "./types.js";

type TieOutcome = { kind: "resolved"; chosen: string[]; record: TieRecord } | { kind: "pending"; pending: PendingTie };

/**
 * Draw number for the "random-seeded" rule: SHA-256 of seed, decision number and candidate id.
 * The lowest draw is picked. Why a hash rather than a stateful PRNG: each tie gets an independent,
 * order-free draw that anyone can recompute with one line of code. The seed is the hash of the
 * "closed" entry, which depends on every ballot, so nobody can know it while voting is open.
 */
export function drawNumber(seed: string, decision: number, candidateId: string): string {
  return sha256Hex(`${seed}\n${decision}\n${candidateId}`);
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join("\u0000") === [...b].sort().join("\u0000");

export class TieBreaker {
  private decisions = 0;
  private readonly order: Map<string, number>;

  constructor(
    private readonly config: VoteConfig,
    private readonly context: TieBreakContext,
  ) {
    this.order = raisedOrder(config);
  }

  /** How many decisions fell to the tie-break rule so far (the verifier matches chair entries to this). */
  get decisionCount(): number {
    return this.decisions;
  }

  /**
   * Chooses `pick` of `tied`. For "elect" and "surplus-order" the chosen are favoured; for
   * "exclude" (pick 1) the chosen is the one excluded.
   */
  resolve(round: number, question: TieQuestion, tiedInput: readonly string[], pick: number): TieOutcome {
    const tied = [...tiedInput].sort((a, b) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0));
    const decision = ++this.decisions;
    const rule = this.config.tieBreak;
    let chosen: string[];
    if (rule === "earliest-raised") {
      // Earliest raised is favoured: it is elected or moved first, and the latest raised is excluded.
      chosen = question === "exclude" ? tied.slice(-pick).reverse() : tied.slice(0, pick);
    } else if (rule === "random-seeded") {
      const draws = new Map(tied.map((id) => [id, drawNumber(this.context.seed, decision, id)]));
      chosen = [...tied].sort((a, b) => ((draws.get(a) ?? "") < (draws.get(b) ?? "") ? -1 : 1)).slice(0, pick);
    } else {
      const choice = this.context.chairChoices?.find((c) => c.decision === decision);
      if (!choice) return { kind: "pending", pending: { decision, round, question, tied, pick } };
      this.checkChairChoice(choice, question, tied, pick);
      chosen = [...choice.chosen];
    }
    return { kind: "resolved", chosen, record: { round, question, tied, chosen, brokenBy: rule, decision } };
  }

  private checkChairChoice(choice: ChairChoice, question: TieQuestion, tied: string[], pick: number): void {
    const fits =
      choice.question === question &&
      sameSet(choice.tied, tied) &&
      choice.chosen.length === pick &&
      new Set(choice.chosen).size === pick &&
      choice.chosen.every((id) => tied.includes(id));
    if (!fits) {
      throw new VotingError(
        "invalid-chair-choice",
        `The chair's decision ${choice.decision} does not answer the tie the count reached (${question} ${pick} of ${listTitles(this.config, tied)}).`,
      );
    }
  }
}

const QUESTION_TEXT: Record<TieQuestion, string> = {
  elect: "for the last place",
  exclude: "for exclusion",
  "surplus-order": "for whose surplus moves first",
};

/** One plain-English sentence saying how a tie was broken. */
export function describeTie(config: VoteConfig, tie: TieRecord, figure: string): string {
  const who = listTitles(config, tie.tied);
  const chosen = listTitles(config, tie.chosen);
  const outcome =
    tie.question === "exclude"
      ? `${chosen} is excluded`
      : tie.question === "elect"
        ? `${chosen} ${tie.chosen.length === 1 ? "is" : "are"} chosen`
        : `${chosen}'s surplus moves first`;
  const intro = `${who} are tied on ${figure} ${QUESTION_TEXT[tie.question]}.`;
  switch (tie.brokenBy) {
    case "earlier-round":
      return `${intro} The rules look back to the most recent round where they differed (round ${tie.settledByRound}), so ${outcome}.`;
    case "earliest-raised":
      return `${intro} The panel's tie-break rule favours the concern raised earliest, so ${outcome}.`;
    case "random-seeded":
      return `${intro} The tie was broken by a reproducible draw seeded from the hash of the closing entry (decision ${tie.decision}), so ${outcome}.`;
    case "chair-casting":
      return `${intro} The chair used a casting decision (recorded in the vote record as decision ${tie.decision}), so ${outcome}.`;
  }
}

export function describePending(config: VoteConfig, pending: PendingTie): string {
  const who = listTitles(config, pending.tied);
  const ask =
    pending.question === "exclude"
      ? "which one is excluded"
      : pending.question === "elect"
        ? `which ${pending.pick === 1 ? "one takes" : `${pending.pick} take`} the remaining place${pending.pick === 1 ? "" : "s"}`
        : "whose surplus moves first";
  return `The count is paused: ${who} are tied and the chair must use a casting decision to say ${ask}.`;
}
