import { randomBytes } from "node:crypto";

import { MEETING_LIFECYCLE } from "@wardpanel/meetings/meeting-lifecycle";
import { defined, DomainError } from "@wardpanel/validators";
import {
  buildRecord,
  chairChoicePayload,
  closedPayload,
  countFromEntries,
  electorateSnapshot,
  type OpenedPayload,
  trackersPayload,
  tracksCasts,
  validateConfig,
  verifyVoteRecord,
  type VoteConfig,
  type VoteRecord,
  type VoteResult,
} from "@wardpanel/voting";
import { VOTE_LIFECYCLE } from "@wardpanel/voting/vote-lifecycle";
import { asc, desc, eq, inArray } from "drizzle-orm";

import type { Db } from "../client";
import { returnedRow } from "../returned-row";
import { concerns, meetings, voteReceipts, votes, wards } from "../schema";
import { getMeetingQuorum, getRoster } from "./attendance";
import { recordConcernEvents, withMergedConcerns } from "./concern-events";
import { listShortlist } from "./concerns";
import { getMeetingInWard } from "./meetings";
import { createPriority } from "./priorities";
import { listCastTrackers, paperBallotsToEnter } from "./vote-ballots";
import { appendToChain, getVoteInWard, listEntries, type Vote, voteKey } from "./vote-chain";

export { getVoteInWard } from "./vote-chain";

type VoteSettings = {
  method: "approval" | "score" | "dots" | "ranked";
  seats: number;
  dotsPerVoter: number;
  ballotSecrecy: "open" | "secret";
  tieBreak: VoteConfig["tieBreak"];
};

const SCORE_MAX = 5;

function configFrom(settings: VoteSettings, candidates: VoteConfig["candidates"]): VoteConfig {
  const method: VoteConfig["method"] =
    settings.method === "score"
      ? { kind: "score", maxScore: SCORE_MAX }
      : settings.method === "dots"
        ? { kind: "dots", dotsPerVoter: settings.dotsPerVoter }
        : { kind: settings.method };
  return {
    method,
    seats: settings.seats,
    ballotSecrecy: settings.ballotSecrecy,
    tieBreak: settings.tieBreak,
    candidates,
  };
}

/** Sets up a vote on the ward's shortlist at a meeting. The settings can change until it opens. */
export function createVote(
  db: Db,
  params: { wardCode: string; meetingId: number; settings: VoteSettings; createdBy: number | null },
): number {
  return db.transaction(() => {
    getMeetingInWard(db, params.wardCode, params.meetingId);
    const shortlist = listShortlist(db, params.wardCode);
    if (shortlist.length === 0)
      throw new DomainError("conflict", "Shortlist some concerns first: a vote chooses among them");
    // The sergeant's ballot wording when there is one, else the words as raised.
    const candidates = shortlist.map((c) => {
      const words = c.ballotWording ?? c.description;
      return { id: `concern-${c.id}`, title: words.length > 100 ? `${words.slice(0, 97)}…` : words };
    });
    const config = configFrom(params.settings, candidates);
    const valid = validateConfig(config);
    if (!valid.ok) throw new DomainError("invalid", valid.message, "seats");
    return returnedRow(
      db
        .insert(votes)
        .values({ wardCode: params.wardCode, meetingId: params.meetingId, config, createdBy: params.createdBy })
        .returning({ id: votes.id }),
    ).id;
  });
}

export function updateVoteSettings(db: Db, params: { wardCode: string; voteId: number; settings: VoteSettings }): void {
  db.transaction(() => {
    const vote = getVoteInWard(db, params.wardCode, params.voteId);
    VOTE_LIFECYCLE.assert(vote.status, "changeSettings");
    const config = configFrom(params.settings, vote.config.candidates);
    const valid = validateConfig(config);
    if (!valid.ok) throw new DomainError("invalid", valid.message, "seats");
    db.update(votes).set({ config }).where(eq(votes.id, vote.id)).run();
  });
}

/**
 * Opens the vote, only at a meeting under way and quorate. The electorate is snapshotted now: the
 * voting members marked present. Settings are in the "opened" entry, so nobody can change them later.
 * A secret ballot gets its token secret now; it is deleted when the vote closes.
 */
export function openVote(db: Db, params: { wardCode: string; voteId: number; now: Date }): void {
  db.transaction(() => {
    const vote = getVoteInWard(db, params.wardCode, params.voteId);
    VOTE_LIFECYCLE.assert(vote.status, "open");
    const meeting = getMeetingInWard(db, params.wardCode, vote.meetingId);
    MEETING_LIFECYCLE.assert(meeting.status, "openVote");
    // Still "held" after the chair ends the live meeting, until its minutes are published.
    if (meeting.liveEndedAt)
      throw new DomainError("conflict", "The meeting has ended, so a vote can no longer open at it");
    const quorum = getMeetingQuorum(db, meeting);
    if (!quorum.isQuorate)
      throw new DomainError("conflict", `The vote cannot open: the meeting is not quorate. ${quorum.explanation}`);
    const ward = db
      .select({ code: wards.code, name: wards.name })
      .from(wards)
      .where(eq(wards.code, params.wardCode))
      .get();
    if (!ward) throw new DomainError("not_found", "There is no such ward");
    const voters = getRoster(db, meeting)
      .filter((r) => r.status === "present")
      .map((r) => ({ id: String(r.userId), name: r.name }));
    const tokenSecret = vote.config.ballotSecrecy === "secret" ? randomBytes(32).toString("hex") : null;
    const payload = electorateSnapshot({
      voteId: voteKey(vote.id),
      ward,
      config: vote.config,
      voters,
      ...(tokenSecret ? { tokenSecret } : {}),
    });
    appendToChain(db, vote.id, "opened", payload, params.now);
    db.update(votes).set({ status: "open", openedAt: params.now, tokenSecret }).where(eq(votes.id, vote.id)).run();
  });
}

/**
 * Closes the vote and counts it from the chain, exactly as the verifier will. Paper ballots still
 * to be entered are not counted (the chair is warned before closing). From now on nothing stored
 * links a member to a ballot: see forgetWhoCastWhich.
 */
export function closeVote(db: Db, params: { wardCode: string; voteId: number; now: Date }): VoteResult {
  const result = db.transaction(() => {
    const vote = getVoteInWard(db, params.wardCode, params.voteId);
    VOTE_LIFECYCLE.assert(vote.status, "close");
    let before = listEntries(db, vote.id);
    // A secret vote's cast trackers, sorted, go in the chain just before "closed" (decision 0038).
    if (tracksCasts(vote.config))
      before = [
        ...before,
        appendToChain(db, vote.id, "trackers", trackersPayload(listCastTrackers(db, vote.id)), params.now),
      ];
    const closed = appendToChain(db, vote.id, "closed", closedPayload(before), params.now);
    const result = countFromEntries(vote.config, [...before, closed]);
    db.update(votes)
      .set({ status: "closed", closedAt: params.now, result, finalHash: closed.hash })
      .where(eq(votes.id, vote.id))
      .run();
    forgetWhoCastWhich(db, vote.id);
    return result;
  });
  // The database runs with secure_delete (client.ts), so the old secret and receipt rows are
  // zeroed in their pages; the write-ahead log still holds older copies of those pages until this
  // checkpoint copies the pages back and empties it. Inside a caller's transaction it cannot run.
  if (!db.$client.inTransaction) db.$client.pragma("wal_checkpoint(TRUNCATE)");
  return result;
}

/**
 * What a closed vote keeps: which members voted (receipts), but nothing tying a member to a
 * ballot. The token secret is deleted, so nobody (the server included) can recompute a member's
 * token; receipts are rewritten in member order, so their row ids no longer follow the order the
 * ballots were cast in. Receipts carry no time, and paper ballots of a secret vote carry no voter.
 */
function forgetWhoCastWhich(db: Db, voteId: number): void {
  db.update(votes).set({ tokenSecret: null }).where(eq(votes.id, voteId)).run();
  const voters = db
    .select({ voteId: voteReceipts.voteId, userId: voteReceipts.userId })
    .from(voteReceipts)
    .where(eq(voteReceipts.voteId, voteId))
    .orderBy(asc(voteReceipts.userId))
    .all();
  db.delete(voteReceipts).where(eq(voteReceipts.voteId, voteId)).run();
  if (voters.length > 0) db.insert(voteReceipts).values(voters).run();
}

/** The chair's casting decision on a tie the count paused on; recorded in the chain, then recounted. */
export function recordChairChoice(
  db: Db,
  params: { wardCode: string; voteId: number; chosen: string[]; now: Date },
): VoteResult {
  return db.transaction(() => {
    const vote = getVoteInWard(db, params.wardCode, params.voteId);
    const pending = vote.result?.pendingTie;
    VOTE_LIFECYCLE.assert(vote.status, "decideTie");
    if (!pending) throw new DomainError("conflict", "The count has no tie waiting for the chair's decision");
    if (params.chosen.length !== pending.pick || params.chosen.some((c) => !pending.tied.includes(c))) {
      throw new DomainError("invalid", `Choose ${pending.pick} of the tied options`, "chosen");
    }
    const entry = appendToChain(
      db,
      vote.id,
      "tie-break-choice",
      chairChoicePayload(pending, params.chosen),
      params.now,
    );
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
    VOTE_LIFECYCLE.assert(vote.status, "publish");
    if (vote.result?.status !== "complete")
      throw new DomainError("conflict", "The count is waiting for the chair's casting decision");
    db.update(votes).set({ status: "published", publishedAt: params.now }).where(eq(votes.id, vote.id)).run();
    const concernIds = vote.result.winners.map((w) => Number(w.replace("concern-", "")));
    const winners = concernIds.length ? db.select().from(concerns).where(inArray(concerns.id, concernIds)).all() : [];
    return concernIds.map((concernId) => {
      const concern = defined(
        winners.find((c) => c.id === concernId),
        "the winning concern",
      );
      db.update(concerns).set({ status: "prioritised" }).where(eq(concerns.id, concernId)).run();
      const title = concern.description.length > 120 ? `${concern.description.slice(0, 117)}…` : concern.description;
      const priorityId = createPriority(db, {
        wardCode: params.wardCode,
        fields: {
          title,
          problem: concern.description,
          // The concern's category carries over: concerns and priorities share one list.
          category: concern.category,
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
      recordConcernEvents(db, {
        concernIds: withMergedConcerns(db, concernId),
        kind: "prioritised",
        detail: { priorityId, priorityTitle: title },
        now: params.now,
      });
      return priorityId;
    });
  });
}

/** The downloadable record: secret ballots carry tokens, never names. */
export function getVoteRecord(db: Db, voteId: number): { vote: Vote; record: VoteRecord } | null {
  const vote = db.select().from(votes).where(eq(votes.id, voteId)).get();
  if (!vote) return null;
  const ward = defined(
    db.select({ code: wards.code, name: wards.name }).from(wards).where(eq(wards.code, vote.wardCode)).get(),
    "the vote's ward",
  );
  return {
    vote,
    record: buildRecord({
      voteId: voteKey(vote.id),
      ward,
      config: vote.config,
      entries: listEntries(db, vote.id),
      result: vote.result,
    }),
  };
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
    .select({
      id: votes.id,
      status: votes.status,
      meetingId: votes.meetingId,
      meetingTitle: meetings.title,
      meetingStartsAt: meetings.startsAt,
      openedAt: votes.openedAt,
      publishedAt: votes.publishedAt,
    })
    .from(votes)
    .innerJoin(meetings, eq(meetings.id, votes.meetingId))
    .where(eq(votes.wardCode, wardCode))
    .orderBy(desc(votes.id))
    .all();
}

/**
 * How far a vote has got: of the electorate, how many have voted (online, or recorded as voting
 * on paper), how many ballots are in, and how many paper ballots are still to be entered.
 */
export function getVoteProgress(db: Db, voteId: number) {
  const entries = listEntries(db, voteId);
  const opened = entries[0]?.type === "opened" ? (entries[0].payload as OpenedPayload) : null;
  const voted = db
    .select({ userId: voteReceipts.userId })
    .from(voteReceipts)
    .where(eq(voteReceipts.voteId, voteId))
    .all().length;
  return {
    electorate: opened?.electorate.length ?? 0,
    voted,
    ballots: entries.filter((e) => e.type === "ballot").length,
    paperBallotsToEnter: paperBallotsToEnter(entries),
  };
}

/** The "opened" entry of a vote that has opened, else null. */
export function getOpenedPayload(db: Db, voteId: number): OpenedPayload | null {
  const first = listEntries(db, voteId)[0];
  return first?.type === "opened" ? (first.payload as OpenedPayload) : null;
}

/** The ward a vote was held in (its GSS code), or null when there is no such vote. */
export function getVoteWardCode(db: Db, voteId: number): string | null {
  return db.select({ wardCode: votes.wardCode }).from(votes).where(eq(votes.id, voteId)).get()?.wardCode ?? null;
}
