// Rules every entry of an honest record keeps, checked one entry at a time by the verifier.
import { validateBallot, validateTally } from "./ballot.js";
import { canonicalJson, type ChainEntry } from "./chain.js";
import { hasOnlyKeys, isRecord, isString, isStringArray, isWholeNumber } from "./guards.js";
import type { Elector, NamedBallotPayload, Staff, VoteRecord } from "./record.js";
import { RANDOM_TRACKER } from "./tracker.js";
import type { VoteConfig } from "./types.js";

type Check = string | null; // a failure reason, or null when the entry is fine

const label = (e: ChainEntry) => `Entry ${e.seq} (${e.type})`;

export function checkOpened(record: VoteRecord, entry: ChainEntry): Check {
  const p = entry.payload;
  if (entry.type !== "opened") return `${label(entry)}: the first entry must be the "opened" entry.`;
  if (!isRecord(p) || !hasOnlyKeys(p, ["voteId", "ward", "config", "electorate"]))
    return `${label(entry)}: the opening details are unreadable.`;
  if (p.voteId !== record.voteId) return `${label(entry)}: the vote id does not match the record.`;
  if (canonicalJson(p.ward) !== canonicalJson(record.ward))
    return `${label(entry)}: the ward does not match the record.`;
  if (canonicalJson(p.config) !== canonicalJson(record.config))
    return `${label(entry)}: the vote settings do not match the settings fixed when the vote opened.`;
  if (!Array.isArray(p.electorate)) return `${label(entry)}: the electorate snapshot is missing.`;
  const seen = new Set<string>();
  for (const e of p.electorate as unknown[]) {
    if (
      !isRecord(e) ||
      !hasOnlyKeys(e, ["voter", "name"]) ||
      !isString(e.voter) ||
      (e.name !== undefined && !isString(e.name))
    ) {
      return `${label(entry)}: the electorate snapshot has an unreadable voter.`;
    }
    if (record.config.ballotSecrecy === "secret" && e.name !== undefined)
      return `${label(entry)}: a secret ballot's electorate must not contain names.`;
    if (seen.has(e.voter)) return `${label(entry)}: voter ${e.voter} appears twice in the electorate.`;
    seen.add(e.voter);
  }
  return null;
}

const isStaff = (v: unknown): v is Staff =>
  isRecord(v) && hasOnlyKeys(v, ["id", "name"]) && isString(v.id) && isString(v.name);

export class BallotBox {
  private readonly electorate: Map<string, Elector>;
  /** Electors who have voted: the entry of their ballot, or of the "paper-voters" entry naming them. */
  private readonly votedAt = new Map<string, number>();
  private paperVoters = 0;
  private unnamedPaperBallots = 0;
  private handsCounted = 0;

  constructor(
    private readonly config: VoteConfig,
    electorate: readonly Elector[],
  ) {
    this.electorate = new Map(electorate.map((e) => [e.voter, e]));
  }

  ballot(entry: ChainEntry): Check {
    const p = entry.payload;
    if (
      !isRecord(p) ||
      !hasOnlyKeys(p, ["voter", "voterName", "source", "enteredBy", "ballot"]) ||
      (p.voter !== undefined && !isString(p.voter)) ||
      (p.source !== "online" && p.source !== "paper") ||
      (p.enteredBy !== undefined && !isStaff(p.enteredBy))
    ) {
      return `${label(entry)}: the ballot entry is unreadable.`;
    }
    if (p.voter === undefined) return this.unnamedPaper(entry, p);
    const payload = p as NamedBallotPayload;
    if (payload.source === "online" && payload.enteredBy !== undefined)
      return `${label(entry)}: an online ballot is cast by the voter, never entered by someone else.`;
    const elector = this.electorate.get(payload.voter);
    if (!elector) return `${label(entry)}: voter ${payload.voter} is not in the electorate snapshot.`;
    if (this.config.ballotSecrecy === "secret" && payload.voterName !== undefined)
      return `${label(entry)}: a secret ballot must not carry the voter's name.`;
    if (payload.voterName !== undefined && payload.voterName !== elector.name)
      return `${label(entry)}: the voter's name does not match the electorate snapshot.`;
    const earlier = this.votedAt.get(payload.voter);
    if (earlier !== undefined) return `${label(entry)}: voter ${payload.voter} already voted in entry ${earlier}.`;
    this.votedAt.set(payload.voter, entry.seq);
    const valid = validateBallot(this.config, payload.ballot);
    if (!valid.ok) return `${label(entry)}: the ballot is not valid — ${valid.message}`;
    return this.overfull(entry);
  }

  /** A secret ballot's paper ballot: no voter, but never more of them than recorded paper voters. */
  private unnamedPaper(entry: ChainEntry, p: Record<string, unknown>): Check {
    if (this.config.ballotSecrecy !== "secret")
      return `${label(entry)}: a ballot in an open vote must say whose it is.`;
    if (p.source !== "paper" || p.enteredBy === undefined || p.voterName !== undefined) {
      return `${label(entry)}: a ballot without a voter must be a paper ballot that says who entered it.`;
    }
    if (this.unnamedPaperBallots >= this.paperVoters) {
      return `${label(entry)}: this is paper ballot ${this.unnamedPaperBallots + 1} but only ${this.paperVoters} members were recorded as voting on paper.`;
    }
    this.unnamedPaperBallots += 1;
    const valid = validateBallot(this.config, p.ballot);
    return valid.ok ? null : `${label(entry)}: the ballot is not valid — ${valid.message}`;
  }

  /** Secret ballots: who voted on paper, recorded before their unnamed ballots are entered. */
  paperVotersEntry(entry: ChainEntry): Check {
    const p = entry.payload;
    if (
      !isRecord(p) ||
      !hasOnlyKeys(p, ["voters", "enteredBy"]) ||
      !isStringArray(p.voters) ||
      p.voters.length === 0 ||
      !isStaff(p.enteredBy)
    ) {
      return `${label(entry)}: the list of paper voters is unreadable.`;
    }
    if (this.config.ballotSecrecy !== "secret")
      return `${label(entry)}: only a secret ballot records paper voters apart from their ballots.`;
    for (const voter of p.voters) {
      if (!this.electorate.has(voter)) return `${label(entry)}: voter ${voter} is not in the electorate snapshot.`;
      const earlier = this.votedAt.get(voter);
      if (earlier !== undefined) return `${label(entry)}: voter ${voter} already voted in entry ${earlier}.`;
      this.votedAt.set(voter, entry.seq);
    }
    this.paperVoters += p.voters.length;
    return this.overfull(entry);
  }

  tally(entry: ChainEntry): Check {
    const p = entry.payload;
    if (!isRecord(p) || !hasOnlyKeys(p, ["source", "tally"]) || p.source !== "show-of-hands")
      return `${label(entry)}: the tally entry is unreadable.`;
    const valid = validateTally(this.config, p.tally);
    if (!valid.ok) return `${label(entry)}: the tally is not valid — ${valid.message}`;
    this.handsCounted += (p.tally as { voters: number }).voters;
    return this.overfull(entry);
  }

  /** People who voted by hand cannot be named, but together with ballots they cannot outnumber the electorate. */
  private overfull(entry: ChainEntry): Check {
    const total = this.votedAt.size + this.handsCounted;
    return total > this.electorate.size
      ? `${label(entry)}: ${total} people have now voted but the electorate has only ${this.electorate.size}.`
      : null;
  }
}

export function checkClosed(entry: ChainEntry, before: readonly ChainEntry[]): Check {
  const p = entry.payload;
  if (
    !isRecord(p) ||
    !hasOnlyKeys(p, ["ballots", "tallies"]) ||
    !isWholeNumber(p.ballots) ||
    !isWholeNumber(p.tallies)
  ) {
    return `${label(entry)}: the closing entry is unreadable.`;
  }
  const ballots = before.filter((e) => e.type === "ballot").length;
  const tallies = before.filter((e) => e.type === "tally").length;
  if (p.ballots !== ballots || p.tallies !== tallies) {
    return `${label(entry)}: it records ${p.ballots} ballots and ${p.tallies} tallies but the chain holds ${ballots} and ${tallies}.`;
  }
  return null;
}

export function checkChairChoice(config: VoteConfig, entry: ChainEntry): Check {
  if (config.tieBreak !== "chair-casting")
    return `${label(entry)}: this vote's tie-break rule is ${config.tieBreak}, not the chair's casting decision.`;
  const p = entry.payload;
  const ok =
    isRecord(p) &&
    hasOnlyKeys(p, ["decision", "question", "tied", "chosen"]) &&
    isWholeNumber(p.decision) &&
    (p.question === "elect" || p.question === "exclude" || p.question === "surplus-order") &&
    isStringArray(p.tied) &&
    isStringArray(p.chosen);
  return ok ? null : `${label(entry)}: the chair's decision is unreadable.`;
}

/**
 * A secret vote's "trackers" entry (record version 3): only in a secret vote, once, straight
 * before "closed"; readable trackers in the random form, sorted, none twice, and exactly one per
 * ballot in the chain (online and paper) — so no tracker was dropped or added (decision 0038).
 */
export function checkTrackersEntry(
  config: VoteConfig,
  entry: ChainEntry,
  before: readonly ChainEntry[],
  next: ChainEntry | undefined,
): Check {
  if (config.ballotSecrecy !== "secret")
    return `${label(entry)}: an open vote's trackers come from its ballot entries, not a list.`;
  if (before.some((e) => e.type === "trackers")) return `${label(entry)}: the trackers were listed twice.`;
  if (next?.type !== "closed") return `${label(entry)}: the list of trackers must come straight before "closed".`;
  const p = entry.payload;
  if (!isRecord(p) || !hasOnlyKeys(p, ["trackers"]) || !isStringArray(p.trackers))
    return `${label(entry)}: the list of trackers is unreadable.`;
  const bad = p.trackers.find((t) => !RANDOM_TRACKER.test(t));
  if (bad !== undefined) return `${label(entry)}: "${bad}" is not a tracker.`;
  const seen = new Set<string>();
  for (const [i, tracker] of p.trackers.entries()) {
    if (seen.has(tracker)) return `${label(entry)}: tracker ${tracker} is listed twice.`;
    seen.add(tracker);
    const previous = p.trackers[i - 1];
    if (previous !== undefined && previous > tracker) return `${label(entry)}: the trackers are not sorted.`;
  }
  const ballots = before.filter((e) => e.type === "ballot").length;
  if (p.trackers.length !== ballots)
    return `${label(entry)}: it lists ${p.trackers.length} trackers but the chain holds ${ballots} ballots — one tracker per ballot.`;
  return null;
}
