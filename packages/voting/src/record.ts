// The vote record: payload shapes for each entry type, the electorate snapshot, and the JSON file
// anyone can download and verify.
import { type ChainEntry, GENESIS_HASH } from "./chain.js";
import { countVote } from "./count.js";
import { hmacSha256Hex } from "./sha256.js";
import type { Ballot, ChairChoice, PendingTie, Tally, VoteConfig, VoteResult } from "./types.js";

export type Ward = { code: string; name: string };

/** One eligible voter: their id (open ballot) or pseudonymous token (secret ballot). */
export type Elector = { voter: string; name?: string };

export type OpenedPayload = { voteId: string; ward: Ward; config: VoteConfig; electorate: Elector[] };
/** A member of staff acting in the vote (typing in paper ballots): their user id and name. */
export type Staff = { id: string; name: string };
/**
 * A ballot. "online" is cast by the voter on their own device. "paper" is typed in from a paper
 * ballot by `enteredBy`: in an open ballot for the named voter, in a secret ballot without any
 * voter at all (the paper voters are recorded, unlinked, in a "paper-voters" entry). Records of
 * version 1 may hold secret paper ballots with a voter token and no `enteredBy`.
 */
export type BallotPayload = NamedBallotPayload | UnnamedPaperBallotPayload;
export type NamedBallotPayload = {
  voter: string;
  voterName?: string;
  source: "online" | "paper";
  enteredBy?: Staff;
  ballot: Ballot;
};
export type UnnamedPaperBallotPayload = { source: "paper"; enteredBy: Staff; ballot: Ballot };
/** Secret ballots: electors (tokens) who voted on paper, so they cannot also vote online. */
export type PaperVotersPayload = { voters: string[]; enteredBy: Staff };
type TallyPayload = { source: "show-of-hands"; tally: Tally };
type ClosedPayload = { ballots: number; tallies: number };
/**
 * Secret votes (record version 3): every cast tracker, sorted. Drawn at random when each ballot
 * was cast and stored apart from it, so no tracker can be matched to a ballot (decision 0038).
 */
export type TrackersPayload = { trackers: string[] };
type TieBreakChoicePayload = ChairChoice;

export type VoteRecord = {
  format: "wardpanel-vote-record";
  /**
   * 2 added "paper-voters" entries, anonymous paper ballots and `enteredBy`; 3 added the secret
   * vote's "trackers" entry (only records holding one are version 3). 1 and 2 are still read.
   */
  version: 1 | 2 | 3;
  voteId: string;
  ward: Ward;
  config: VoteConfig;
  entries: ChainEntry[];
  result: VoteResult | null;
  finalHash: string;
};

/**
 * Pseudonymous voter token for secret ballots: HMAC-SHA256(secret, voteId + voterId), 32 hex chars.
 * Only the server holds `secret`, and only while the vote is open (it is deleted at close), so the
 * published record cannot be linked back to names, while the same person always gets the same
 * token within one vote (which stops double voting).
 */
export function deriveVoterToken(secret: string, voteId: string, voterId: string): string {
  return hmacSha256Hex(secret, `${voteId}\n${voterId}`).slice(0, 32);
}

/**
 * Payload for the "opened" entry: the settings and the electorate snapshot. For a secret ballot the
 * electorate is tokens only, sorted, so list position cannot reveal who is who.
 */
export function electorateSnapshot(input: {
  voteId: string;
  ward: Ward;
  config: VoteConfig;
  voters: readonly { id: string; name: string }[];
  /** Required for secret ballots. */
  tokenSecret?: string;
}): OpenedPayload {
  const { voteId, ward, config, voters, tokenSecret } = input;
  let electorate: Elector[];
  if (config.ballotSecrecy === "secret") {
    if (!tokenSecret) throw new Error("A secret ballot needs a token secret to pseudonymise voters.");
    electorate = voters.map((v) => ({ voter: deriveVoterToken(tokenSecret, voteId, v.id) }));
  } else {
    electorate = voters.map((v) => ({ voter: v.id, name: v.name }));
  }
  electorate.sort((a, b) => (a.voter < b.voter ? -1 : a.voter > b.voter ? 1 : 0));
  return { voteId, ward, config, electorate };
}

/** Payload for a "paper-voters" entry; tokens sorted, so list order cannot reveal who is who. */
export function paperVotersPayload(voters: readonly string[], enteredBy: Staff): PaperVotersPayload {
  return { voters: [...voters].sort(), enteredBy };
}

export function closedPayload(entries: readonly ChainEntry[]): ClosedPayload {
  return {
    ballots: entries.filter((e) => e.type === "ballot").length,
    tallies: entries.filter((e) => e.type === "tally").length,
  };
}

/** Payload for a secret vote's "trackers" entry: the trackers sorted, so order says nothing of cast order. */
export function trackersPayload(trackers: readonly string[]): TrackersPayload {
  return { trackers: [...trackers].sort() };
}

/** Payload for a chair's casting decision answering the tie the count paused on. */
export function chairChoicePayload(pending: PendingTie, chosen: string[]): TieBreakChoicePayload {
  return { decision: pending.decision, question: pending.question, tied: pending.tied, chosen };
}

/**
 * Recounts from chain entries alone, as both the server (at close) and the verifier do.
 * The random tie-break seed is the hash of the "closed" entry.
 */
export function countFromEntries(config: VoteConfig, entries: readonly ChainEntry[]): VoteResult {
  const ballots = entries.filter((e) => e.type === "ballot").map((e) => (e.payload as BallotPayload).ballot);
  const tallies = entries.filter((e) => e.type === "tally").map((e) => (e.payload as TallyPayload).tally);
  const chairChoices = entries.filter((e) => e.type === "tie-break-choice").map((e) => e.payload as ChairChoice);
  const closed = entries.find((e) => e.type === "closed");
  return countVote(config, ballots, { seed: closed?.hash ?? GENESIS_HASH, chairChoices }, tallies);
}

export function buildRecord(input: {
  voteId: string;
  ward: Ward;
  config: VoteConfig;
  entries: ChainEntry[];
  result: VoteResult | null;
}): VoteRecord {
  return {
    format: "wardpanel-vote-record",
    version: input.entries.some((e) => e.type === "trackers") ? 3 : 2,
    ...input,
    finalHash: input.entries.at(-1)?.hash ?? GENESIS_HASH,
  };
}
