import { useMutation, useQuery } from "@tanstack/react-query";
import { VOTE_LIFECYCLE, type VoteAction } from "@wardpanel/voting/vote-lifecycle";
import { useState } from "react";
import { Link } from "react-router";

import { groupHash } from "../lib/hash-groups";
import { shortlistLine } from "../lib/shortlist-line";
import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { ballotHint } from "./ballot-fields";
import { ChangeStatus } from "./change-status";
import { ConfirmButton } from "./confirm-button";
import { buttonClass, secondaryButtonClass } from "./field";
import { NamedPaperBallot, SecretPaperBallots } from "./paper-ballots";
import { LoadError, Loading } from "./status";
import { VoteSettingsForm } from "./vote-settings-form";

/** The chair runs the vote from the live meeting: settings, open, paper ballots, close, publish. */
export function VotePanel({ wardCode, meetingId, canRun }: { wardCode: string; meetingId: number; canRun: boolean }) {
  const trpc = useTRPC();
  const data = useQuery({ ...trpc.votes.forMeeting.queryOptions({ wardCode, meetingId }), refetchInterval: 5000 });
  const create = useMutation(trpc.votes.create.mutationOptions());
  const open = useMutation(trpc.votes.open.mutationOptions());
  const close = useMutation(trpc.votes.close.mutationOptions());
  const publish = useMutation(trpc.votes.publish.mutationOptions());
  const choose = useMutation(trpc.votes.chairChoice.mutationOptions());
  const [chosen, setChosen] = useState<string[]>([]);

  const change = useChange(trpc.votes.pathFilter());
  const act = (run: () => Promise<unknown>, done?: string) => change.run(run, { done });

  if (data.isLoading) return <Loading />;
  if (data.error || !data.data) return <LoadError error={data.error ?? { message: "No votes." }} />;
  const { shortlist, votes, quorum } = data.data;
  const vote = votes[0];
  const toEnter = vote?.progress.paperBallotsToEnter ?? 0;
  /** Whether the vote's status allows `action`; what the chair is offered follows it. */
  const step = (action: VoteAction) => vote !== undefined && VOTE_LIFECYCLE.allows(vote.status, action);

  return (
    <>
      <ChangeStatus change={change} />
      <h3 className="mb-1 text-xl font-bold">The shortlist</h3>
      {shortlist.length === 0 ? (
        <p className="mb-2">Nothing is shortlisted. The sergeant shortlists concerns from the queue.</p>
      ) : (
        <ol className="mb-4 list-decimal pl-6">
          {shortlist.map((c) => {
            const line = shortlistLine(c);
            return (
              <li key={c.id}>
                {line.title} ({line.detail})
              </li>
            );
          })}
        </ol>
      )}
      {!vote && canRun && shortlist.length > 0 && (
        <VoteSettingsForm
          initial={{
            wardCode,
            meetingId,
            method: "approval",
            seats: 3,
            dotsPerVoter: 5,
            ballotSecrecy: "secret",
            tieBreak: "random-seeded",
          }}
          submitLabel="Set up the vote"
          onSubmit={async (values) => {
            await create.mutateAsync(values);
            await change.done("The vote is set up. Open it when the panel is ready.");
          }}
        />
      )}
      {vote && (
        <div className="rounded border-2 border-blue-800 p-3">
          <p className="mb-2">
            {ballotHint(vote.config)} {vote.config.ballotSecrecy === "secret" ? "Secret ballot." : "Open ballot."}
          </p>
          {step("open") && canRun && (
            <>
              {!quorum.isQuorate && (
                <p className="mb-2 font-semibold text-red-900">
                  The vote cannot open until the meeting is quorate. {quorum.explanation}
                </p>
              )}
              <button
                type="button"
                className={buttonClass}
                disabled={change.pending}
                onClick={() =>
                  act(
                    () => open.mutateAsync({ wardCode, voteId: vote.id }),
                    "The vote is open. Members vote on their own devices.",
                  )
                }
              >
                Open the vote
              </button>
            </>
          )}
          {step("castBallot") && (
            <>
              <p className="mb-2 text-lg font-semibold">
                {vote.progress.voted} of {vote.progress.electorate} members present have voted.
                {toEnter > 0 && ` ${toEnter} paper ${toEnter === 1 ? "ballot is" : "ballots are"} still to be entered.`}
              </p>
              <p className="mb-2">
                Members vote at{" "}
                <Link to={`/staff/wards/${wardCode}/votes/${vote.id}`} className="text-blue-800 underline">
                  the ballot page
                </Link>{" "}
                on their own phone or tablet, signed in.
              </p>
              {canRun &&
                (vote.config.ballotSecrecy === "secret" ? (
                  <SecretPaperBallots wardCode={wardCode} vote={vote} act={act} />
                ) : (
                  <NamedPaperBallot wardCode={wardCode} vote={vote} act={act} />
                ))}
              {canRun && step("close") && (
                <ConfirmButton
                  label="Close the vote and count"
                  question={
                    <p>
                      No more ballots can be cast once the vote closes.
                      {toEnter > 0 &&
                        ` ${toEnter} paper ${toEnter === 1 ? "ballot has" : "ballots have"} not been entered and will not be counted.`}
                    </p>
                  }
                  confirmLabel="Yes, close and count"
                  onConfirm={() =>
                    act(() => close.mutateAsync({ wardCode, voteId: vote.id }), "The vote is closed and counted.")
                  }
                />
              )}
            </>
          )}
          {vote.result && (vote.status === "closed" || vote.status === "published") && (
            <div className="mt-3">
              {vote.finalHash && <ReadOutHash hash={vote.finalHash} />}
              <h3 className="mb-1 text-xl font-bold">The count</h3>
              <ol className="mb-2 list-decimal pl-6">
                {vote.result.explanation.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ol>
              {step("decideTie") && vote.result.status === "awaiting-chair" && vote.result.pendingTie && canRun && (
                <fieldset className="mb-3 rounded border-2 border-amber-700 p-3">
                  <legend className="px-1 font-semibold">
                    Your casting decision: choose {vote.result.pendingTie.pick}
                  </legend>
                  {vote.result.pendingTie.tied.map((id) => (
                    <label key={id} className="flex min-h-11 items-center gap-2">
                      <input
                        type="checkbox"
                        className="size-5"
                        checked={chosen.includes(id)}
                        onChange={(e) => setChosen((c) => (e.target.checked ? [...c, id] : c.filter((x) => x !== id)))}
                      />
                      {vote.config.candidates.find((c) => c.id === id)?.title ?? id}
                    </label>
                  ))}
                  <button
                    type="button"
                    className={secondaryButtonClass}
                    disabled={change.pending}
                    onClick={() =>
                      act(
                        () => choose.mutateAsync({ wardCode, voteId: vote.id, chosen }),
                        "Your decision is recorded in the vote.",
                      )
                    }
                  >
                    Record my decision
                  </button>
                </fieldset>
              )}
              {step("publish") && vote.result.status === "complete" && canRun && (
                <ConfirmButton
                  label="Publish the result"
                  question={
                    <p>
                      The result and its record go on the public ward page. The winners become draft priorities for the
                      sergeant to make specific.
                    </p>
                  }
                  confirmLabel="Yes, publish the result"
                  onConfirm={() =>
                    act(
                      () => publish.mutateAsync({ wardCode, voteId: vote.id }),
                      "The result is published. The winners are draft priorities.",
                    )
                  }
                />
              )}
              {vote.status === "published" && (
                <p>
                  <Link to={`/wards/${wardCode}/votes/${vote.id}`} className="text-blue-800 underline">
                    The published result
                  </Link>{" "}
                  ·{" "}
                  <Link to={`/staff/wards/${wardCode}/priorities`} className="text-blue-800 underline">
                    Make the new priorities specific
                  </Link>
                </p>
              )}
            </div>
          )}
        </div>
      )}
    </>
  );
}

/**
 * The vote's final hash, large, for the chair to read out after closing, so the room can later
 * check the published record is the one that closed here (it is also on the result page and in
 * the minutes). Grouped in fours to read aloud.
 */
function ReadOutHash({ hash }: { hash: string }) {
  return (
    <div className="mb-3 rounded border-4 border-blue-800 bg-blue-50 p-3" data-testid="read-out-hash">
      <p className="text-lg font-bold">Read this out: the vote's final hash</p>
      <p className="my-1 font-mono text-xl font-bold break-words">{groupHash(hash)}</p>
      <p className="max-w-prose">
        It seals every ballot and step of the vote. Members can check that the published result ends with the same hash,
        and each voter can find their ballot tracker in the published list.
      </p>
    </div>
  );
}
