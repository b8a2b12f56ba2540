// Approval voting: each ballot approves any number of options; most approvals wins.
import type { ApprovalBallot, Tally, TieBreakContext, VoteConfig, VoteResult } from "../types.js";
import { countPoints } from "./points.js";

export function countApproval(
  config: VoteConfig,
  ballots: readonly ApprovalBallot[],
  tallies: readonly Tally[],
  rejectedBallots: number,
  context: TieBreakContext,
): VoteResult {
  const totals = new Map<string, number>();
  const add = (id: string, n: number) => totals.set(id, (totals.get(id) ?? 0) + n);
  for (const b of ballots) for (const id of b.approved) add(id, 1);
  for (const t of tallies) for (const [id, n] of Object.entries(t.counts)) add(id, n);
  return countPoints(
    config,
    {
      totals,
      validBallots: ballots.length,
      rejectedBallots,
      handsCounted: tallies.reduce((sum, t) => sum + t.voters, 0),
      intro: "each voter could approve any number of options",
      unit: "approval",
      rules: "approval: most approvals win",
    },
    context,
  );
}
