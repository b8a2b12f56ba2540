import { useMutation, useQuery } from "@tanstack/react-query";
import type { Ballot } from "@wardpanel/voting";
import { VOTE_LIFECYCLE } from "@wardpanel/voting/vote-lifecycle";
import { useRef, useState } from "react";
import { Link, useParams } from "react-router";

import {
  type BallotDraft,
  BallotFields,
  ballotHint,
  checkDraft,
  type CheckedBallot,
} from "../components/ballot-fields";
import { BallotTracker } from "../components/ballot-tracker";
import { choicesInWords } from "../components/ballot-words";
import { ChangeStatus } from "../components/change-status";
import { buttonClass, secondaryButtonClass } from "../components/field";
import { LoadError, Loading } from "../components/status";
import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { useTitle } from "../lib/use-viewer";

/**
 * A panel member's ballot, on their own phone or tablet: choose, review ("You are voting for …"),
 * cast (irreversible), then keep the ballot's tracker to find in the published result.
 */
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
  const [checked, setChecked] = useState<CheckedBallot | null>(null);
  const [review, setReview] = useState<Ballot | null>(null);
  const [tracker, setTracker] = useState<string | null>(null);
  const problem = useRef<HTMLDivElement>(null);
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  const change = useChange(trpc.votes.pathFilter());

  if (vote.isLoading) return <Loading />;
  if (vote.error || !vote.data) return <LoadError error={vote.error ?? { message: "No vote." }} />;
  const { config, status, hasVoted } = vote.data;
  const choices = review ? choicesInWords(config, review) : [];

  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Your vote on the ward's priorities</h1>
      {config.ballotSecrecy === "secret" ? (
        <p className="mb-2">This is a secret ballot: the published record does not say who voted for what.</p>
      ) : (
        <p className="mb-2">This is an open ballot: the record shows how each member voted.</p>
      )}
      {hasVoted || tracker ? (
        <div role="status" className="rounded border-l-8 border-green-800 bg-green-50 p-3">
          <p className="font-semibold">Your vote is recorded. Thank you.</p>
          {tracker && (
            <>
              <BallotTracker tracker={tracker} label="Your ballot tracker" />
              <p className="max-w-prose">
                Keep it. When the result is published, find it in the list of ballot trackers on the result page to see
                that your ballot was counted. The tracker does not show how you voted.
              </p>
              <p className="mt-2">
                <Link to={`/wards/${wardCode}/votes/${ref.voteId}`} className="text-blue-800 underline">
                  The result page
                </Link>{" "}
                (once the chair publishes the result)
              </p>
            </>
          )}
        </div>
      ) : status === "draft" ? (
        <p role="status">The chair has not opened the vote yet. This page will update when it opens.</p>
      ) : !VOTE_LIFECYCLE.allows(status, "castBallot") ? (
        <p role="status">The vote has closed.</p>
      ) : review ? (
        <section aria-labelledby="review-heading" className="rounded border-2 border-blue-800 p-3">
          <ChangeStatus change={change} />
          <h2 id="review-heading" ref={reviewHeading} tabIndex={-1} className="mb-2 text-2xl font-bold">
            Check your ballot
          </h2>
          {choices.length === 0 ? (
            <p className="mb-2 font-semibold">
              You are not voting for any option: your ballot counts as an abstention.
            </p>
          ) : (
            <>
              <p className="mb-1 font-semibold">You are voting for:</p>
              <ol className="mb-2 list-decimal pl-6 text-lg" data-testid="review-choices">
                {choices.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ol>
            </>
          )}
          {checked?.warning && (
            <p className="mb-2 border-l-8 border-amber-700 bg-amber-50 p-2 font-semibold">{checked.warning}</p>
          )}
          <p className="mb-3">Once you cast your ballot it cannot be changed or taken back.</p>
          <div className="flex flex-wrap gap-2">
            <button type="button" className={secondaryButtonClass} onClick={() => setReview(null)}>
              Change my choices
            </button>
            <button
              type="button"
              className={buttonClass}
              disabled={change.pending}
              onClick={() =>
                change.run(
                  async () => {
                    const cast_ = await cast.mutateAsync({ ...ref, ballot: review });
                    setTracker(cast_.tracker);
                  },
                  { failed: "Your vote was not recorded" },
                )
              }
            >
              Cast my ballot
            </button>
          </div>
        </section>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const result = checkDraft(config, draft);
            setChecked(result);
            if (result.ballot) {
              setReview(result.ballot);
              requestAnimationFrame(() => reviewHeading.current?.focus());
            } else requestAnimationFrame(() => problem.current?.focus());
          }}
        >
          {checked && !checked.ballot && (
            <div
              ref={problem}
              tabIndex={-1}
              role="alert"
              className="mb-2 border-l-8 border-red-800 bg-red-50 p-2 font-semibold"
            >
              {checked.problems.length > 1 ? (
                <>
                  <p>Your ballot needs {checked.problems.length} changes before you can cast it:</p>
                  <ul className="list-disc pl-6" data-testid="ballot-problems">
                    {checked.problems.map((message) => (
                      <li key={message}>{message}</li>
                    ))}
                  </ul>
                </>
              ) : (
                <p>
                  {checked.error ?? "Your ballot needs a change before you can cast it: see the message by the option."}
                </p>
              )}
            </div>
          )}
          <fieldset className="mb-4">
            <legend className="mb-2 font-semibold">The shortlist</legend>
            <p id="ballot-hint" className="mb-2">
              {ballotHint(config)}
            </p>
            <BallotFields config={config} draft={draft} onChange={setDraft} fieldErrors={checked?.fieldErrors} />
          </fieldset>
          <button type="submit" className={buttonClass}>
            Review my choices
          </button>
        </form>
      )}
    </>
  );
}
