// The verifier's checks as steps anyone can watch run, one after another: the same steps in the
// CLI (`pnpm cli verify-vote`) and in the browser ("Check this vote yourself" on the result page).
import { canonicalJson, type ChainEntry, GENESIS_HASH, hashEntry } from "./chain.js";
import { VotingError } from "./errors.js";
import { isRecord } from "./guards.js";
import { countFromEntries, type OpenedPayload } from "./record.js";
import { checkTrackerList, recordTrackers, type TrackerKind } from "./tracker.js";
import type { VoteResult } from "./types.js";
import { BallotBox, checkChairChoice, checkClosed, checkOpened, checkTrackersEntry } from "./verify-entries.js";
import { checkShape, type RecordShape } from "./verify-shape.js";

/**
 * Which check a step is, in the order they run. "trackers" holds the published ballot-tracker list
 * against the record's (skipped when no list is given): for a secret vote the record's "trackers"
 * entry, one random tracker per ballot (the story step checks the count); for an open vote the
 * trackers derived from the ballot entries. The same trackers, each once.
 */
export type VerifyStepId = "read" | "chain" | "final-hash" | "story" | "trackers" | "recount" | "rounds";

/** Facts a step found, for showing beside its tick or cross (counts are whole numbers, hashes 64 hex). */
export type VerifyStepFacts = {
  /** read: entries in the record. chain: entries whose hash was recomputed and matched. */
  entries?: number;
  /** chain: how many entries there are to check. */
  of?: number;
  /** final-hash: the record's last hash, and the hash published beside the result (absent when not given). */
  recordHash?: string;
  publishedHash?: string;
  /** story: ballots in the record. */
  ballots?: number;
  /** recount: the candidate ids the recount elects, in order. */
  winners?: string[];
  /** trackers: every ballot's tracker, sorted (tracker.ts), as the result page lists them. */
  trackers?: string[];
  /** trackers: "cast" (secret vote: drawn at cast, listed apart from the ballots) or "entry" (from ballot entries). */
  trackerKind?: TrackerKind;
  /** rounds: how many counting rounds matched. */
  rounds?: number;
  /** recount, on success: the recount itself. */
  result?: VoteResult;
};

/**
 * One finished step. `ok: false` carries `reason`: a plain-English sentence naming what differs
 * (e.g. "Entry 4 (ballot): hash does not match — the record has been changed."). After a failing
 * step no more steps run. `skipped` marks a step that had nothing to compare with (no published
 * hash given).
 */
export type VerifyStep = { id: VerifyStepId; ok: boolean; skipped?: boolean; reason?: string; facts: VerifyStepFacts };

/** What was published beside the result, to hold the record against. */
export type Published = { finalHash?: string; trackers?: readonly string[] };

/**
 * Runs the checks on a downloaded record (parsed JSON, any shape), yielding each step as it
 * finishes, stopping after the first failure: read → chain → final-hash → story → trackers → recount →
 * rounds (ranked votes only). Pure and synchronous; a caller that wants to show progress awaits a
 * paint between `next()` calls.
 */
export function* verifySteps(record: unknown, published: Published = {}): Generator<VerifyStep, void, void> {
  const shape = checkShape(record);
  if (typeof shape === "string") {
    yield { id: "read", ok: false, reason: shape, facts: {} };
    return;
  }
  const { entries, config } = shape;
  yield { id: "read", ok: true, facts: { entries: entries.length } };

  const chainProblem = checkChain(entries);
  yield chainProblem
    ? { id: "chain", ok: false, reason: chainProblem.reason, facts: { entries: chainProblem.at, of: entries.length } }
    : { id: "chain", ok: true, facts: { entries: entries.length, of: entries.length } };
  if (chainProblem) return;

  const lastHash = entries.at(-1)?.hash ?? GENESIS_HASH;
  const hashes = {
    recordHash: lastHash,
    ...(published.finalHash !== undefined && { publishedHash: published.finalHash }),
  };
  const hashProblem =
    shape.finalHash !== lastHash
      ? "The final hash does not match the last entry — the record has been changed or cut short."
      : published.finalHash !== undefined && published.finalHash !== lastHash
        ? "The final hash does not match the published hash — this is not the record that was published."
        : null;
  yield hashProblem
    ? { id: "final-hash", ok: false, reason: hashProblem, facts: hashes }
    : { id: "final-hash", ok: true, skipped: published.finalHash === undefined, facts: hashes };
  if (hashProblem) return;

  const storyProblem = checkStory(shape);
  const ballots = entries.filter((e) => e.type === "ballot").length;
  yield storyProblem
    ? { id: "story", ok: false, reason: storyProblem, facts: { ballots } }
    : { id: "story", ok: true, facts: { ballots } };
  if (storyProblem) return;

  const { kind: trackerKind, trackers } = recordTrackers(entries);
  const trackerProblem = published.trackers === undefined ? null : checkTrackerList(entries, published.trackers);
  yield trackerProblem
    ? {
        id: "trackers",
        ok: false,
        reason: `The published list of ballot trackers does not match the record: ${trackerProblem}`,
        facts: { trackers, trackerKind },
      }
    : { id: "trackers", ok: true, skipped: published.trackers === undefined, facts: { trackers, trackerKind } };
  if (trackerProblem) return;

  const recounted = recount(shape);
  if (typeof recounted === "string") {
    yield { id: "recount", ok: false, reason: recounted, facts: {} };
    return;
  }
  const ranked = config.method.kind === "ranked";
  const published_ = shape.result as VoteResult;
  const difference = compareResults(published_, recounted, { withRounds: !ranked });
  yield difference
    ? {
        id: "recount",
        ok: false,
        reason: `The published result does not match a recount of the ballots: ${difference}.`,
        facts: { winners: recounted.winners },
      }
    : { id: "recount", ok: true, facts: { winners: recounted.winners, result: recounted } };
  if (difference || !ranked) return;

  const rounds = withoutNewerFields(published_, recounted).rounds;
  const publishedRounds: unknown[] = Array.isArray(published_.rounds) ? published_.rounds : [];
  const differs = rounds.findIndex((r, n) => canonicalJson(r) !== canonicalJson(publishedRounds[n] ?? null));
  const roundProblem =
    differs >= 0
      ? `The published result does not match a recount of the ballots: round ${differs + 1} differs.`
      : publishedRounds.length !== rounds.length
        ? `The published result does not match a recount of the ballots: it has ${publishedRounds.length} rounds, the recount ${rounds.length}.`
        : null;
  yield roundProblem
    ? { id: "rounds", ok: false, reason: roundProblem, facts: { rounds: Math.max(0, differs) } }
    : { id: "rounds", ok: true, facts: { rounds: rounds.length } };
}

/** Every entry's number, link to the entry before and hash, in order; the first broken one. */
function checkChain(entries: readonly ChainEntry[]): { at: number; reason: string } | null {
  for (const [i, entry] of entries.entries()) {
    if (entry.seq !== i)
      return {
        at: i,
        reason: `Entry at position ${i} is numbered ${entry.seq} — entries have been removed, added or reordered.`,
      };
    const expectedPrev = i === 0 ? GENESIS_HASH : (entries[i - 1]?.hash ?? "");
    if (entry.prevHash !== expectedPrev)
      return {
        at: i,
        reason: `Entry ${i} (${entry.type}): it does not link to the entry before it — entries have been removed, added or reordered.`,
      };
    if (hashEntry(entry.prevHash, entry) !== entry.hash)
      return { at: i, reason: `Entry ${i} (${entry.type}): hash does not match — the record has been changed.` };
  }
  return null;
}

/** The story the entries tell: opened, ballots, paper voters and tallies, closed, then any chair decisions. */
function checkStory(shape: RecordShape): string | null {
  const { entries, config } = shape;
  const opened = entries[0];
  if (!opened) return "The record has no entries.";
  const openedProblem = checkOpened(shape, opened);
  if (openedProblem) return openedProblem;
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
    } else if (entry.type === "trackers") {
      problem =
        closedAt !== null
          ? `${where}: listed after the vote closed in entry ${closedAt}.`
          : checkTrackersEntry(config, entry, entries.slice(0, entry.seq), entries[entry.seq + 1]);
    } else if (entry.type === "closed") {
      problem =
        closedAt !== null ? `${where}: the vote was closed twice.` : checkClosed(entry, entries.slice(0, entry.seq));
      closedAt = entry.seq;
    } else if (entry.type === "tie-break-choice") {
      problem =
        closedAt === null ? `${where}: a tie-break decision before the vote closed.` : checkChairChoice(config, entry);
    }
    if (problem) return problem;
  }
  if (closedAt === null) return "The vote has not been closed, so there is no result to check yet.";
  if (shape.version === 3 && config.ballotSecrecy === "secret" && !entries.some((e) => e.type === "trackers"))
    return "This secret vote's record (version 3) has no list of trackers.";
  if (shape.version !== 3 && entries.some((e) => e.type === "trackers"))
    return `A list of trackers needs a version 3 record; this one is version ${shape.version}.`;
  return null;
}

/** The recount from the entries alone, or why it cannot be done or is not comparable. */
function recount(shape: RecordShape): VoteResult | string {
  let result: VoteResult;
  try {
    result = countFromEntries(shape.config, shape.entries);
  } catch (error) {
    if (error instanceof VotingError) return `The recount failed: ${error.message}`;
    throw error;
  }
  const chairEntries = shape.entries.filter((e) => e.type === "tie-break-choice");
  const decided = result.ties.filter((t) => t.brokenBy === "chair-casting").length;
  if (chairEntries.length !== decided) {
    const extra = chairEntries[decided];
    return `Entry ${extra?.seq ?? "?"} (tie-break-choice): the recount never reached the tie this decision answers.`;
  }
  if (shape.result === null) return "The record has no published result to check.";
  return result;
}

/**
 * Compares everything except the explanation text (wording may improve between versions of this
 * package) and, for ranked votes, the rounds (their own step): winners, ties, quota and counts
 * must be identical.
 */
function compareResults(published: VoteResult, fullRecount: VoteResult, { withRounds }: { withRounds: boolean }) {
  const recounted = withoutNewerFields(published, fullRecount);
  if (canonicalJson(published.winners) !== canonicalJson(recounted.winners))
    return `the recount elects ${recounted.winners.join(", ") || "nobody"}`;
  if (withRounds && canonicalJson(published.rounds) !== canonicalJson(recounted.rounds)) {
    const i = recounted.rounds.findIndex((r, n) => canonicalJson(r) !== canonicalJson(published.rounds[n] ?? null));
    return `round ${i + 1} differs`;
  }
  const strip = (r: VoteResult) => canonicalJson({ ...r, explanation: undefined, rounds: undefined });
  return strip(published) === strip(recounted) ? null : "the ties, quota or ballot counts differ";
}

/**
 * The recount as a result published before rounds carried `lostToRounding` (issue 15) would show
 * it: the field is left out of each round whose published copy lacks it, so those votes still
 * verify. A published result that has it must match it exactly.
 */
function withoutNewerFields(published: VoteResult, recounted: VoteResult): VoteResult {
  const publishedRounds: unknown[] = Array.isArray(published.rounds) ? published.rounds : [];
  const rounds = recounted.rounds.map((round, i) => {
    const old = publishedRounds[i];
    if (!isRecord(old) || "lostToRounding" in old) return round;
    const { lostToRounding: _added, ...older } = round;
    return older;
  });
  return { ...recounted, rounds };
}
