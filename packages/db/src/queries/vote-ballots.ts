// Ballots into an open vote: each member's own ballot on their own device, and paper ballots typed
// in by the chair or sergeant: for a named member in an open ballot, without any name in a secret
// one (decision 0013). Nobody casts an online ballot for someone else.
import { randomInt } from "node:crypto";

import { defined, DomainError } from "@wardpanel/validators";
import {
  type Ballot,
  ballotFromInput,
  type BallotPayload,
  type ChainEntry,
  deriveVoterToken,
  type OpenedPayload,
  type PaperVotersPayload,
  paperVotersPayload,
  randomTracker,
  type Staff,
  trackerOfEntry,
  tracksCasts,
} from "@wardpanel/voting";
import { VOTE_LIFECYCLE } from "@wardpanel/voting/vote-lifecycle";
import { and, eq, inArray } from "drizzle-orm";

import type { Db } from "../client";
import { users, voteReceipts, voteTrackers } from "../schema";
import { getRoster } from "./attendance";
import { getMeetingInWard } from "./meetings";
import { appendToChain, getOpenVote, type Vote, voteKey } from "./vote-chain";

/** Someone signed in: a member voting, or the chair or sergeant entering paper ballots. */
type Person = { id: number; name: string };

const NOT_ELECTOR = "Only voting members marked present when the vote opened can vote";
const SECRET_PAPER = "This is a secret ballot: record who voted on paper, then enter their ballots without names";
const OPEN_PAPER = "This is an open ballot: enter each paper ballot for the member whose ballot it is";

const staff = (person: Person): Staff => ({ id: String(person.id), name: person.name });

/** The member as the chain knows them: their token in a secret ballot, their user id in an open one. */
function electorOf(vote: Vote, userId: number): string {
  if (vote.config.ballotSecrecy === "open") return String(userId);
  if (!vote.tokenSecret) throw new Error(`Vote ${vote.id} is open and secret but has no token secret`);
  return deriveVoterToken(vote.tokenSecret, voteKey(vote.id), String(userId));
}

export function hasVoted(db: Db, voteId: number, userId: number): boolean {
  return (
    db
      .select()
      .from(voteReceipts)
      .where(and(eq(voteReceipts.voteId, voteId), eq(voteReceipts.userId, userId)))
      .get() !== undefined
  );
}

/** Whether `voter` voted on paper: named in a "paper-voters" entry, or a named paper ballot. */
function votedOnPaper(entries: readonly ChainEntry[], voter: string): boolean {
  return entries.some(
    (e) =>
      (e.type === "paper-voters" && (e.payload as PaperVotersPayload).voters.includes(voter)) ||
      (e.type === "ballot" &&
        (e.payload as { voter?: string; source: string }).voter === voter &&
        (e.payload as { source: string }).source === "paper"),
  );
}

/** Secret ballots: members recorded as voting on paper whose unnamed ballots are not yet entered. */
export function paperBallotsToEnter(entries: readonly ChainEntry[]): number {
  const recorded = entries
    .filter((e) => e.type === "paper-voters")
    .reduce((n, e) => n + (e.payload as PaperVotersPayload).voters.length, 0);
  const entered = entries.filter((e) => e.type === "ballot" && !("voter" in (e.payload as object))).length;
  return recorded - entered;
}

/** The ballot as stored; a ranked vote's `{ ranks }` are read as written (ballotFromInput). */
function checkBallot(vote: Vote, ballot: unknown, field: string, prefix = ""): Ballot {
  const valid = ballotFromInput(vote.config, ballot);
  if (!valid.ok) throw new DomainError("invalid", `${prefix}${valid.message}`, field);
  return valid.ballot;
}

/**
 * Appends a ballot and returns its tracker (decision 0038), unique among the vote's ballots: for an
 * open vote derived from the ballot's entry; for a secret vote drawn at random (castTracker).
 */
function appendBallot(db: Db, vote: Vote, entries: readonly ChainEntry[], payload: BallotPayload, now: Date): string {
  const entry = appendToChain(db, vote.id, "ballot", payload, now);
  return tracksCasts(vote.config) ? castTracker(db, vote.id) : trackerOfEntry([...entries, entry], entry.seq);
}

/**
 * A secret vote's tracker for one ballot just cast: random, unique within the vote, stored in
 * `vote_trackers` with nothing linking it to the ballot (no entry, no member, no time, no row id).
 */
function castTracker(db: Db, voteId: number): string {
  const taken = new Set(
    db
      .select({ tracker: voteTrackers.tracker })
      .from(voteTrackers)
      .where(eq(voteTrackers.voteId, voteId))
      .all()
      .map((r) => r.tracker),
  );
  const tracker = randomTracker(taken);
  db.insert(voteTrackers).values({ voteId, tracker }).run();
  return tracker;
}

/** A secret vote's cast trackers, sorted: what its "trackers" entry lists at close. */
export function listCastTrackers(db: Db, voteId: number): string[] {
  return db
    .select({ tracker: voteTrackers.tracker })
    .from(voteTrackers)
    .where(eq(voteTrackers.voteId, voteId))
    .all()
    .map((r) => r.tracker)
    .sort();
}

/**
 * The signed-in member's own ballot, cast on their own device. `voter` is always the person
 * signed in: there is no way to cast an online ballot for anyone else.
 * Returns the ballot's tracker, for the voter to keep.
 * @throws DomainError forbidden (not in the electorate), conflict (closed, or already voted), invalid (ballot)
 */
export function castOnlineBallot(
  db: Db,
  params: { wardCode: string; voteId: number; voter: Person; ballot: unknown; now: Date },
): string {
  return db.transaction(() => {
    const { vote, entries, opened } = getOpenVote(db, params.wardCode, params.voteId);
    const voter = electorOf(vote, params.voter.id);
    const elector = opened.electorate.find((e) => e.voter === voter);
    if (!elector) throw new DomainError("forbidden", NOT_ELECTOR);
    if (hasVoted(db, vote.id, params.voter.id)) {
      throw new DomainError(
        "conflict",
        votedOnPaper(entries, voter)
          ? "You are recorded as voting on paper, so you cannot also vote online"
          : "You have already voted",
      );
    }
    const ballot = checkBallot(vote, params.ballot, "ballot");
    const payload: BallotPayload = {
      voter,
      source: "online",
      ballot,
      ...(vote.config.ballotSecrecy === "open" ? { voterName: elector.name } : {}),
    };
    const tracker = appendBallot(db, vote, entries, payload, params.now);
    db.insert(voteReceipts).values({ voteId: vote.id, userId: params.voter.id }).run();
    return tracker;
  });
}

/**
 * Open ballots only: a member's paper ballot, recorded as entered by `enteredBy` for that member.
 * Returns the ballot's tracker, to print for the member.
 * @throws DomainError conflict (secret ballot, closed, already voted), forbidden (not in the electorate), invalid (ballot)
 */
export function enterNamedPaperBallot(
  db: Db,
  params: { wardCode: string; voteId: number; voterUserId: number; ballot: unknown; enteredBy: Person; now: Date },
): string {
  return db.transaction(() => {
    const { vote, entries, opened } = getOpenVote(db, params.wardCode, params.voteId);
    if (vote.config.ballotSecrecy === "secret") throw new DomainError("conflict", SECRET_PAPER);
    const voter = electorOf(vote, params.voterUserId);
    const elector = opened.electorate.find((e) => e.voter === voter);
    if (!elector) throw new DomainError("forbidden", NOT_ELECTOR, "voterUserId");
    if (hasVoted(db, vote.id, params.voterUserId))
      throw new DomainError("conflict", `${elector.name ?? "This member"} has already voted`, "voterUserId");
    const ballot = checkBallot(vote, params.ballot, "ballot");
    const payload: BallotPayload = {
      voter,
      voterName: elector.name,
      source: "paper",
      enteredBy: staff(params.enteredBy),
      ballot,
    };
    const tracker = appendBallot(db, vote, entries, payload, params.now);
    db.insert(voteReceipts).values({ voteId: vote.id, userId: params.voterUserId }).run();
    return tracker;
  });
}

/**
 * Secret ballots only: records who voted on paper (not how). They then cannot vote online, and
 * as many unnamed paper ballots can be entered. Returns how many members were recorded.
 * @throws DomainError conflict (open ballot, closed, someone already voted), forbidden (not in the electorate)
 */
export function markPaperVoters(
  db: Db,
  params: { wardCode: string; voteId: number; userIds: number[]; enteredBy: Person; now: Date },
): number {
  return db.transaction(() => {
    const { vote, opened } = getOpenVote(db, params.wardCode, params.voteId);
    if (vote.config.ballotSecrecy === "open") throw new DomainError("conflict", OPEN_PAPER);
    const names = new Map(
      db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(inArray(users.id, params.userIds))
        .all()
        .map((u) => [u.id, u.name]),
    );
    const voters = params.userIds.map((userId) => {
      const name = names.get(userId) ?? `Member ${userId}`;
      const voter = electorOf(vote, userId);
      if (!opened.electorate.some((e) => e.voter === voter))
        throw new DomainError(
          "forbidden",
          `${name} was not a voting member present when the vote opened, so cannot vote`,
          "userIds",
        );
      if (hasVoted(db, vote.id, userId))
        throw new DomainError(
          "conflict",
          `${name} has already voted. Nobody was recorded as voting on paper.`,
          "userIds",
        );
      return voter;
    });
    appendToChain(db, vote.id, "paper-voters", paperVotersPayload(voters, staff(params.enteredBy)), params.now);
    db.insert(voteReceipts)
      .values(params.userIds.map((userId) => ({ voteId: vote.id, userId })))
      .run();
    return voters.length;
  });
}

/**
 * Secret ballots only: paper ballots typed in without any name, at most as many as members
 * recorded as voting on paper and not yet entered. Every ballot is checked before any is stored.
 * They are stored in a random order, as the order they were typed in may follow the order the
 * papers were handed in. Returns each ballot's tracker (random, unlinked: castTracker) in the order the ballots were given, so
 * whoever typed them in can write or print each tracker for the paper it came from.
 * @throws DomainError conflict (open ballot, closed, none to enter), invalid (too many; a ballot, named by its number)
 */
export function enterUnnamedPaperBallots(
  db: Db,
  params: { wardCode: string; voteId: number; ballots: unknown[]; enteredBy: Person; now: Date },
): string[] {
  return db.transaction(() => {
    const { vote, entries } = getOpenVote(db, params.wardCode, params.voteId);
    if (vote.config.ballotSecrecy === "open") throw new DomainError("conflict", OPEN_PAPER);
    const toEnter = paperBallotsToEnter(entries);
    if (toEnter === 0) throw new DomainError("conflict", "Record who voted on paper before entering their ballots");
    if (params.ballots.length > toEnter) {
      throw new DomainError(
        "invalid",
        `${params.ballots.length} paper ballots were given, but only ${toEnter} ${toEnter === 1 ? "is" : "are"} still to be entered`,
        "ballots",
      );
    }
    const ballots = params.ballots.map((ballot, i) =>
      checkBallot(vote, ballot, `ballots.${i}`, `Paper ballot ${i + 1}: `),
    );
    // order[k] is the given position of the k-th ballot stored.
    const order = ballots.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [order[i], order[j]] = [defined(order[j], "a ballot to shuffle"), defined(order[i], "a ballot to shuffle")];
    }
    const enteredBy = staff(params.enteredBy);
    const trackers: string[] = Array.from({ length: ballots.length }, () => "");
    for (const given of order) {
      const ballot = defined(ballots[given], "a ballot to store");
      appendToChain(db, vote.id, "ballot", { source: "paper", enteredBy, ballot } satisfies BallotPayload, params.now);
      trackers[given] = castTracker(db, vote.id);
    }
    return trackers;
  });
}

/**
 * The electorate of an open vote by name, with whether each has voted (never how), for the chair
 * recording paper voters. Empty once the vote has closed: a secret vote's tokens can no longer be
 * matched to members then.
 */
export function listVoteMembers(
  db: Db,
  vote: Vote,
  opened: OpenedPayload | null,
): { userId: number; name: string; hasVoted: boolean }[] {
  if (!VOTE_LIFECYCLE.allows(vote.status, "castBallot") || !opened) return [];
  const electors = new Set(opened.electorate.map((e) => e.voter));
  const voted = new Set(
    db
      .select({ userId: voteReceipts.userId })
      .from(voteReceipts)
      .where(eq(voteReceipts.voteId, vote.id))
      .all()
      .map((r) => r.userId),
  );
  return getRoster(db, getMeetingInWard(db, vote.wardCode, vote.meetingId))
    .filter((member) => electors.has(electorOf(vote, member.userId)))
    .map((member) => ({ userId: member.userId, name: member.name, hasVoted: voted.has(member.userId) }));
}

/**
 * Who voted, by name, sorted by name: online, on paper or recorded as paper voters. Never how, and
 * in no order that follows the chain, so in a secret ballot the names cannot be matched to ballots
 * or trackers. Published with the result (issue 15).
 */
export function listVoterNames(db: Db, voteId: number): string[] {
  return db
    .select({ name: users.name })
    .from(voteReceipts)
    .innerJoin(users, eq(users.id, voteReceipts.userId))
    .where(eq(voteReceipts.voteId, voteId))
    .all()
    .map((r) => r.name)
    .sort((a, b) => a.localeCompare(b, "en-GB"));
}
