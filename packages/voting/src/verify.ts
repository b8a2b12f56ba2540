// Verifies a downloaded vote record from the file alone: the hash chain, who voted, and the count.
import { canonicalJson, type ChainEntry, ENTRY_TYPES, GENESIS_HASH, hashEntry } from "./chain.js";
import { validateConfig } from "./config.js";
import { VotingError } from "./errors.js";
import { hasOnlyKeys, isHash, isRecord, isString, isWholeNumber } from "./guards.js";
import { countFromEntries, type OpenedPayload, type VoteRecord } from "./record.js";
import { checkTrackerList, publishedTrackers } from "./tracker.js";
import type { VoteResult } from "./types.js";
import { BallotBox, checkChairChoice, checkClosed, checkOpened } from "./verify-entries.js";

/** `trackers`: every ballot's tracker, sorted (tracker.ts), as the result page should list them. */
export type Verification =
  { ok: true; result: VoteResult; finalHash: string; trackers: string[] } | { ok: false; reason: string };

const fail = (reason: string): Verification => ({ ok: false, reason });
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
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
  const shape = checkShape(record);
  if (typeof shape === "string") return fail(shape);
  const { entries, config } = shape;

  // 1. The chain: every hash recomputed in order.
  for (const [i, entry] of entries.entries()) {
    if (entry.seq !== i)
      return fail(`Entry at position ${i} is numbered ${entry.seq} — entries have been removed, added or reordered.`);
    const expectedPrev = i === 0 ? GENESIS_HASH : (entries[i - 1]?.hash ?? "");
    if (entry.prevHash !== expectedPrev)
      return fail(
        `Entry ${i} (${entry.type}): it does not link to the entry before it — entries have been removed, added or reordered.`,
      );
    if (hashEntry(entry.prevHash, entry) !== entry.hash)
      return fail(`Entry ${i} (${entry.type}): hash does not match — the record has been changed.`);
  }
  const lastHash = entries.at(-1)?.hash ?? GENESIS_HASH;
  if (shape.finalHash !== lastHash)
    return fail("The final hash does not match the last entry — the record has been changed or cut short.");
  if (options.expectedFinalHash !== undefined && options.expectedFinalHash !== lastHash) {
    return fail("The final hash does not match the published hash — this is not the record that was published.");
  }

  // 2. The story the entries tell: opened, ballots, paper voters and tallies, closed, then any chair decisions.
  const opened = entries[0];
  if (!opened) return fail("The record has no entries.");
  const openedProblem = checkOpened(shape, opened);
  if (openedProblem) return fail(openedProblem);
  const box = new BallotBox(config, (opened.payload as OpenedPayload).electorate);
  let closedAt: number | null = null;
  for (const entry of entries.slice(1)) {
    const where = `Entry ${entry.seq} (${entry.type})`;
    let problem: string | null = null;
    if (entry.type === "opened") problem = `${where}: the vote was opened twice.`;
    else if (entry.type === "ballot" || entry.type === "tally" || entry.type === "paper-voters") {
      problem =
        closedAt !== null
          ? `${where}: ${entry.type === "paper-voters" ? "recorded" : "cast"} after the vote closed in entry ${closedAt}.`
          : entry.type === "ballot"
            ? box.ballot(entry)
            : entry.type === "tally"
              ? box.tally(entry)
              : box.paperVotersEntry(entry);
    } else if (entry.type === "closed") {
      problem =
        closedAt !== null ? `${where}: the vote was closed twice.` : checkClosed(entry, entries.slice(0, entry.seq));
      closedAt = entry.seq;
    } else if (entry.type === "tie-break-choice") {
      problem =
        closedAt === null ? `${where}: a tie-break decision before the vote closed.` : checkChairChoice(config, entry);
    }
    if (problem) return fail(problem);
  }
  if (closedAt === null) return fail("The vote has not been closed, so there is no result to check yet.");

  // 3. The recount.
  let recount: VoteResult;
  try {
    recount = countFromEntries(config, entries);
  } catch (error) {
    if (error instanceof VotingError) return fail(`The recount failed: ${error.message}`);
    throw error;
  }
  const chairEntries = entries.filter((e) => e.type === "tie-break-choice");
  const decided = recount.ties.filter((t) => t.brokenBy === "chair-casting").length;
  if (chairEntries.length !== decided) {
    const extra = chairEntries[decided];
    return fail(
      `Entry ${extra?.seq ?? "?"} (tie-break-choice): the recount never reached the tie this decision answers.`,
    );
  }
  if (shape.result === null) return fail("The record has no published result to check.");
  const difference = compareResults(shape.result, recount);
  if (difference) return fail(`The published result does not match a recount of the ballots: ${difference}.`);
  if (options.publishedTrackers !== undefined) {
    const problem = checkTrackerList(entries, options.publishedTrackers);
    if (problem) return fail(`The published list of ballot trackers does not match the record: ${problem}`);
  }
  return { ok: true, result: recount, finalHash: lastHash, trackers: publishedTrackers(entries) };
}

/**
 * Compares everything except the explanation text: wording may improve between versions of this
 * package, but winners, rounds, ties, quota and counts must be identical.
 */
function compareResults(published: VoteResult, fullRecount: VoteResult): string | null {
  const recount = withoutNewerFields(published, fullRecount);
  const strip = (r: VoteResult) => canonicalJson({ ...r, explanation: undefined });
  if (canonicalJson(published.winners) !== canonicalJson(recount.winners))
    return `the recount elects ${recount.winners.join(", ") || "nobody"}`;
  if (canonicalJson(published.rounds) !== canonicalJson(recount.rounds)) {
    const i = recount.rounds.findIndex((r, n) => canonicalJson(r) !== canonicalJson(published.rounds[n] ?? null));
    return `round ${i + 1} differs`;
  }
  return strip(published) === strip(recount) ? null : "the ties, quota or ballot counts differ";
}

/**
 * The recount as a result published before rounds carried `lostToRounding` (issue 15) would show
 * it: the field is left out of each round whose published copy lacks it, so those votes still
 * verify. A published result that has it must match it exactly.
 */
function withoutNewerFields(published: VoteResult, recount: VoteResult): VoteResult {
  const publishedRounds: unknown[] = Array.isArray(published.rounds) ? published.rounds : [];
  const rounds = recount.rounds.map((round, i) => {
    const old = publishedRounds[i];
    if (!isRecord(old) || "lostToRounding" in old) return round;
    const { lostToRounding: _added, ...older } = round;
    return older;
  });
  return { ...recount, rounds };
}

type Shape = VoteRecord & { entries: ChainEntry[] };

function checkShape(record: unknown): Shape | string {
  if (!isRecord(record)) return "This is not a vote record.";
  if (record.format !== "wardpanel-vote-record" || (record.version !== 1 && record.version !== 2))
    return "This is not a version 1 or 2 Ward Panel vote record.";
  if (!hasOnlyKeys(record, ["format", "version", "voteId", "ward", "config", "entries", "result", "finalHash"]))
    return "The record contains an unknown field.";
  if (!isString(record.voteId)) return "The record has no vote id.";
  const ward = record.ward;
  if (!isRecord(ward) || !isString(ward.code) || !isString(ward.name)) return "The record has no ward.";
  const config = validateConfig(record.config);
  if (!config.ok) return `The vote settings are not valid: ${config.message}`;
  if (!isHash(record.finalHash)) return "The record has no final hash.";
  if (record.result !== null && !isRecord(record.result)) return "The published result is unreadable.";
  if (!Array.isArray(record.entries)) return "The record has no entries.";
  for (const [i, e] of (record.entries as unknown[]).entries()) {
    const ok =
      isRecord(e) &&
      hasOnlyKeys(e, ["seq", "type", "at", "payload", "prevHash", "hash"]) &&
      isWholeNumber(e.seq) &&
      isString(e.type) &&
      (ENTRY_TYPES as readonly string[]).includes(e.type) &&
      isString(e.at) &&
      ISO_TIME.test(e.at) &&
      "payload" in e &&
      isHash(e.prevHash) &&
      isHash(e.hash);
    if (!ok) return `Entry at position ${i} is unreadable.`;
  }
  return record as Shape;
}
