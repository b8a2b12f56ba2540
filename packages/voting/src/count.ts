// One entry point for counting any method; the server and the verifier both call this.
import { validateBallot, validateTally } from "./ballot.js";
import { validateConfig } from "./config.js";
import { VotingError } from "./errors.js";
import { countApproval } from "./methods/approval.js";
import { countDots } from "./methods/dots.js";
import { countScore } from "./methods/score.js";
import { countStv } from "./methods/stv.js";
import type {
  ApprovalBallot,
  Ballot,
  DotsBallot,
  RankedBallot,
  ScoreBallot,
  Tally,
  TieBreakContext,
  VoteConfig,
  VoteResult,
} from "./types.js";

/**
 * Counts a vote. Invalid ballots are set aside and reported as rejected rather than thrown, so a
 * count always produces a readable result. An invalid config or show-of-hands tally throws: those
 * are the chair's entries and must be corrected, not silently dropped.
 * With "chair-casting" the result may come back `status: "awaiting-chair"` with `pendingTie`:
 * record the chair's decision as a "tie-break-choice" entry and count again.
 */
export function countVote(
  config: VoteConfig,
  ballots: readonly Ballot[],
  tieBreakContext: TieBreakContext,
  tallies: readonly Tally[] = [],
): VoteResult {
  const configCheck = validateConfig(config);
  if (!configCheck.ok) throw new VotingError("invalid-config", configCheck.message);
  for (const tally of tallies) {
    const check = validateTally(config, tally);
    if (!check.ok) throw new VotingError("invalid-entry", check.message);
  }
  const valid = ballots.filter((b) => validateBallot(config, b).ok);
  const rejected = ballots.length - valid.length;
  // After validation each ballot has the shape its method requires.
  switch (config.method.kind) {
    case "approval":
      return countApproval(config, valid as ApprovalBallot[], tallies, rejected, tieBreakContext);
    case "score":
      return countScore(config, valid as ScoreBallot[], rejected, tieBreakContext);
    case "dots":
      return countDots(config, valid as DotsBallot[], tallies, rejected, tieBreakContext);
    case "ranked":
      return countStv(config, valid as RankedBallot[], rejected, tieBreakContext);
  }
}
