import { useQuery } from "@tanstack/react-query";
import { Trans, useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

import { BackLink } from "../components/back-link";
import { secondaryButtonClass } from "../components/field";
import { meetingKindInWords, meetingWhenInWords } from "../components/meeting-words";
import { MinutesEarlierVersions } from "../components/minutes-changes";
import { MinutesView } from "../components/minutes-view";
import { PublicMeetingAgenda } from "../components/public-meeting-agenda";
import { LoadError, Loading } from "../components/status";
import { useWardName, WardText } from "../components/ward-name";
import { When } from "../components/when";
import { formatDate } from "../lib/dates";
import { useTranslatedPage } from "../lib/translated-page";
import { useTRPC } from "../lib/trpc";
import { useTitle } from "../lib/use-viewer";

/** A meeting as the public sees it: when and where, its published agenda and its published minutes. */
export function PublicMeetingPage() {
  const { t } = useTranslation();
  const nameOf = useWardName();
  useTranslatedPage();
  const { wardCode = "", meetingId: rawId = "" } = useParams();
  const meetingId = Number(rawId);
  const validId = Number.isInteger(meetingId) && meetingId > 0;
  const trpc = useTRPC();
  const view = useQuery({
    ...trpc.publicMeeting.view.queryOptions({ wardCode, meetingId }),
    retry: false,
    enabled: validId,
  });
  useTitle(
    view.data
      ? t("meetingPage.title", { meeting: view.data.meeting.title, date: formatDate(view.data.meeting.date) })
      : t("meetingPage.titleNoMeeting"),
  );

  const code = view.error?.data?.code;
  if (!validId || code === "NOT_FOUND" || code === "BAD_REQUEST") {
    return (
      <>
        <h1 className="mb-2 text-3xl font-bold">{t("meetingPage.notFound")}</h1>
        <p>
          <Trans
            i18nKey="meetingPage.noSuchMeeting"
            components={{ anchor: <Link to={`/wards/${wardCode}`} className="text-blue-800 underline" /> }}
          />
        </p>
      </>
    );
  }
  if (view.isLoading) return <Loading />;
  if (view.error || !view.data) return <LoadError error={view.error ?? { message: "No data." }} />;

  const { ward, meeting, agenda, minutes } = view.data;
  const current = minutes[0];
  const cancelled = meeting.status === "cancelled";

  return (
    <div className="print:**:text-black">
      <BackLink to={`/wards/${ward.code}`} className="print:hidden">
        {t("meetingPage.back", { ward: nameOf(ward) })}
      </BackLink>
      <p className="text-lg text-slate-700">
        <WardText i18nKey="meetingPage.wardInBorough" ward={ward} values={{ borough: ward.boroughName }} />
      </p>
      <h1 className="mb-4 text-3xl font-bold break-words">
        {cancelled && <span className="text-red-900">{t("meetingList.cancelled")} </span>}
        {meeting.title}
      </h1>

      {cancelled && (
        <div className="mb-6 border-l-8 border-red-800 bg-red-50 p-4 text-red-950">
          <p className="text-xl font-bold">{t("meetingPage.cancelled")}</p>
          {meeting.cancellationReason && (
            <p className="mt-1 text-lg">{t("meetingList.reason", { reason: meeting.cancellationReason })}</p>
          )}
        </div>
      )}

      <section aria-labelledby="details-heading" className="mb-8">
        <h2 id="details-heading" className="mb-2 text-2xl font-bold">
          {t("meetingPage.detailsHeading")}
        </h2>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t("meetingPage.when")}</dt>
          <dd className="mb-1 sm:mb-0">
            <time dateTime={`${meeting.date}T${meeting.startTime}`}>{meetingWhenInWords(t, meeting)}</time>
            {cancelled && <strong className="text-red-900"> {t("meetingPage.cancelledNote")}</strong>}
          </dd>
          <dt className="font-semibold">{t("meetingPage.kind")}</dt>
          <dd className="mb-1 sm:mb-0">{meetingKindInWords(t, meeting.kind)}</dd>
          {(meeting.venueName || meeting.venueAddress) && (
            <>
              <dt className="font-semibold">{t("meetingPage.where")}</dt>
              <dd className="mb-1 sm:mb-0">{[meeting.venueName, meeting.venueAddress].filter(Boolean).join(", ")}</dd>
            </>
          )}
          {(meeting.onlineUrl || meeting.place !== "in_person") && (
            <>
              <dt className="font-semibold">{t("meetingPage.online")}</dt>
              <dd className="mb-1 sm:mb-0">
                {/* A cancelled meeting's link is withheld by the server: nobody joins a call that is not happening. */}
                {meeting.onlineUrl ? (
                  <a href={meeting.onlineUrl} className="break-all text-blue-800 underline">
                    {t("meetingPage.joinOnline")}
                  </a>
                ) : (
                  t(cancelled ? "meetingPage.noLinkCancelled" : "meetingPage.noLinkYet")
                )}
              </dd>
            </>
          )}
          {meeting.place !== "online" && (
            <>
              <dt className="font-semibold">{t("meetingList.stepFree")}</dt>
              <dd className="mb-1 sm:mb-0">{meeting.stepFreeAccess ? t("meetingPage.yes") : t("meetingPage.no")}</dd>
              <dt className="font-semibold">{t("meetingList.hearingLoop")}</dt>
              <dd className="mb-1 sm:mb-0">{meeting.hearingLoop ? t("meetingPage.yes") : t("meetingPage.no")}</dd>
            </>
          )}
          {meeting.nearestTransport && (
            <>
              <dt className="font-semibold">{t("meetingPage.transport")}</dt>
              <dd className="mb-1 sm:mb-0">{meeting.nearestTransport}</dd>
            </>
          )}
          {meeting.invited && (
            <>
              <dt className="font-semibold">{t("meetingPage.invited")}</dt>
              <dd className="mb-1 sm:mb-0">{meeting.invited}</dd>
            </>
          )}
        </dl>
        <ul className="mt-3 print:hidden">
          {meeting.status === "published" && (
            <li>
              <a
                href={`/wards/${ward.code}/meetings/${meeting.id}.ics`}
                className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline"
              >
                {t("meetingList.addToCalendar")}
              </a>{" "}
              {t("meetingPage.thisMeetingOnly")}
            </li>
          )}
          <li>
            <a
              href={`/wards/${ward.code}/meetings.ics`}
              className="inline-flex min-h-11 items-center text-blue-800 underline"
            >
              <WardText i18nKey="wardPage.calendar" ward={ward} />
            </a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="agenda-heading" className="mb-8 print:hidden">
        <h2 id="agenda-heading" className="mb-2 text-2xl font-bold">
          {t("meetingPage.agendaHeading")}
        </h2>
        {agenda ? (
          <PublicMeetingAgenda agenda={agenda} wardCode={ward.code} meetingId={meeting.id} />
        ) : (
          <p>
            {meeting.status === "held" || meeting.status === "minutes_published"
              ? t("meetingPage.noAgenda")
              : t("meetingPage.agendaNotYet")}
          </p>
        )}
      </section>

      <section aria-labelledby="minutes-heading">
        <h2 id="minutes-heading" className="mb-2 text-2xl font-bold">
          {t("meetingPage.minutesHeading")}
        </h2>
        {current ? (
          <>
            <p className="mb-2">
              <Trans
                i18nKey={current.version > 1 ? "meetingPage.versionPublished" : "meetingPage.published"}
                values={{ version: current.version }}
                components={{ day: <When value={current.publishedAt} /> }}
              />
            </p>
            {current.version > 1 && (
              <p className="mb-4 border-l-4 border-blue-800 bg-blue-50 p-3">
                <strong>
                  <Trans i18nKey="minutes.correctedOn" components={{ day: <When value={current.publishedAt} /> }} />
                </strong>{" "}
                {current.correctionNote || t("minutes.noNote")}
              </p>
            )}
            <p className="mb-4 print:hidden">
              <button type="button" className={secondaryButtonClass} onClick={() => window.print()}>
                {t("meetingPage.print")}
              </button>
            </p>
            <MinutesView content={current.content} wardCode={ward.code} level={3} />
            <MinutesEarlierVersions versions={minutes} />
          </>
        ) : cancelled ? (
          <p>{t("meetingPage.noMinutesCancelled")}</p>
        ) : (
          <p>{t("meetingPage.minutesNotYet")}</p>
        )}
      </section>
    </div>
  );
}
