// Storage of a vote's hash chain: one `vote_entries` row per entry, appended in one place.
import { defined, DomainError } from "@wardpanel/validators";
import { type ChainEntry, type EntryType, nextEntry, type OpenedPayload } from "@wardpanel/voting";
import { VOTE_LIFECYCLE } from "@wardpanel/voting/vote-lifecycle";
import { and, asc, desc, eq } from "drizzle-orm";

import type { Db } from "../client";
import { voteEntries, votes } from "../schema";

export type Vote = typeof votes.$inferSelect;

/** The id a vote has in its record and in its voters' tokens: `vote-{id}`. */
export const voteKey = (voteId: number) => `vote-${voteId}`;

export function getVoteInWard(db: Db, wardCode: string, voteId: number): Vote {
  const vote = db
    .select()
    .from(votes)
    .where(and(eq(votes.id, voteId), eq(votes.wardCode, wardCode)))
    .get();
  if (!vote) throw new DomainError("not_found", "There is no such vote for this ward");
  return vote;
}

/** The chain in order, as stored. */
export function listEntries(db: Db, voteId: number): ChainEntry[] {
  return db
    .select({
      seq: voteEntries.seq,
      type: voteEntries.type,
      at: voteEntries.at,
      payload: voteEntries.payload,
      prevHash: voteEntries.prevHash,
      hash: voteEntries.hash,
    })
    .from(voteEntries)
    .where(eq(voteEntries.voteId, voteId))
    .orderBy(asc(voteEntries.seq))
    .all();
}

/** Appends the next link of the chain, hashed over the previous row's hash. */
export function appendToChain(db: Db, voteId: number, type: EntryType, payload: unknown, at: Date): ChainEntry {
  const previous =
    db
      .select({ seq: voteEntries.seq, hash: voteEntries.hash })
      .from(voteEntries)
      .where(eq(voteEntries.voteId, voteId))
      .orderBy(desc(voteEntries.seq))
      .get() ?? null;
  const entry = nextEntry(previous, type, payload, at);
  db.insert(voteEntries)
    .values({ voteId, ...entry })
    .run();
  return entry;
}

/** An open vote with its chain, for anything that adds ballots; refuses a vote not open. */
export function getOpenVote(
  db: Db,
  wardCode: string,
  voteId: number,
): { vote: Vote; entries: ChainEntry[]; opened: OpenedPayload } {
  const vote = getVoteInWard(db, wardCode, voteId);
  VOTE_LIFECYCLE.assert(vote.status, "castBallot");
  const entries = listEntries(db, vote.id);
  return { vote, entries, opened: defined(entries[0], "the vote's opening entry").payload as OpenedPayload };
}
