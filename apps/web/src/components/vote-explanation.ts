import type { TFunction } from "i18next";

import { type BallotSourcePart, formatVotes, type Round, type VoteResult } from "./vote-words";

/**
 * One line of "How ballots were cast" in the reader's language, from the record's figures and names
 * (issue 13); the English matches the voting package's `ballotSourcesInWords`.
 */
export function ballotSourceInWords(t: TFunction, part: BallotSourcePart): string {
  switch (part.kind) {
    case "online":
      return t("voteExplain.sources.online", { count: part.count });
    case "paperVoters":
      return t("voteExplain.sources.paperVoters", { count: part.count });
    case "named":
      return t("voteExplain.sources.named", { enteredBy: part.enteredBy, voter: part.voter });
    case "unnamed":
      return t("voteExplain.sources.unnamed", { count: part.count, enteredBy: part.enteredBy });
    case "untold":
      return t("voteExplain.sources.untold", { count: part.count });
  }
}

/** The named counting rules for the method, in the reader's language. */
export function rulesInWords(t: TFunction, method: VoteResult["method"]): string {
  return t(`voteExplain.rules.${method}`);
}

const UNIT_KEYS = {
  approval: "voteExplain.approvals",
  score: "voteExplain.points",
  dots: "voteExplain.dots",
  ranked: "voteExplain.votes",
} as const satisfies Record<VoteResult["method"], string>;

/**
 * The count explained step by step in the reader's language, worded from the result's structured
 * figures: each round's tallies, who was chosen or dropped, transfers, exhausted papers and votes
 * lost to rounding (issue 13). `list` joins names the way the language does ("A, B and C").
 */
export function explanationInWords(
  t: TFunction,
  result: VoteResult,
  titleOf: (id: string) => string,
  list: (names: string[]) => string,
): string[] {
  const lines: string[] = [];
  if (result.rejectedBallots > 0) lines.push(t("voteExplain.rejected", { count: result.rejectedBallots }));
  if (result.method !== "ranked") return lines.concat(pointsLines(t, result, titleOf, list));
  if (result.validBallots === 0) return lines.concat(t("voteExplain.noBallots"));
  const quota = result.quota ?? 0;
  lines.push(
    t("voteExplain.rankedStart", {
      ballots: t("voteExplain.validBallots", { count: result.validBallots }),
      places: t("voteExplain.places", { count: result.seats }),
      quota: t("voteExplain.votes", { count: quota }),
      valid: result.validBallots,
      divisor: result.seats + 1,
    }),
  );
  if (result.seats === 1) lines.push(t("voteExplain.instantRunOff"));
  const dropped = new Set<string>();
  for (const r of result.rounds) {
    if (r.action === "surplus" || r.action === "exclusion") lines.push(transferLine(t, r, titleOf));
    for (const id of r.excluded) dropped.add(id);
    const standing = Object.entries(r.tallies)
      .filter(([id]) => !dropped.has(id))
      .sort(([, a], [, b]) => b - a)
      .map(([id, v]) => t("voteExplain.standing", { name: titleOf(id), votes: formatVotes(v) }));
    lines.push(t("voteExplain.afterRound", { round: r.round, standings: standing.join(", ") }));
    const withoutQuota = r.electedWithoutQuota ?? [];
    for (const id of r.elected.filter((e) => !withoutQuota.includes(e)))
      lines.push(t("voteExplain.elected", { name: titleOf(id), votes: votesOf(t, r.tallies[id] ?? 0) }));
    if (withoutQuota.length > 0)
      lines.push(
        t("voteExplain.electedWithoutQuota", { count: withoutQuota.length, names: list(withoutQuota.map(titleOf)) }),
      );
  }
  const exhausted = result.exhaustedBallots ?? 0;
  if (exhausted > 0) lines.push(t("voteExplain.exhaustedTotal", { count: exhausted }));
  if (result.status === "awaiting-chair") lines.push(t("voteExplain.awaitingChair"));
  else lines.push(chosenLine(t, result, titleOf, list));
  return lines;
}

function votesOf(t: TFunction, v: number): string {
  // Plural forms need a whole count; fractions of a vote read as "many" in both languages.
  return Number.isInteger(v)
    ? t("voteExplain.votes", { count: v })
    : t("voteExplain.votesFraction", { votes: formatVotes(v) });
}

function transferLine(t: TFunction, r: Round, titleOf: (id: string) => string): string {
  const moves = Object.entries(r.transfers)
    .filter(([, v]) => v > 0)
    .map(([id, v]) => `${titleOf(id)} +${formatVotes(v)}`);
  const name = titleOf(r.from ?? "");
  const parts = [
    r.action === "surplus"
      ? t("voteExplain.surplus", { round: r.round, name, votes: votesOf(t, r.surplus ?? 0) })
      : t("voteExplain.exclusion", { round: r.round, name }),
    moves.length > 0 ? t("voteExplain.moves", { moves: moves.join(", ") }) : t("voteExplain.noMoves"),
  ];
  if (r.exhaustedBallots > 0)
    parts.push(
      t("voteExplain.exhaustedInRound", {
        count: r.exhaustedBallots,
        votes: votesOf(t, r.nonTransferable),
      }),
    );
  if ((r.lostToRounding ?? 0) > 0) parts.push(t("voteExplain.rounding", { votes: formatVotes(r.lostToRounding ?? 0) }));
  return parts.join(" ");
}

function chosenLine(t: TFunction, result: VoteResult, titleOf: (id: string) => string, list: (n: string[]) => string) {
  return result.winners.length > 0
    ? t("voteExplain.chosen", { names: list(result.winners.map(titleOf)) })
    : t("voteExplain.noneChosen");
}

/** Approval, score and dot votes: one count, the options in order, then who was chosen. */
function pointsLines(t: TFunction, result: VoteResult, titleOf: (id: string) => string, list: (n: string[]) => string) {
  const lines: string[] = [];
  const ballots = t("voteExplain.validBallots", { count: result.validBallots });
  lines.push(
    result.handsCounted
      ? t("voteExplain.countedWithHands", { ballots, people: t("voteExplain.people", { count: result.handsCounted }) })
      : t("voteExplain.counted", { ballots }),
  );
  const round = result.rounds[0];
  if (!round) return lines.concat(t("voteExplain.noVotes"));
  const unit = UNIT_KEYS[result.method];
  const standing = Object.entries(round.tallies)
    .sort(([, a], [, b]) => b - a)
    .map(([id, v]) => t("voteExplain.standing", { name: titleOf(id), votes: t(unit, { count: v }) }));
  lines.push(t("voteExplain.pointsRound", { standings: standing.join(", ") }));
  if (result.status === "awaiting-chair") return lines.concat(t("voteExplain.awaitingChair"));
  for (const id of result.winners)
    lines.push(
      t("voteExplain.pointsElected", { name: titleOf(id), amount: t(unit, { count: round.tallies[id] ?? 0 }) }),
    );
  lines.push(
    result.winners.length > 0
      ? t("voteExplain.pointsChosen", { names: list(result.winners.map(titleOf)) })
      : t("voteExplain.noneChosen"),
  );
  return lines;
}
