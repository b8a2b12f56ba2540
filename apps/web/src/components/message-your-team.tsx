import type { RouterOutputs } from "@wardpanel/api";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

type Figure = RouterOutputs["wards"]["page"]["responseFigure"];

/** The ward's published figure: messages of the last 90 days answered within the response target. */
export function responseFigureInWords(t: TFunction, f: Figure): string {
  if (f.received === 0) return t("messageTeam.noneYet", { days: f.days });
  if (f.share === null) return t("messageTeam.noneDue", { count: f.received, days: f.days, hours: f.targetHours });
  const decided = f.withinTarget + f.late + f.overdue;
  return t("messageTeam.answered", {
    days: f.days,
    percent: Math.round(f.share * 100),
    hours: f.targetHours,
    within: f.withinTarget,
    decided,
  });
}

/** The ward page's "Message your team": a link to the form, and how well the team answers. */
export function MessageYourTeam({
  wardCode,
  takesMessages,
  figure,
}: {
  wardCode: string;
  takesMessages: boolean;
  figure: Figure;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="message-heading" className="mb-8">
      <h2 id="message-heading" className="mb-2 text-2xl font-bold">
        {t("messageTeam.heading")}
      </h2>
      {takesMessages ? (
        <>
          <p className="mb-2">{t("messageTeam.intro", { hours: figure.targetHours })}</p>
          <p className="mb-2">
            <Link
              to={`/wards/${wardCode}/message`}
              className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline"
            >
              {t("messageTeam.send")}
            </Link>
          </p>
          <p>{responseFigureInWords(t, figure)}</p>
        </>
      ) : (
        <p>{t("messageTeam.notOnWardPanel")}</p>
      )}
    </section>
  );
}
