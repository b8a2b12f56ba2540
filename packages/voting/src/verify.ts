// Verifies a downloaded vote record from the file alone: the hash chain, who voted, and the count.
import type { VoteResult } from "./types.js";
import { verifySteps } from "./verify-steps.js";

export type Verification = { ok: true; result: VoteResult; finalHash: string } | { ok: false; reason: string };

/**
 * Runs every step of `verifySteps` and gives the first failure's reason, or the recount.
 * @param options.expectedFinalHash the hash published with the result. Without it the verifier
 *   proves the file is internally consistent; with it, also that it is the record that was published
 *   (someone rewriting every hash in the file would otherwise go unnoticed).
 */
export function verifyVoteRecord(record: unknown, options: { expectedFinalHash?: string } = {}): Verification {
  let result: VoteResult | undefined;
  let finalHash = "";
  const published = options.expectedFinalHash === undefined ? {} : { finalHash: options.expectedFinalHash };
  for (const step of verifySteps(record, published)) {
    if (!step.ok) return { ok: false, reason: step.reason ?? `The ${step.id} step failed.` };
    if (step.id === "final-hash") finalHash = step.facts.recordHash ?? "";
    if (step.id === "recount") result = step.facts.result;
  }
  return result ? { ok: true, result, finalHash } : { ok: false, reason: "The recount did not run." };
}
