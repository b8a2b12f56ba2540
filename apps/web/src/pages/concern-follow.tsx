import { useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@wardpanel/api";
import type { Translate } from "@wardpanel/i18n";
import { Trans, useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

import { LoadError, Loading } from "../components/status";
import { useWardName } from "../components/ward-name";
import { When } from "../components/when";
import { categoryWords } from "../lib/category-words";
import { useTranslatedPage } from "../lib/translated-page";
import { useTRPC } from "../lib/trpc";
import { useTitle } from "../lib/use-viewer";

type Followed = RouterOutputs["concerns"]["follow"];
type Step = Followed["history"][number];

/** One step of the concern's life in plain words, in the reader's language (the team's own words as written). */
function stepInWords(t: Translate, step: Step): string {
  const d = step.detail;
  switch (step.kind) {
    case "received":
    case "shortlisted":
    case "unshortlisted":
    case "restored":
      return t(`concernFollow.steps.${step.kind}`);
    case "merged":
      return t("concernFollow.steps.merged", { reference: d.mergedIntoReference ?? "" });
    case "rejected":
      return t("concernFollow.steps.rejected", { reason: d.reason ?? "" });
    case "prioritised":
      return t("concernFollow.steps.prioritised", { title: d.priorityTitle ?? "" });
    case "priority_ended": {
      const outcome = t(`concernFollow.outcomes.${d.outcome ?? "over"}`);
      return `${t("concernFollow.steps.ended", { outcome })}${d.reason ? ` ${d.reason}` : ""}`;
    }
  }
}

/** The private follow page of a concern: reached only through the link given when it was raised. */
export function ConcernFollowPage() {
  const { token = "" } = useParams();
  const { t } = useTranslation();
  const nameOf = useWardName();
  useTranslatedPage();
  useTitle(t("concernFollow.title"));
  const trpc = useTRPC();
  const followed = useQuery({ ...trpc.concerns.follow.queryOptions({ token }), retry: false });
  if (followed.isLoading) return <Loading />;
  if (followed.error || !followed.data) return <LoadError error={followed.error ?? { message: "No data." }} />;
  const c = followed.data;
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("concernFollow.heading", { reference: c.reference })}</h1>
      <p className="mb-4">
        <Trans
          i18nKey="concernFollow.raised"
          values={{ ward: nameOf({ name: c.wardName, nameWelsh: c.wardNameWelsh }) }}
          components={{ day: <When value={c.createdAt} /> }}
        />
      </p>
      <dl className="mb-6 max-w-2xl">
        <dt className="font-semibold">{t("concernFollow.problem")}</dt>
        <dd className="mb-2">{c.description}</dd>
        <dt className="font-semibold">{t("concernFollow.where")}</dt>
        <dd className="mb-2">{c.location}</dd>
        <dt className="font-semibold">{t("concernFollow.kind")}</dt>
        <dd className="mb-2">{categoryWords(t, c.category)}</dd>
        <dt className="font-semibold">{t("concernFollow.stands")}</dt>
        <dd className="mb-2 text-lg font-bold">{t(`concernFollow.status.${c.status}`)}</dd>
        {c.status === "rejected" && (
          <>
            <dt className="font-semibold">{t("concernFollow.reason")}</dt>
            <dd className="mb-2">{c.rejectionReason}</dd>
          </>
        )}
      </dl>
      {c.priority && (
        <section aria-labelledby="priority-heading" className="mb-6">
          <h2 id="priority-heading" className="mb-2 text-2xl font-bold">
            {t("concernFollow.priorityHeading")}
          </h2>
          <p>
            <Trans
              i18nKey={
                c.priority.status === "active"
                  ? "concernFollow.priorityActive"
                  : c.priority.statusDate
                    ? "concernFollow.priorityEndedOn"
                    : "concernFollow.priorityEnded"
              }
              values={{ title: c.priority.title, reason: c.priority.statusReason }}
              components={{
                anchor: <Link to={`/wards/${c.wardCode}/priorities`} className="text-blue-800 underline" />,
                day: <When value={c.priority.statusDate} />,
              }}
            />
          </p>
        </section>
      )}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-2 text-2xl font-bold">
          {t("concernFollow.historyHeading")}
        </h2>
        <ol className="max-w-2xl list-decimal pl-6">
          {c.history.map((step, i) => (
            <li key={i} className="mb-2">
              <When value={step.at} />: {stepInWords(t, step)}
            </li>
          ))}
        </ol>
      </section>
      <p className="mt-6">
        <Trans
          i18nKey="concernFollow.emergency"
          components={{ anchor: <a href="https://www.police.uk/" className="text-blue-800 underline" /> }}
        />
      </p>
    </>
  );
}
