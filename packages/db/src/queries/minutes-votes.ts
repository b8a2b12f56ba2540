import type { VoteResult } from "@wardpanel/voting";
import { asc, eq, inArray } from "drizzle-orm";

import type { Db } from "../client";
import { priorities, votes } from "../schema";
import { getOpenedPayload, getVoteProgress } from "./votes";

/**
 * A vote held at the meeting, as its minutes record it (issue 15: method, places, secrecy,
 * electorate, ballots cast, the result with its rounds summarised, the final hash and the
 * priorities chosen). Figures only: the pages word them in the reader's language. `result`,
 * `finalHash` and `priorities` are there once the result is published, so minutes never reveal a
 * count before the public result page does.
 */
export type MinutesVote = {
  voteId: number;
  status: "open" | "closed" | "published";
  method: VoteResult["method"];
  /** How many priorities the vote chose (places, seats). */
  seats: number;
  secrecy: "open" | "secret";
  /** Voting members present when it opened. */
  electorate: number;
  /** Ballots cast, online and on paper (a show of hands is `result.handsCounted`). */
  ballotsCast: number;
  result: {
    validBallots: number;
    rejectedBallots: number;
    /** People counted in show-of-hands tallies (approval and dot votes), 0 otherwise. */
    handsCounted: number;
    /** STV quota, in votes (up to 5 decimal places); null for other methods. */
    quota: number | null;
    rounds: number;
    /** In the order chosen; `round` is the round a ranked count elected it in, null for other methods. */
    winners: { title: string; round: number | null }[];
    /** Approval, score and dot votes: each option's total, highest first; empty for ranked votes. */
    counts: { title: string; count: number }[];
  } | null;
  finalHash: string | null;
  /**
   * The priorities the vote chose: their id (the priority card's anchor), title, and whether they
   * are on the public priorities page (not a draft), read now: only those are linked from the minutes.
   */
  priorities: { id: number; title: string; isPublic: boolean }[];
};

function summariseResult(result: VoteResult, titleOf: (id: string) => string): NonNullable<MinutesVote["result"]> {
  const ranked = result.method === "ranked";
  const roundElected = (id: string) =>
    result.rounds.find((r) => r.elected.includes(id) || (r.electedWithoutQuota ?? []).includes(id))?.round ?? null;
  const finalTallies = result.rounds.at(-1)?.tallies ?? {};
  return {
    validBallots: result.validBallots,
    rejectedBallots: result.rejectedBallots,
    handsCounted: result.handsCounted ?? 0,
    quota: result.quota ?? null,
    rounds: result.rounds.length,
    winners: result.winners.map((id) => ({ title: titleOf(id), round: ranked ? roundElected(id) : null })),
    counts: ranked
      ? []
      : Object.entries(finalTallies)
          .map(([id, count]) => ({ title: titleOf(id), count }))
          .sort((a, b) => b.count - a.count),
  };
}

/** Every vote opened at the meeting, in the order they were set up (drafts never held are left out). */
export function listMinutesVotes(db: Db, meetingId: number): MinutesVote[] {
  const held = db
    .select()
    .from(votes)
    .where(eq(votes.meetingId, meetingId))
    .orderBy(asc(votes.id))
    .all()
    .filter((v) => v.status !== "draft");
  const chosen = held.length
    ? db
        .select({ id: priorities.id, title: priorities.title, voteId: priorities.voteId, status: priorities.status })
        .from(priorities)
        .where(
          inArray(
            priorities.voteId,
            held.map((v) => v.id),
          ),
        )
        .orderBy(asc(priorities.id))
        .all()
    : [];
  return held.map((vote) => {
    const titles = new Map(vote.config.candidates.map((c) => [c.id, c.title]));
    const titleOf = (id: string) => titles.get(id) ?? id;
    const published = vote.status === "published" && vote.result !== null;
    const result = published && vote.result ? summariseResult(vote.result, titleOf) : null;
    return {
      voteId: vote.id,
      status: vote.status === "draft" ? "open" : vote.status,
      method: vote.config.method.kind,
      seats: vote.config.seats,
      secrecy: vote.config.ballotSecrecy,
      electorate: getOpenedPayload(db, vote.id)?.electorate.length ?? 0,
      ballotsCast: getVoteProgress(db, vote.id).ballots,
      result,
      finalHash: published ? vote.finalHash : null,
      priorities: published
        ? chosen
            .filter((p) => p.voteId === vote.id)
            .map(({ id, title, status }) => ({ id, title, isPublic: status !== "draft" }))
        : [],
    };
  });
}

/**
 * Votes as minutes recorded them, with each chosen priority's `isPublic` read now (minutes are a
 * snapshot; a draft published since is linked, one still a draft is not): for the public page.
 */
export function withPrioritiesPublicNow(db: Db, held: MinutesVote[]): MinutesVote[] {
  const ids = held.flatMap((v) => v.priorities.map((p) => p.id));
  if (ids.length === 0) return held;
  const statuses = new Map(
    db
      .select({ id: priorities.id, status: priorities.status })
      .from(priorities)
      .where(inArray(priorities.id, ids))
      .all()
      .map((p) => [p.id, p.status]),
  );
  return held.map((vote) => ({
    ...vote,
    priorities: vote.priorities.map((p) => {
      const status = statuses.get(p.id);
      return { ...p, isPublic: status !== undefined && status !== "draft" };
    }),
  }));
}
