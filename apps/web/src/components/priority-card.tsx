import type { RouterOutputs } from "@wardpanel/api";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { categoryWords, priorityWhere } from "../lib/category-words";
import { useResponseTargetMinutes } from "../lib/use-response-target";
import type { Geometry } from "./map-projection";
import { PriorityAreaMap } from "./priority-area-map";
import { durationInWords, outcomeInWords } from "./priority-format";
import { OutOfDateNotice } from "./priority-review";
import { When } from "./when";

type PublicPriority = RouterOutputs["priorities"]["library"]["priorities"][number];

type PriorityCardProps = { priority: PublicPriority; wardCode: string; wardName: string; boundary: Geometry | null };

/** One priority in full, as the library shows it: what, where, who, until when, how it is going, how it was decided and how it ended. */
export function PriorityCard({ priority: p, wardCode, wardName, boundary }: PriorityCardProps) {
  const { t } = useTranslation();
  const minutes = useResponseTargetMinutes();
  const isPast = p.status !== "active";
  const ran = isPast ? durationInWords(t, p.startDate, p.statusDate) : null;
  return (
    <article aria-labelledby={`priority-${p.id}`} className="mb-6 rounded border-2 border-slate-300 p-4">
      <h3 id={`priority-${p.id}`} className="text-xl font-bold break-words">
        {p.title}
      </h3>
      {p.isCallHandlingFlagged && (
        <p className="mt-1 inline-block rounded border-2 border-blue-900 px-2 font-semibold text-blue-950">
          {t("priorityLibrary.callHandling", { minutes })}
        </p>
      )}
      {p.isOutOfDate && <OutOfDateNotice className="mt-2" />}
      {isPast && (
        <p className="mt-2 border-l-4 border-slate-700 bg-slate-100 p-2">
          <strong>{outcomeInWords(t, p.status)}</strong>
          {p.statusDate && (
            <>
              {" "}
              {t("priorityLibrary.on")} <When value={p.statusDate} />
            </>
          )}
          . {p.statusReason && t("priorityLibrary.why", { reason: p.statusReason })}
          {ran && <span className="block">{t("priorityLibrary.ran", { duration: ran })}</span>}
        </p>
      )}
      <div className="mt-3 grid gap-4 sm:grid-cols-[1fr_auto]">
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <Detail term={t("priorityLibrary.problem")}>{p.problem}</Detail>
          <Detail term={t("priorityLibrary.where")}>{priorityWhere(t, p)}</Detail>
          <Detail term={t("priorityLibrary.kind")}>{categoryWords(t, p.category)}</Detail>
          <Detail term={t("priorityLibrary.wanted")}>{p.wantedAction}</Detail>
          <Detail term={t("priorityLibrary.success")}>{p.successMeasure}</Detail>
          <Detail term={t("priorityLibrary.owner")}>{p.owner}</Detail>
          <Detail term={t("priorityLibrary.started")}>{p.startDate && <When value={p.startDate} />}</Detail>
          {!isPast && (
            <Detail term={t("priorityLibrary.reviewDate")}>{p.reviewDate && <When value={p.reviewDate} />}</Detail>
          )}
          {!isPast && (
            <Detail term={t("priorities.lastReviewed")}>{p.lastReviewed && <When value={p.lastReviewed} />}</Detail>
          )}
          {!isPast && (
            <Detail term={p.isOutOfDate ? t("priorities.reviewWasDue") : t("priorities.nextReview")}>
              {p.nextReviewBy && <When value={p.nextReviewBy} />}
            </Detail>
          )}
        </dl>
        {p.area && boundary && (
          <PriorityAreaMap boundary={boundary} area={p.area} title={p.title} wardName={wardName} />
        )}
      </div>
      <Progress priority={p} />
      <h4 className="mt-4 text-lg font-bold">{t("priorityLibrary.howDecided")}</h4>
      <HowDecided priority={p} wardCode={wardCode} />
    </article>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <>
      <dt className="font-semibold">{term}</dt>
      <dd className="mb-2 break-words sm:mb-0">{children}</dd>
    </>
  );
}

/** "You said – We did": the monthly report back, newest month first. */
function Progress({ priority: p }: { priority: PublicPriority }) {
  const { t } = useTranslation();
  return (
    <>
      <h4 className="mt-4 text-lg font-bold">{t("packPage.youSaidWeDid")}</h4>
      {p.progress.length === 0 ? (
        <p>{t("priorityLibrary.progressNone")}</p>
      ) : (
        <ul className="grid gap-3">
          {p.progress.map((entry, i) => (
            <li key={`${entry.month}-${i}`} className="border-l-4 border-blue-800 pl-3">
              <p className="font-semibold">
                <When value={entry.month} as="month" />
              </p>
              <p>
                <span className="font-semibold">{t("priorityLibrary.policeDid")}</span> {entry.policeAction}
              </p>
              {entry.partnerAction && (
                <p>
                  <span className="font-semibold">{t("priorityLibrary.partnersDid")}</span> {entry.partnerAction}
                </p>
              )}
              {entry.whatChanged && (
                <p>
                  <span className="font-semibold">{t("priorityLibrary.whatChanged")}</span> {entry.whatChanged}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Each link names its priority for screen readers (in aria-label, which keeps the visible words first: WCAG 2.5.3). */
function HowDecided({ priority: p, wardCode }: { priority: PublicPriority; wardCode: string }) {
  const { t } = useTranslation();
  if (p.voteId === null && p.decidedAtMeetingId === null) return <p>{t("priorityLibrary.beforeVotes")}</p>;
  return (
    <ul className="list-disc pl-6">
      {p.voteId !== null && (
        <li>
          <Link
            to={`/wards/${wardCode}/votes/${p.voteId}`}
            aria-label={t("priorityLibrary.voteLinkLabel", { title: p.title })}
            className="inline-flex min-h-11 items-center text-blue-800 underline"
          >
            {t("priorityLibrary.voteLink")}
          </Link>
        </li>
      )}
      {p.decidedAtMeetingId !== null && (
        <li>
          <Link
            to={`/wards/${wardCode}/meetings/${p.decidedAtMeetingId}`}
            aria-label={t("priorityLibrary.meetingLinkLabel", { title: p.title })}
            className="inline-flex min-h-11 items-center text-blue-800 underline"
          >
            {t("priorityLibrary.meetingLink")}
          </Link>
        </li>
      )}
    </ul>
  );
}
