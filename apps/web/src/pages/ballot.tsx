import { useMutation, useQuery } from "@tanstack/react-query";
import type { Ballot } from "@wardpanel/voting";
import { VOTE_LIFECYCLE } from "@wardpanel/voting/vote-lifecycle";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
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
import { KeptBallotTracker } from "../components/kept-ballot-tracker";
import { LoadError, Loading } from "../components/status";
import { useTranslatedPage } from "../lib/translated-page";
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
  useTranslatedPage();
  const { t, i18n } = useTranslation();
  const words = { t, language: i18n.language };
  useTitle(t("ballotPage.title"));
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
  const choices = review ? choicesInWords(config, review, words) : [];

  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("ballotPage.heading")}</h1>
      {config.ballotSecrecy === "secret" ? (
        <p className="mb-2">{t("ballotPage.secret")}</p>
      ) : (
        <p className="mb-2">{t("ballotPage.open")}</p>
      )}
      {hasVoted || tracker ? (
        <div role="status" className="rounded border-l-8 border-green-800 bg-green-50 p-3">
          <p className="font-semibold">{t("ballotPage.recorded")}</p>
          {tracker && (
            <>
              <BallotTracker tracker={tracker} label={t("ballotPage.yourTracker")} t={t} />
              <p className="max-w-prose">
                {t("ballotPage.keepTracker")}{" "}
                {t(config.ballotSecrecy === "secret" ? "ballotPage.trackerSecret" : "ballotPage.trackerOpen")}
              </p>
              <p className="mt-2">
                <Link to={`/wards/${wardCode}/votes/${ref.voteId}`} className="text-blue-800 underline">
                  {t("ballotPage.resultPage")}
                </Link>{" "}
                {t("ballotPage.oncePublished")}
              </p>
            </>
          )}
          <KeptBallotTracker wardCode={wardCode} voteId={ref.voteId} justCast={tracker} />
        </div>
      ) : status === "draft" ? (
        <p role="status">{t("ballotPage.notOpen")}</p>
      ) : !VOTE_LIFECYCLE.allows(status, "castBallot") ? (
        <p role="status">{t("ballotPage.closed")}</p>
      ) : review ? (
        <section aria-labelledby="review-heading" className="rounded border-2 border-blue-800 p-3">
          <ChangeStatus change={change} />
          <h2 id="review-heading" ref={reviewHeading} tabIndex={-1} className="mb-2 text-2xl font-bold">
            {t("ballotPage.checkHeading")}
          </h2>
          {choices.length === 0 ? (
            <p className="mb-2 font-semibold">{t("ballotPage.abstain")}</p>
          ) : (
            <>
              <p className="mb-1 font-semibold">{t("ballotPage.votingFor")}</p>
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
          <p className="mb-3">{t("ballotPage.final")}</p>
          <div className="flex flex-wrap gap-2">
            <button type="button" className={secondaryButtonClass} onClick={() => setReview(null)}>
              {t("ballotPage.change")}
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
                  { failed: t("ballotPage.notRecorded") },
                )
              }
            >
              {t("ballotPage.cast")}
            </button>
          </div>
        </section>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const result = checkDraft(config, draft, words);
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
                  <p>{t("ballotPage.needsChanges", { count: checked.problems.length })}</p>
                  <ul className="list-disc pl-6" data-testid="ballot-problems">
                    {checked.problems.map((message) => (
                      <li key={message}>{message}</li>
                    ))}
                  </ul>
                </>
              ) : (
                <p>{checked.error ?? t("ballotPage.needsChange")}</p>
              )}
            </div>
          )}
          <fieldset className="mb-4">
            <legend className="mb-2 font-semibold">{t("ballotPage.shortlist")}</legend>
            <p id="ballot-hint" className="mb-2">
              {ballotHint(config, words)}
            </p>
            <BallotFields config={config} draft={draft} onChange={setDraft} fieldErrors={checked?.fieldErrors} />
          </fieldset>
          <button type="submit" className={buttonClass}>
            {t("ballotPage.review")}
          </button>
        </form>
      )}
    </>
  );
}
