// Verifies a downloaded vote record from the file alone: the hash chain, who voted, and the count.
import type { VoteResult } from "./types.js";
import { verifySteps } from "./verify-steps.js";

/** `trackers`: every ballot's tracker, sorted (tracker.ts), as the result page should list them. */
export type Verification =
  { ok: true; result: VoteResult; finalHash: string; trackers: string[] } | { ok: false; reason: string };

/**
 * Runs every step of `verifySteps` and gives the first failure's reason, or the recount.
 * @param options.expectedFinalHash the hash published with the result. Without it the verifier
 *   proves the file is internally consistent; with it, also that it is the record that was published
 *   (someone rewriting every hash in the file would otherwise go unnoticed).
 * @param options.publishedTrackers the ballot trackers published with the result: checked to be
 *   exactly the trackers of the record's ballots, each once.
 */
export function verifyVoteRecord(
  record: unknown,
  options: { expectedFinalHash?: string; publishedTrackers?: readonly string[] } = {},
): Verification {
  let result: VoteResult | undefined;
  let finalHash = "";
  let trackers: string[] = [];
  const published = {
    ...(options.expectedFinalHash !== undefined && { finalHash: options.expectedFinalHash }),
    ...(options.publishedTrackers !== undefined && { trackers: options.publishedTrackers }),
  };
  for (const step of verifySteps(record, published)) {
    if (!step.ok) return { ok: false, reason: step.reason ?? `The ${step.id} step failed.` };
    if (step.id === "final-hash") finalHash = step.facts.recordHash ?? "";
    if (step.id === "trackers") trackers = step.facts.trackers ?? [];
    if (step.id === "recount") result = step.facts.result;
  }
  return result ? { ok: true, result, finalHash, trackers } : { ok: false, reason: "The recount did not run." };
}
