// Dot voting (cumulative voting): each voter places up to N dots, several on one option if they like.
import type { DotsBallot, Tally, TieBreakContext, VoteConfig, VoteResult } from "../types.js";
import { countPoints } from "./points.js";

export function countDots(
  config: VoteConfig,
  ballots: readonly DotsBallot[],
  tallies: readonly Tally[],
  rejectedBallots: number,
  context: TieBreakContext,
): VoteResult {
  const dotsPerVoter = config.method.kind === "dots" ? config.method.dotsPerVoter : 0;
  const totals = new Map<string, number>();
  const add = (id: string, n: number) => totals.set(id, (totals.get(id) ?? 0) + n);
  for (const b of ballots) for (const [id, n] of Object.entries(b.dots)) add(id, n);
  for (const t of tallies) for (const [id, n] of Object.entries(t.counts)) add(id, n);
  return countPoints(
    config,
    {
      totals,
      validBallots: ballots.length,
      rejectedBallots,
      handsCounted: tallies.reduce((sum, t) => sum + t.voters, 0),
      intro: `each voter had ${dotsPerVoter} dots to place, stacking several on one option if they wished`,
      unit: "dot",
      rules: "dots: most dots win",
    },
    context,
  );
}
