import type { Db } from "@wardpanel/db/client";
import { getVoteInWard } from "@wardpanel/db/queries/votes";
import { z } from "zod";

import type { LiveEventBus } from "./live-events";

/**
 * The routers whose writes change what a live meeting's screens show: the current item and timer
 * (live), quorum and attendance (attendance), the agenda, the record (decisions, actions, concerns,
 * notes: live) and the vote (votes). Any mutation of these that names a meeting or a vote publishes,
 * so a procedure added later is covered without being listed.
 */
const LIVE_ROUTERS = new Set(["live", "attendance", "agenda", "votes"]);

const Ref = z.looseObject({
  wardCode: z.string(),
  meetingId: z.number().int().optional(),
  voteId: z.number().int().optional(),
  itemId: z.number().int().nullable().optional(),
});

/**
 * Called by the tRPC middleware (../trpc.ts) after a mutation at `path` succeeded with `rawInput`:
 * each procedure runs its write in one SQLite transaction, so by now it is committed. Publishes
 * one LiveEvent, or nothing when the path is not a live router's or the input names no meeting or vote.
 */
export function publishLiveChange(
  { db, liveEvents }: { db: Db; liveEvents: LiveEventBus },
  path: string,
  rawInput: unknown,
): void {
  if (!LIVE_ROUTERS.has(path.split(".")[0] ?? "")) return;
  const ref = Ref.safeParse(rawInput);
  if (!ref.success) return;
  const { wardCode, meetingId, voteId, itemId } = ref.data;
  if (meetingId === undefined && voteId === undefined) return;
  liveEvents.publish({
    wardCode,
    change: path,
    meetingId: meetingId ?? meetingOfVote(db, wardCode, voteId),
    voteId: voteId ?? null,
    itemId: itemId ?? null,
  });
}

function meetingOfVote(db: Db, wardCode: string, voteId: number | undefined): number | null {
  if (voteId === undefined) return null;
  try {
    return getVoteInWard(db, wardCode, voteId).meetingId;
  } catch {
    return null;
  }
}
