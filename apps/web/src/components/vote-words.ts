import type { RouterOutputs } from "@wardpanel/api";
import type { TFunction } from "i18next";

type Published = Extract<RouterOutputs["votes"]["result"], { isPublished: true }>;
type VoteConfig = Published["config"];
export type VoteResult = Published["result"];
export type Round = VoteResult["rounds"][number];
type Tie = VoteResult["ties"][number];

/** The counting method as a resident would put it, in the reader's language (issue 13). */
export function methodInWords(t: TFunction, config: VoteConfig): string {
  const m = config.method;
  switch (m.kind) {
    case "approval":
      return t("voteWords.method.approval");
    case "score":
      return t("voteWords.method.score", { max: m.maxScore });
    case "dots":
      return t("voteWords.method.dots", { dots: m.dotsPerVoter });
    case "ranked":
      return config.seats === 1 ? t("voteWords.method.rankedOne") : t("voteWords.method.rankedMany");
  }
}

export function secrecyInWords(t: TFunction, secrecy: VoteConfig["ballotSecrecy"]): string {
  return secrecy === "secret" ? t("voteWords.secrecy.secret") : t("voteWords.secrecy.open");
}

const TIE_BREAK_KEYS = {
  "random-seeded": "randomSeeded",
  "earliest-raised": "earliestRaised",
  "chair-casting": "chairCasting",
} as const satisfies Record<VoteConfig["tieBreak"], string>;

/** The panel's tie-break rule; `short` for inside a sentence ("a draw anyone can check…"). */
export function tieBreakInWords(t: TFunction, rule: VoteConfig["tieBreak"], { short = false } = {}): string {
  const key = TIE_BREAK_KEYS[rule];
  return short ? t(`voteWords.tieBreakShort.${key}`) : t(`voteWords.tieBreak.${key}`);
}

const QUESTION_KEYS = { elect: "elect", exclude: "exclude", "surplus-order": "surplusOrder" } as const satisfies Record<
  Tie["question"],
  string
>;

/** A tie and how it was broken, in one sentence, with option titles rather than ids. */
export function tieInWords(t: TFunction, tie: Tie, titleOf: (id: string) => string): string {
  const how =
    tie.brokenBy === "earlier-round"
      ? tie.settledByRound === undefined
        ? t("voteWords.settledEarlier")
        : t("voteWords.settledByRound", { round: tie.settledByRound })
      : t("voteWords.brokenByRule", { rule: tieBreakInWords(t, tie.brokenBy, { short: true }) });
  return t("voteWords.tie", {
    round: tie.round,
    tied: tie.tied.map(titleOf).join(", "),
    question: t(`voteWords.question.${QUESTION_KEYS[tie.question]}`),
    how,
    chosen: tie.chosen.map(titleOf).join(", "),
  });
}

/** Up to five decimal places, as the count uses, without trailing zeros: "4", "2.5", "0.33333". */
export function formatVotes(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e5) / 1e5);
}

/** How the ballots were cast, as figures and names (packages/voting `ballotSourceParts`). */
export type BallotSourcePart = Published["ballotSourceParts"][number];
