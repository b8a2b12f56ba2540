import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import {
  buildRecord,
  chairChoicePayload,
  closedPayload,
  countFromEntries,
  deriveVoterToken,
  electorateSnapshot,
  nextEntry,
  validateBallot,
  validateConfig,
  verifyVoteRecord,
  type Ballot,
  type BallotPayload,
  type ChainEntry,
  type EntryType,
  type OpenedPayload,
  type VoteConfig,
  type VoteRecord,
  type VoteResult,
} from "@wardpanel/voting";
import { DomainError } from "@wardpanel/validators";
import type { Db } from "../client";
import { returnedRow } from "../returned-row";
import { concerns, meetings, voteEntries, voteReceipts, votes, wards } from "../schema";
import { getMeetingQuorum, getRoster } from "./attendance";
import { getMeetingInWard } from "./meetings";
import { createPriority } from "./priorities";
import { listShortlist } from "./concerns";

export type Vote = typeof votes.$inferSelect & { config: VoteConfig; result: VoteResult | null };

export type VoteSettings = {
  method: "approval" | "score" | "dots" | "ranked";
  seats: number;
  dotsPerVoter: number;
  ballotSecrecy: "open" | "secret";
  tieBreak: VoteConfig["tieBreak"];
};

const SCORE_MAX = 5;

function configFrom(settings: VoteSettings, candidates: VoteConfig["candidates"]): VoteConfig {
  const method: VoteConfig["method"] =
    settings.method === "score" ? { kind: "score", maxScore: SCORE_MAX } : settings.method === "dots" ? { kind: "dots", dotsPerVoter: settings.dotsPerVoter } : { kind: settings.method };
  return { method, seats: settings.seats, ballotSecrecy: settings.ballotSecrecy, tieBreak: settings.tieBreak, candidates };
}

export function getVoteInWard(db: Db, wardCode: string, voteId: number): Vote {
  const vote = db.select().from(votes).where(and(eq(votes.id, voteId), eq(votes.wardCode, wardCode))).get();
  if (!vote) throw new DomainError("not_found", "There is no such vote for this ward");
  return vote as Vote;
}

/** Sets up a vote on the ward's shortlist at a meeting. The settings can change until it opens. */
export function createVote(db: Db, params: { wardCode: string; meetingId: number; settings: VoteSettings; createdBy: number | null }): number {
  return db.transaction(() => {
    getMeetingInWard(db, params.wardCode, params.meetingId);
    const shortlist = listShortlist(db, params.wardCode);
    if (shortlist.length === 0) throw new DomainError("conflict", "Shortlist some concerns first: a vote chooses among them");
    const candidates = shortlist.map((c) => ({ id: `concern-${c.id}`, title: c.description.length > 100 ? `${c.description.slice(0, 97)}…` : c.description }));
    const config = configFrom(params.settings, candidates);
    const valid = validateConfig(config);
    if (!valid.ok) throw new DomainError("invalid", valid.message, "seats");
    return returnedRow(db
      .insert(votes)
      .values({ wardCode: params.wardCode, meetingId: params.meetingId, config, tokenSecret: randomBytes(32).toString("hex"), createdBy: params.createdBy })
      .returning({ id: votes.id })).id;
  });
}

export function updateVoteSettings(db: Db, params: { wardCode: string; voteId: number; settings: VoteSettings }): void {
  db.transaction(() => {
    const vote = getVoteInWard(db, params.wardCode, params.voteId);
    if (vote.status !== "draft") throw new DomainError("conflict", "The vote is open: its method and settings are fixed and can no longer change");
    const config = configFrom(params.settings, vote.config.candidates);
    const valid = validateConfig(config);
    if (!valid.ok) throw new DomainError("invalid", valid.message, "seats");
    db.update(votes).set({ config }).where(eq(votes.id, vote.id)).run();
  });
}

function listEntries(db: Db, voteId: number): ChainEntry[] {
  return db
    .select({ seq: voteEntries.seq, type: voteEntries.type, at: voteEntries.at, payload: voteEntries.payload, prevHash: voteEntries.prevHash, hash: voteEntries.hash })
    .from(voteEntries)
    .where(eq(voteEntries.voteId, voteId))
    .orderBy(asc(voteEntries.seq))
    .all() as ChainEntry[];
}

/** Appends the next link of the chain, hashed over the previous row's hash. */
function append(db: Db, voteId: number, type: EntryType, payload: unknown, at: Date): ChainEntry {
  const previous = db.select({ seq: voteEntries.seq, hash: voteEntries.hash }).from(voteEntries).where(eq(voteEntries.voteId, voteId)).orderBy(desc(voteEntries.seq)).get() ?? null;
  const entry = nextEntry(previous, type, payload, at);
  db.insert(voteEntries).values({ voteId, ...entry }).run();
  return entry;
}

const voteKey = (voteId: number) => `vote-${voteId}`;

/**
 * Opens the vote, only at a meeting under way and quorate. The electorate is snapshotted now: the
 * voting members marked present. Settings are in the "opened" entry, so nobody can change them later.
 */
export function openVote(db: Db, params: { wardCode: string; voteId: number; now: Date }): void {
  db.transaction(() => {
    const vote = getVoteInWard(db, params.wardCode, params.voteId);
    if (vote.status !== "draft") throw new DomainError("conflict", "This vote has already been opened");
    const meeting = getMeetingInWard(db, params.wardCode, vote.meetingId);
    if (meeting.status !== "held" || meeting.liveEndedAt) throw new DomainError("conflict", "A vote opens at a meeting that is under way");
    const quorum = getMeetingQuorum(db, meeting);
    if (!quorum.isQuorate) throw new DomainError("conflict", `The vote cannot open: the meeting is not quorate. ${quorum.explanation}`);
    const ward = db.select({ code: wards.code, name: wards.name }).from(wards).where(eq(wards.code, params.wardCode)).get()!;
    const voters = getRoster(db, meeting)
      .filter((r) => r.status === "present")
      .map((r) => ({ id: String(r.userId), name: r.name }));
    const payload = electorateSnapshot({ voteId: voteKey(vote.id), ward, config: vote.config, voters, tokenSecret: vote.tokenSecret });
    append(db, vote.id, "opened", payload, params.now);
    db.update(votes).set({ status: "open", openedAt: params.now }).where(eq(votes.id, vote.id)).run();
  });
}

/**
 * One ballot from one member of the snapshotted electorate: cast on their own device, or a paper
 * ballot the chair types in for them. A second ballot is refused (and the database would refuse it too).
 */
export function castBallot(db: Db, params: { wardCode: string; voteId: number; voterUserId: number; voterName: string; ballot: unknown; source: "online" | "paper"; now: Date }): void {
  db.transaction(() => {
    const vote = getVoteInWard(db, params.wardCode, params.voteId);
    if (vote.status !== "open") throw new DomainError("conflict", vote.status === "draft" ? "The vote has not opened yet" : "The vote has closed");
    const entries = listEntries(db, vote.id);
    const opened = entries[0]!.payload as OpenedPayload;
    const isSecret = vote.config.ballotSecrecy === "secret";
    const voter = isSecret ? deriveVoterToken(vote.tokenSecret, voteKey(vote.id), String(params.voterUserId)) : String(params.voterUserId);
    if (!opened.electorate.some((e) => e.voter === voter)) {
      throw new DomainError("forbidden", "Only voting members marked present when the vote opened can vote");
    }
    const already = db.select().from(voteReceipts).where(and(eq(voteReceipts.voteId, vote.id), eq(voteReceipts.userId, params.voterUserId))).get();
    if (already) throw new DomainError("conflict", "This member has already voted");
    const valid = validateBallot(vote.config, params.ballot);
    if (!valid.ok) throw new DomainError("invalid", valid.message, "ballot");
    const payload: BallotPayload = { voter, source: params.source, ballot: params.ballot as Ballot, ...(isSecret ? {} : { voterName: params.voterName }) };
    append(db, vote.id, "ballot", payload, params.now);
    db.insert(voteReceipts).values({ voteId: vote.id, userId: params.voterUserId, votedAt: params.now }).run();
  });
}

/** Closes the vote and counts it from the chain, exactly as the verifier will. */
export function closeVote(db: Db, params: { wardCode: string; voteId: number; now: Date }): VoteResult {
  return db.transaction(() => {
    const vote = getVoteInWard(db, params.wardCode, params.voteId);
    if (vote.status !== "open") throw new DomainError("conflict", "Only an open vote can be closed");
    const before = listEntries(db, vote.id);
    const closed = append(db, vote.id, "closed", closedPayload(before), params.now);
    const result = countFromEntries(vote.config, [...before, closed]);
    db.update(votes).set({ status: "closed", closedAt: params.now, result, finalHash: closed.hash }).where(eq(votes.id, vote.id)).run();
    return result;
  });
}

/** The chair's casting decision on a tie the count paused on; recorded in the chain, then recounted. */
export function recordChairChoice(db: Db, params: { wardCode: string; voteId: number; chosen: string[]; now: Date }): VoteResult {
  return db.transaction(() => {
    const vote = getVoteInWard(db, params.wardCode, params.voteId);
    const pending = vote.result?.pendingTie;
    if (vote.status !== "closed" || !pending) throw new DomainError("conflict", "There is no tie waiting for the chair's decision");
    if (params.chosen.length !== pending.pick || params.chosen.some((c) => !pending.tied.includes(c))) {
      throw new DomainError("invalid", `Choose ${pending.pick} of the tied options`, "chosen");
    }
    const entry = append(db, vote.id, "tie-break-choice", chairChoicePayload(pending, params.chosen), params.now);
    const result = countFromEntries(vote.config, listEntries(db, vote.id));
    db.update(votes).set({ result, finalHash: entry.hash }).where(eq(votes.id, vote.id)).run();
    return result;
  });
}

/**
 * Publishes the result. Each winner becomes a draft priority, linked to its vote, meeting and
 * concern, to be made specific before it is published in turn.
 */
export function publishVoteResult(db: Db, params: { wardCode: string; voteId: number; now: Date }): number[] {
  return db.transaction(() => {
    const vote = getVoteInWard(db, params.wardCode, params.voteId);
    if (vote.status !== "closed" || !vote.result) throw new DomainError("conflict", "Close the vote before publishing its result");
    if (vote.result.status !== "complete") throw new DomainError("conflict", "The count is waiting for the chair's casting decision");
    db.update(votes).set({ status: "published", publishedAt: params.now }).where(eq(votes.id, vote.id)).run();
    const concernIds = vote.result.winners.map((w) => Number(w.replace("concern-", "")));
    const winners = concernIds.length ? db.select().from(concerns).where(inArray(concerns.id, concernIds)).all() : [];
    return concernIds.map((concernId) => {
      const concern = winners.find((c) => c.id === concernId)!;
      db.update(concerns).set({ status: "prioritised" }).where(eq(concerns.id, concernId)).run();
      return createPriority(db, {
        wardCode: params.wardCode,
        fields: {
          title: concern.description.length > 120 ? `${concern.description.slice(0, 117)}…` : concern.description,
          problem: concern.description,
          category: null,
          area: null,
          streets: [],
          postcodes: concern.postcode ? [concern.postcode] : [],
          placeName: concern.location,
          wantedAction: "",
          successMeasure: "",
          startDate: null,
          reviewDate: null,
          owner: "",
        },
        decidedAtMeetingId: vote.meetingId,
        voteId: vote.id,
        concernId,
        now: params.now,
      });
    });
  });
}

/** The downloadable record: secret ballots carry tokens, never names. */
export function getVoteRecord(db: Db, voteId: number): { vote: Vote; record: VoteRecord } | null {
  const vote = db.select().from(votes).where(eq(votes.id, voteId)).get() as Vote | undefined;
  if (!vote) return null;
  const ward = db.select({ code: wards.code, name: wards.name }).from(wards).where(eq(wards.code, vote.wardCode)).get()!;
  return { vote, record: buildRecord({ voteId: voteKey(vote.id), ward, config: vote.config, entries: listEntries(db, vote.id), result: vote.result }) };
}

/** Recomputes the chain and the count from the stored rows: a changed ballot row shows up here. */
export function verifyStoredVote(db: Db, voteId: number) {
  const found = getVoteRecord(db, voteId);
  if (!found) throw new DomainError("not_found", "There is no such vote");
  if (!found.vote.finalHash) return { ok: false as const, reason: "The vote has not closed yet." };
  return verifyVoteRecord(found.record, { expectedFinalHash: found.vote.finalHash });
}

export function listWardVotes(db: Db, wardCode: string) {
  return db
    .select({ id: votes.id, status: votes.status, meetingId: votes.meetingId, meetingTitle: meetings.title, meetingStartsAt: meetings.startsAt, openedAt: votes.openedAt, publishedAt: votes.publishedAt })
    .from(votes)
    .innerJoin(meetings, eq(meetings.id, votes.meetingId))
    .where(eq(votes.wardCode, wardCode))
    .orderBy(desc(votes.id))
    .all();
}

export function hasVoted(db: Db, voteId: number, userId: number): boolean {
  return db.select().from(voteReceipts).where(and(eq(voteReceipts.voteId, voteId), eq(voteReceipts.userId, userId))).get() !== undefined;
}

/** How far a vote has got: how many of the electorate have voted (never who, for a secret ballot). */
export function getVoteProgress(db: Db, voteId: number) {
  const entries = listEntries(db, voteId);
  const opened = entries[0]?.type === "opened" ? (entries[0].payload as OpenedPayload) : null;
  return { electorate: opened?.electorate.length ?? 0, ballots: entries.filter((e) => e.type === "ballot").length };
}
