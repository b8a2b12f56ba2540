import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";

import { LoadError, Loading } from "../components/status";
import { VoteRoundsTable } from "../components/vote-rounds-table";
import { formatVotes, methodInWords, secrecyInWords, tieBreakInWords, tieInWords } from "../components/vote-words";
import { useTRPC } from "../lib/trpc";
import { useTitle } from "../lib/use-viewer";

/** A published vote: how it was run, what it chose and why, and how anyone can check it from the record. */
export function VoteResultPage() {
  const { wardCode = "", voteId: rawId = "" } = useParams();
  const voteId = Number(rawId);
  const validId = Number.isInteger(voteId) && voteId > 0;
  const trpc = useTRPC();
  const vote = useQuery({ ...trpc.votes.result.queryOptions({ wardCode, voteId }), retry: false, enabled: validId });
  useTitle(vote.data?.isPublished ? `Vote result, ${vote.data.meetingTitle}` : "Vote result");

  const code = vote.error?.data?.code;
  if (!validId || code === "NOT_FOUND" || code === "BAD_REQUEST" || vote.data?.isPublished === false) {
    return (
      <>
        <h1 className="mb-2 text-3xl font-bold">This vote result is not published</h1>
        <p>
          There is no published vote at this address. A result is published after the panel's vote closes and the chair
          publishes it.{" "}
          <Link to={`/wards/${wardCode}/priorities`} className="text-blue-800 underline">
            See the ward's priorities
          </Link>
          .
        </p>
      </>
    );
  }
  if (vote.isLoading) return <Loading />;
  if (vote.error || !vote.data?.isPublished) return <LoadError error={vote.error ?? { message: "No data." }} />;

  const { config, result, finalHash, verification, meetingId, meetingTitle, ballotSources } = vote.data;
  const titles = new Map(config.candidates.map((c) => [c.id, c.title]));
  const titleOf = (id: string) => titles.get(id) ?? id;
  const recordUrl = `/votes/${voteId}/record.json`;

  return (
    <>
      <p className="mb-2">
        <Link
          to={`/wards/${wardCode}/priorities`}
          className="inline-flex min-h-11 items-center text-blue-800 underline"
        >
          Back to the ward's priorities
        </Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">Vote result</h1>
      <p className="mb-4 text-lg">
        The panel's vote at{" "}
        <Link to={`/wards/${wardCode}/meetings/${meetingId}`} className="text-blue-800 underline">
          {meetingTitle}
        </Link>
        .
      </p>

      {verification.ok ? (
        <p className="mb-6 border-l-8 border-green-800 bg-green-50 p-3">
          <strong>Checked:</strong> the stored vote record was checked when this page loaded, and it matches this
          result.
        </p>
      ) : (
        <div role="alert" className="mb-6 border-8 border-red-800 bg-red-50 p-4 text-red-950">
          <p className="text-xl font-bold">Warning: this vote record does not pass its check.</p>
          <p className="mt-1">Reason: {verification.reason}</p>
          <p className="mt-1">
            The record may have been changed since the vote. Do not rely on this result until it has been looked into;
            contact the Safer Neighbourhoods Team.
          </p>
        </div>
      )}

      <section aria-labelledby="how-heading" className="mb-8">
        <h2 id="how-heading" className="mb-2 text-2xl font-bold">
          How the vote was run
        </h2>
        <p className="mb-2">The panel fixed these before the vote opened, and the record shows them.</p>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">Method</dt>
          <dd className="mb-2 sm:mb-0">{methodInWords(config)}</dd>
          <dt className="font-semibold">Priorities to choose</dt>
          <dd className="mb-2 sm:mb-0">{config.seats}</dd>
          <dt className="font-semibold">Ballot</dt>
          <dd className="mb-2 sm:mb-0">{secrecyInWords(config.ballotSecrecy)}</dd>
          <dt className="font-semibold">If there is a tie</dt>
          <dd className="mb-2 sm:mb-0">{tieBreakInWords(config.tieBreak)}</dd>
          <dt className="font-semibold">Ballots counted</dt>
          <dd className="mb-2 sm:mb-0">
            {result.validBallots}
            {result.rejectedBallots > 0 && ` (${result.rejectedBallots} not valid, so not counted)`}
            {result.handsCounted ? `, and ${result.handsCounted} people by show of hands` : ""}
          </dd>
          <dt className="font-semibold">How ballots were cast</dt>
          <dd className="mb-2 sm:mb-0">
            {ballotSources.length === 0
              ? "No ballots were cast."
              : ballotSources.map((line) => (
                  <span key={line} className="block">
                    {line}
                  </span>
                ))}
          </dd>
          <dt className="font-semibold">Counting rules</dt>
          <dd className="mb-2 sm:mb-0">{result.rules}</dd>
        </dl>
      </section>

      <section aria-labelledby="chosen-heading" className="mb-8">
        <h2 id="chosen-heading" className="mb-2 text-2xl font-bold">
          What the panel chose
        </h2>
        {result.winners.length === 0 ? (
          <p>No option was chosen.</p>
        ) : (
          <ol className="list-decimal pl-6 text-lg font-semibold">
            {result.winners.map((id) => (
              <li key={id}>{titleOf(id)}</li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="explain-heading" className="mb-8">
        <h2 id="explain-heading" className="mb-2 text-2xl font-bold">
          How the count went
        </h2>
        <ol className="mb-4 grid max-w-prose list-decimal gap-1 pl-6">
          {result.explanation.map((sentence, i) => (
            <li key={i}>{sentence}</li>
          ))}
        </ol>
        {result.quota !== undefined && <p>Quota: an option needed {formatVotes(result.quota)} votes to be chosen.</p>}
        {result.exhaustedBallots !== undefined && (
          <p className="mb-4">Exhausted ballots (no further choice left): {result.exhaustedBallots}.</p>
        )}
        {result.rounds.length > 0 && <VoteRoundsTable result={result} titleOf={titleOf} />}
        <h3 className="mt-4 mb-1 text-xl font-bold">Ties</h3>
        {result.ties.length === 0 ? (
          <p>There were no ties.</p>
        ) : (
          <ul className="list-disc pl-6">
            {result.ties.map((tie, i) => (
              <li key={i}>{tieInWords(tie, titleOf)}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="check-heading">
        <h2 id="check-heading" className="mb-2 text-2xl font-bold">
          Check it yourself
        </h2>
        <p className="mb-2 max-w-prose">
          Every ballot and every step of the vote is in its record, each entry sealed with a fingerprint (a hash) of
          everything before it. Changing anything changes the final fingerprint. This is the final fingerprint published
          with the result:
        </p>
        <p className="mb-3 rounded bg-slate-100 p-2">
          <code className="font-mono break-all">{finalHash}</code>
        </p>
        <p className="mb-3">
          <a
            href={recordUrl}
            download
            className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline"
          >
            Download the vote record
          </a>{" "}
          (JSON{config.ballotSecrecy === "secret" ? "; secret ballots carry no names" : ""})
        </p>
        <p className="max-w-prose">
          Anyone can recount the vote from the record alone, without our server, using Ward Panel's open-source checker:{" "}
          <code className="font-mono break-all">
            pnpm cli verify-vote vote-{voteId}-record.json --final-hash {finalHash}
          </code>
          . It recomputes every fingerprint and the whole count, and says exactly what is wrong if anything does not
          match.
        </p>
      </section>
    </>
  );
}
