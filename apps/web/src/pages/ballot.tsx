import { useMutation, useQuery } from "@tanstack/react-query";
import { VOTE_LIFECYCLE } from "@wardpanel/voting/vote-lifecycle";
import { useState } from "react";
import { useParams } from "react-router";

import { type BallotDraft, BallotFields, ballotHint, toBallot } from "../components/ballot-fields";
import { ChangeStatus } from "../components/change-status";
import { buttonClass } from "../components/field";
import { LoadError, Loading } from "../components/status";
import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { useTitle } from "../lib/use-viewer";

/** A panel member's ballot, on their own phone or tablet. */
export function BallotPage() {
  const { wardCode = "", voteId: voteParam = "" } = useParams();
  const ref = { wardCode, voteId: Number(voteParam) };
  useTitle("Your vote");
  const trpc = useTRPC();
  const vote = useQuery({
    ...trpc.votes.ballot.queryOptions(ref),
    refetchInterval: (q) => (q.state.data?.status === "draft" ? 3000 : false),
  });
  const cast = useMutation(trpc.votes.cast.mutationOptions());
  const [draft, setDraft] = useState<BallotDraft>({});
  // Once cast, the refreshed ballot says "Your vote is recorded": that is the success message.
  const change = useChange(trpc.votes.pathFilter());

  if (vote.isLoading) return <Loading />;
  if (vote.error || !vote.data) return <LoadError error={vote.error ?? { message: "No vote." }} />;
  const { config, status, hasVoted } = vote.data;

  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Your vote on the ward's priorities</h1>
      {config.ballotSecrecy === "secret" ? (
        <p className="mb-2">This is a secret ballot: the published record does not say who voted for what.</p>
      ) : (
        <p className="mb-2">This is an open ballot: the record shows how each member voted.</p>
      )}
      {hasVoted ? (
        <p role="status" className="rounded border-l-8 border-green-800 bg-green-50 p-3 font-semibold">
          Your vote is recorded. Thank you.
        </p>
      ) : status === "draft" ? (
        <p role="status">The chair has not opened the vote yet. This page will update when it opens.</p>
      ) : !VOTE_LIFECYCLE.allows(status, "castBallot") ? (
        <p role="status">The vote has closed.</p>
      ) : (
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            await change.run(() => cast.mutateAsync({ ...ref, ballot: toBallot(config, draft) }), {
              failed: "Your vote was not recorded",
            });
          }}
        >
          <ChangeStatus change={change} />
          <fieldset className="mb-4">
            <legend className="mb-2 font-semibold">The shortlist</legend>
            <p id="ballot-hint" className="mb-2">
              {ballotHint(config)}
            </p>
            <BallotFields config={config} draft={draft} onChange={setDraft} />
          </fieldset>
          <button type="submit" className={buttonClass} disabled={change.pending}>
            Cast my vote
          </button>
        </form>
      )}
    </>
  );
}
