import type { RouterOutputs } from "@wardpanel/api";
import { TIE_BREAK_LABELS } from "@wardpanel/validators";

type Published = Extract<RouterOutputs["votes"]["result"], { isPublished: true }>;
type VoteConfig = Published["config"];
export type VoteResult = Published["result"];
export type Round = VoteResult["rounds"][number];
type Tie = VoteResult["ties"][number];

/** The counting method as a resident would put it. */
export function methodInWords(config: VoteConfig): string {
  const m = config.method;
  switch (m.kind) {
    case "approval":
      return "Approval voting: each member ticked every option they supported, and the options with the most ticks were chosen.";
    case "score":
      return `Score voting: each member gave every option a score from 0 to ${m.maxScore}, and the options with the highest totals were chosen.`;
    case "dots":
      return `Dot votes: each member shared ${m.dotsPerVoter} dots among the options as they wished, and the options with the most dots were chosen.`;
    case "ranked":
      return config.seats === 1
        ? "Ranked ballots counted by instant run-off: members numbered the options in order; the option with fewest votes was dropped and its votes moved to each ballot's next choice until one had more than half."
        : "Ranked ballots counted by the single transferable vote: members numbered the options in order; an option reaching the quota was chosen, and votes it did not need, or votes for options dropped for having fewest, moved to each ballot's next choice.";
  }
}

export function secrecyInWords(secrecy: VoteConfig["ballotSecrecy"]): string {
  return secrecy === "secret"
    ? "Secret ballot: the record shows who could vote, but not how anyone voted."
    : "Open ballot: the record names each member with how they voted.";
}

export function tieBreakInWords(rule: VoteConfig["tieBreak"]): string {
  return TIE_BREAK_LABELS[rule] ?? rule;
}

const QUESTIONS: Record<Tie["question"], string> = {
  elect: "which to choose",
  exclude: "which to drop",
  "surplus-order": "whose spare votes to move first",
};

/** A tie and how it was broken, in one sentence, with option titles rather than ids. */
export function tieInWords(tie: Tie, titleOf: (id: string) => string): string {
  const tied = tie.tied.map(titleOf).join(", ");
  const chosen = tie.chosen.map(titleOf).join(", ");
  const how =
    tie.brokenBy === "earlier-round"
      ? `settled by the figures in round ${tie.settledByRound ?? "an earlier round"}`
      : `broken by the panel's rule (${tieBreakInWords(tie.brokenBy).toLowerCase()})`;
  return `Round ${tie.round}: ${tied} were tied on ${QUESTIONS[tie.question]}; ${how}: ${chosen}.`;
}

/** Up to five decimal places, as the count uses, without trailing zeros: "4", "2.5", "0.33333". */
export function formatVotes(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e5) / 1e5);
}
