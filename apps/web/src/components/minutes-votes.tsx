import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { FinalHash } from "./final-hash";
import type { MinutesContent } from "./minutes-format";
import { formatVotes } from "./vote-words";

type MinutesVote = NonNullable<MinutesContent["votes"]>[number];

/**
 * The votes held at the meeting, as its minutes record them: how each was run, who could vote and
 * how many did, what it chose (a ranked count says the round each was chosen in; other methods
 * give each option's total), its final hash and links to the public result and the priorities.
 * `H` is the heading element of the section, `HVote` that of each vote.
 */
export function MinutesVotes({
  votes,
  wardCode,
  H,
  HVote,
}: {
  votes: MinutesVote[];
  wardCode: string;
  H: React.ElementType;
  HVote: React.ElementType;
}) {
  const { t } = useTranslation();
  if (votes.length === 0) return null;
  return (
    <section className="mb-6">
      <H className="mb-2 text-xl font-bold">{t("minutesVotes.heading")}</H>
      <ol className="grid gap-4">
        {votes.map((vote, i) => (
          <li key={vote.voteId} className="border-l-4 border-slate-300 pl-3 print:break-inside-avoid">
            <HVote className="text-lg font-bold">{t("minutesVotes.vote", { number: i + 1 })}</HVote>
            <VoteFacts vote={vote} />
            {vote.status !== "published" && (
              <p className="mt-1">
                {vote.status === "open" ? t("minutesVotes.stillOpen") : t("minutesVotes.notPublished")}
              </p>
            )}
            {vote.status === "published" && (
              <p className="mt-1 print:hidden">
                <Link
                  to={`/wards/${wardCode}/votes/${vote.voteId}`}
                  className="inline-flex min-h-11 items-center text-blue-800 underline"
                >
                  {t("minutesVotes.record")}
                </Link>
              </p>
            )}
            {vote.priorities.length > 0 && (
              <div className="mt-1">
                <p className="font-semibold">{t("minutesVotes.priorities")}</p>
                <ul className="list-disc pl-6">
                  {vote.priorities.map((p) => (
                    <li key={p.id}>
                      {p.isPublic ? (
                        <Link
                          to={`/wards/${wardCode}/priorities#priority-${p.id}`}
                          className="inline-flex min-h-11 items-center text-blue-800 underline"
                        >
                          {p.title}
                        </Link>
                      ) : (
                        // A draft is not on the priorities page yet: a link would lead nowhere.
                        t("minutesVotes.notPublishedYet", { title: p.title })
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function VoteFacts({ vote }: { vote: MinutesVote }) {
  const { t } = useTranslation();
  const { result } = vote;
  const row = (label: string, value: React.ReactNode) => (
    <>
      <dt className="font-semibold">{label}</dt>
      <dd className="mb-1 sm:mb-0">{value}</dd>
    </>
  );
  return (
    <dl className="mt-1 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
      {row(t("minutesVotes.method"), t(`minutesVotes.methods.${vote.method}`))}
      {row(t("minutesVotes.places"), vote.seats)}
      {row(t("minutesVotes.ballot"), vote.secrecy === "secret" ? t("minutesVotes.secret") : t("minutesVotes.open"))}
      {row(t("minutesVotes.electorate"), vote.electorate)}
      {row(t("minutesVotes.ballotsCast"), vote.ballotsCast)}
      {result && result.rejectedBallots > 0 && row(t("minutesVotes.notValid"), result.rejectedBallots)}
      {result && result.handsCounted > 0 && row(t("minutesVotes.hands"), result.handsCounted)}
      {result?.quota !== null && result?.quota !== undefined && row(t("minutesVotes.quota"), formatVotes(result.quota))}
      {result && vote.method === "ranked" && row(t("minutesVotes.rounds"), result.rounds)}
      {result &&
        row(
          t("minutesVotes.chosen"),
          result.winners.length === 0 ? (
            t("minutesVotes.noneChosen")
          ) : (
            <ol className="list-decimal pl-6">
              {result.winners.map((w) => (
                <li key={w.title}>
                  {w.round === null ? w.title : t("minutesVotes.electedInRound", { title: w.title, round: w.round })}
                </li>
              ))}
            </ol>
          ),
        )}
      {result &&
        result.counts.length > 0 &&
        row(
          t("minutesVotes.counts"),
          <ul className="pl-0">
            {result.counts.map((c) => (
              <li key={c.title}>{t("minutesVotes.countLine", { title: c.title, count: formatVotes(c.count) })}</li>
            ))}
          </ul>,
        )}
      {vote.finalHash && row(t("minutesVotes.finalHash"), <FinalHash hash={vote.finalHash} size="small" />)}
    </dl>
  );
}
