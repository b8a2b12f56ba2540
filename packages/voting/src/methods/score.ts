// Score voting: each ballot scores options 0..maxScore; highest total wins.
import type { ScoreBallot, TieBreakContext, VoteConfig, VoteResult } from "../types.js";
import { countPoints } from "./points.js";

export function countScore(
  config: VoteConfig,
  ballots: readonly ScoreBallot[],
  rejectedBallots: number,
  context: TieBreakContext,
): VoteResult {
  const maxScore = config.method.kind === "score" ? config.method.maxScore : 0;
  const totals = new Map<string, number>();
  for (const b of ballots) for (const [id, n] of Object.entries(b.scores)) totals.set(id, (totals.get(id) ?? 0) + n);
  return countPoints(
    config,
    {
      totals,
      validBallots: ballots.length,
      rejectedBallots,
      handsCounted: 0,
      intro: `each voter scored every option from 0 to ${maxScore} (an option left blank scores 0)`,
      unit: "point",
      rules: "score: highest total score wins",
    },
    context,
  );
}
