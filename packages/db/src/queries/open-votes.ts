import { and, asc, eq, inArray } from "drizzle-orm";

import type { Db } from "../client";
import { meetings, votes } from "../schema";

/**
 * The votes open now in any of `wardCodes` (every ward when null), oldest first, with their
 * meeting's title: for telling members "Vote open: cast your ballot" wherever they are.
 */
export function listOpenVotes(
  db: Db,
  wardCodes: readonly string[] | null,
): { voteId: number; wardCode: string; meetingId: number; meetingTitle: string }[] {
  if (wardCodes !== null && wardCodes.length === 0) return [];
  return db
    .select({ voteId: votes.id, wardCode: votes.wardCode, meetingId: votes.meetingId, meetingTitle: meetings.title })
    .from(votes)
    .innerJoin(meetings, eq(meetings.id, votes.meetingId))
    .where(
      wardCodes === null
        ? eq(votes.status, "open")
        : and(eq(votes.status, "open"), inArray(votes.wardCode, [...wardCodes])),
    )
    .orderBy(asc(votes.id))
    .all();
}
