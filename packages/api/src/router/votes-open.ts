import { listOpenVotes } from "@wardpanel/db/queries/open-votes";
import { listVoteMembers } from "@wardpanel/db/queries/vote-ballots";
import { getOpenedPayload, getVoteInWard } from "@wardpanel/db/queries/votes";
import { mayInWard } from "@wardpanel/validators";

import { isAdmin } from "../auth/viewer";
import { signedInProcedure } from "../trpc";

/**
 * The open votes the signed-in person may still cast a ballot in: they hold a voting role for the
 * ward (castVotes), are in the electorate snapshotted when the vote opened, and have not voted
 * (online or on paper). Empty for everyone else. The layout's "Vote open" banner reads it.
 */
export const openVotesForMe = signedInProcedure.query(({ ctx }) => {
  const viewer = ctx.viewer;
  const wardCodes = isAdmin(viewer)
    ? null
    : [...new Set(viewer.roles.flatMap((r) => (r.wardCode ? [r.wardCode] : [])))].filter((code) =>
        mayInWard(viewer.roles, "castVotes", code),
      );
  return listOpenVotes(ctx.db, wardCodes).filter((open) => {
    if (!mayInWard(viewer.roles, "castVotes", open.wardCode)) return false;
    const vote = getVoteInWard(ctx.db, open.wardCode, open.voteId);
    return listVoteMembers(ctx.db, vote, getOpenedPayload(ctx.db, vote.id)).some(
      (m) => m.userId === viewer.id && !m.hasVoted,
    );
  });
});
