import { useQuery } from "@tanstack/react-query";
import { Trans, useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

import { CheckVoteYourself } from "../components/check-vote-yourself";
import { FinalHash } from "../components/final-hash";
import { LoadError, Loading } from "../components/status";
import { ballotSourceInWords, explanationInWords, rulesInWords } from "../components/vote-explanation";
import { VoteRoundsTable } from "../components/vote-rounds-table";
import { VoteTrackers } from "../components/vote-trackers";
import { formatVotes, methodInWords, secrecyInWords, tieBreakInWords, tieInWords } from "../components/vote-words";
import { useTranslatedPage } from "../lib/translated-page";
import { useTRPC } from "../lib/trpc";
import { useTitle } from "../lib/use-viewer";

/**
 * A published vote: how it was run, what it chose and why, and how anyone can check it from the
 * record. The page is in the reader's language (issue 13): the counting method, ballot secrecy,
 * tie-break rule, ties, rules, ballot sources, the step-by-step explanation and the rounds table are
 * worded here from the record's config, entries and rounds, not the vote engine's English sentences.
 */
export function VoteResultPage() {
  const { wardCode = "", voteId: rawId = "" } = useParams();
  const { t, i18n } = useTranslation();
  useTranslatedPage();
  const voteId = Number(rawId);
  const validId = Number.isInteger(voteId) && voteId > 0;
  const trpc = useTRPC();
  const vote = useQuery({ ...trpc.votes.result.queryOptions({ wardCode, voteId }), retry: false, enabled: validId });
  useTitle(
    vote.data?.isPublished ? t("voteResult.titleMeeting", { meeting: vote.data.meetingTitle }) : t("voteResult.title"),
  );

  const code = vote.error?.data?.code;
  if (!validId || code === "NOT_FOUND" || code === "BAD_REQUEST" || vote.data?.isPublished === false) {
    return (
      <>
        <h1 className="mb-2 text-3xl font-bold">{t("voteResult.notPublishedHeading")}</h1>
        <p>
          <Trans
            i18nKey="voteResult.notPublished"
            components={{ anchor: <Link to={`/wards/${wardCode}/priorities`} className="text-blue-800 underline" /> }}
          />
        </p>
      </>
    );
  }
  if (vote.isLoading) return <Loading />;
  if (vote.error || !vote.data?.isPublished) return <LoadError error={vote.error ?? { message: "No data." }} />;

  const {
    config,
    result,
    finalHash,
    verification,
    meetingId,
    meetingTitle,
    ballotSourceParts,
    trackers,
    trackerKind,
    voters,
  } = vote.data;
  const titles = new Map(config.candidates.map((c) => [c.id, c.title]));
  const titleOf = (id: string) => titles.get(id) ?? id;
  const names = new Intl.ListFormat(i18n.language, { type: "conjunction" });
  const explanation = explanationInWords(t, result, titleOf, (list) => names.format(list));
  const recordUrl = `/votes/${voteId}/record.json`;

  return (
    <>
      <p className="mb-2">
        <Link
          to={`/wards/${wardCode}/priorities`}
          className="inline-flex min-h-11 items-center text-blue-800 underline"
        >
          {t("voteResult.back")}
        </Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t("voteResult.title")}</h1>
      <p className="mb-4 text-lg">
        <Trans
          i18nKey="voteResult.atMeeting"
          values={{ meeting: meetingTitle }}
          components={{
            anchor: <Link to={`/wards/${wardCode}/meetings/${meetingId}`} className="text-blue-800 underline" />,
          }}
        />
      </p>

      {verification.ok ? (
        <p className="mb-6 border-l-8 border-green-800 bg-green-50 p-3">
          <Trans i18nKey="voteResult.checked" components={{ strong: <strong /> }} />
        </p>
      ) : (
        <div role="alert" className="mb-6 border-8 border-red-800 bg-red-50 p-4 text-red-950">
          <p className="text-xl font-bold">{t("voteResult.warning")}</p>
          <p className="mt-1">
            {t("voteResult.reason")} <span lang="en">{verification.reason}</span>
          </p>
          <p className="mt-1">{t("voteResult.mayHaveChanged")}</p>
        </div>
      )}

      <section aria-labelledby="how-heading" className="mb-8">
        <h2 id="how-heading" className="mb-2 text-2xl font-bold">
          {t("voteResult.howHeading")}
        </h2>
        <p className="mb-2">{t("voteResult.howIntro")}</p>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t("voteResult.method")}</dt>
          <dd className="mb-2 sm:mb-0">{methodInWords(t, config)}</dd>
          <dt className="font-semibold">{t("voteResult.seats")}</dt>
          <dd className="mb-2 sm:mb-0">{config.seats}</dd>
          <dt className="font-semibold">{t("voteResult.ballot")}</dt>
          <dd className="mb-2 sm:mb-0">{secrecyInWords(t, config.ballotSecrecy)}</dd>
          <dt className="font-semibold">{t("voteResult.tieBreak")}</dt>
          <dd className="mb-2 sm:mb-0">{tieBreakInWords(t, config.tieBreak)}</dd>
          <dt className="font-semibold">{t("voteResult.counted")}</dt>
          <dd className="mb-2 sm:mb-0">
            {result.validBallots}
            {result.rejectedBallots > 0 && ` ${t("voteResult.notValid", { rejected: result.rejectedBallots })}`}
            {result.handsCounted ? t("voteResult.hands", { hands: result.handsCounted }) : ""}
          </dd>
          <dt className="font-semibold">{t("voteResult.cast")}</dt>
          <dd className="mb-2 sm:mb-0">
            {ballotSourceParts.length === 0
              ? t("voteResult.noneCast")
              : ballotSourceParts.map((part, i) => (
                  <span key={i} className="block">
                    {ballotSourceInWords(t, part)}
                  </span>
                ))}
          </dd>
          <dt className="font-semibold">{t("voteResult.rules")}</dt>
          <dd className="mb-2 sm:mb-0">{rulesInWords(t, result.method)}</dd>
        </dl>
      </section>

      <section aria-labelledby="chosen-heading" className="mb-8">
        <h2 id="chosen-heading" className="mb-2 text-2xl font-bold">
          {t("voteResult.chosenHeading")}
        </h2>
        {result.winners.length === 0 ? (
          <p>{t("voteResult.noneChosen")}</p>
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
          {t("voteResult.explainHeading")}
        </h2>
        <ol className="mb-4 grid max-w-prose list-decimal gap-1 pl-6">
          {explanation.map((sentence, i) => (
            <li key={i}>{sentence}</li>
          ))}
        </ol>
        {result.quota !== undefined && <p>{t("voteResult.quota", { quota: formatVotes(result.quota) })}</p>}
        {result.exhaustedBallots !== undefined && (
          <p className="mb-4">{t("voteResult.exhausted", { exhausted: result.exhaustedBallots })}</p>
        )}
        {result.rounds.length > 0 && <VoteRoundsTable result={result} titleOf={titleOf} />}
        <h3 className="mt-4 mb-1 text-xl font-bold">{t("voteResult.tiesHeading")}</h3>
        {result.ties.length === 0 ? (
          <p>{t("voteResult.noTies")}</p>
        ) : (
          <ul className="list-disc pl-6">
            {result.ties.map((tie, i) => (
              <li key={i}>{tieInWords(t, tie, titleOf)}</li>
            ))}
          </ul>
        )}
      </section>

      <VoteTrackers trackers={trackers} voters={voters} secrecy={config.ballotSecrecy} trackerKind={trackerKind} />

      <section aria-labelledby="check-heading">
        <h2 id="check-heading" className="mb-2 text-2xl font-bold">
          {t("voteResult.checkHeading")}
        </h2>
        <p className="mb-2 max-w-prose">{t("voteResult.checkIntro")}</p>
        <div className="mb-3 rounded bg-slate-100 p-2">
          <FinalHash hash={finalHash} size="large" />
        </div>
        <CheckVoteYourself voteId={voteId} finalHash={finalHash} trackers={trackers} titleOf={titleOf} />
        <p className="mb-3">
          <a
            href={recordUrl}
            download
            className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline"
          >
            {t("voteResult.download")}
          </a>{" "}
          {config.ballotSecrecy === "secret" ? t("voteResult.jsonSecret") : t("voteResult.json")}
        </p>
        {config.method.kind === "ranked" && (
          <p className="mb-3">
            <a
              href={`/votes/${voteId}/ballots.blt`}
              download
              className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline"
            >
              {t("voteResult.downloadBlt")}
            </a>{" "}
            {t("voteResult.blt")}
          </p>
        )}
        <p className="max-w-prose">
          <Trans
            i18nKey="voteResult.recount"
            values={{ command: `pnpm cli verify-vote vote-${voteId}-record.json --final-hash ${finalHash}` }}
            components={{ code: <code className="font-mono break-all" /> }}
          />
        </p>
      </section>
    </>
  );
}
