import type { RouterOutputs } from "@wardpanel/api";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { meetingKindInWords, meetingWhenInWords } from "./meeting-words";

type Meeting = RouterOutputs["wards"]["page"]["upcomingMeetings"][number];

/** Advertised meetings as the public sees them: when, where, access, and cancellations with their reason; each links to its own page. */
export function MeetingList({ meetings, wardCode }: { meetings: Meeting[]; wardCode: string }) {
  const { t } = useTranslation();
  if (meetings.length === 0) return <p>{t("meetingList.none")}</p>;
  return (
    <ul className="grid gap-4">
      {meetings.map((m) => {
        const when = meetingWhenInWords(t, m);
        return (
          <li
            key={m.id}
            className={`rounded border-2 p-4 ${m.status === "cancelled" ? "border-red-800" : "border-slate-300"}`}
          >
            <h3 className="text-lg font-bold">
              {m.status === "cancelled" && <span className="text-red-900">{t("meetingList.cancelled")} </span>}
              <Link to={`/wards/${wardCode}/meetings/${m.id}`} className="text-blue-800 underline">
                {m.title}
              </Link>
            </h3>
            <p>
              {meetingKindInWords(t, m.kind)} · <time dateTime={`${m.date}T${m.startTime}`}>{when}</time>
            </p>
            {m.status === "cancelled" && m.cancellationReason && (
              <p className="font-semibold text-red-900">{t("meetingList.reason", { reason: m.cancellationReason })}</p>
            )}
            {m.place !== "online" && <p>{[m.venueName, m.venueAddress].filter(Boolean).join(", ")}</p>}
            {m.place !== "in_person" && (
              <p>
                {t("meetingList.online")}{" "}
                {m.onlineUrl ? (
                  <a href={m.onlineUrl} className="break-all text-blue-800 underline">
                    {t("meetingList.join")}
                  </a>
                ) : (
                  t(m.status === "cancelled" ? "meetingPage.noLinkCancelled" : "meetingPage.noLinkYet")
                )}
              </p>
            )}
            <p className="text-slate-800">
              {[
                m.place !== "online" && m.stepFreeAccess && t("meetingList.stepFree"),
                m.place !== "online" && m.hearingLoop && t("meetingList.hearingLoop"),
                m.nearestTransport && t("meetingList.transport", { transport: m.nearestTransport }),
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
            {m.invited && <p>{t("meetingList.invited", { invited: m.invited })}</p>}
            {m.status === "published" && (
              <p>
                <a
                  href={`/wards/${wardCode}/meetings/${m.id}.ics`}
                  className="inline-flex min-h-11 items-center text-blue-800 underline"
                >
                  {t("meetingList.addToCalendar")}
                  <span className="sr-only">
                    : {m.title}, {when}
                  </span>
                </a>
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
