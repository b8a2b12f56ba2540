import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";

import { useTRPC } from "../lib/trpc";
import { meetingKindInWords } from "./meeting-words";
import { LoadError, Loading } from "./status";
import { When } from "./when";

/** The page of past meetings in the address (`?past=2`), so a link or the back button returns to it. */
function pageFrom(raw: string | null): number {
  const page = Number(raw ?? "1");
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}

/**
 * The ward's held meetings, newest first, ten to a page: each links to its page (agenda and
 * minutes) and says whether its minutes are published yet, in words.
 */
export function PastMeetings({ wardCode }: { wardCode: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const page = pageFrom(params.get("past"));
  const past = useQuery({ ...trpc.publicMeeting.past.queryOptions({ wardCode, page }), retry: false });
  const heading = useRef<HTMLHeadingElement>(null);
  const firstPage = useRef(page);
  // After "Older meetings" or "Newer meetings", focus moves to the list, not the top of the page.
  useEffect(() => {
    if (page !== firstPage.current) heading.current?.focus();
  }, [page]);

  const pageLink = (to: number) => (to === 1 ? "?" : `?past=${to}`);

  return (
    <section aria-labelledby="past-meetings-heading" className="mt-8">
      <h2 id="past-meetings-heading" ref={heading} tabIndex={-1} className="mb-2 text-2xl font-bold">
        {t("pastMeetings.heading")}
      </h2>
      {past.isLoading && <Loading what={t("pastMeetings.loading")} />}
      {past.error && <LoadError error={past.error} />}
      {past.data &&
        (past.data.meetings.length === 0 ? (
          <p>{page === 1 ? t("pastMeetings.none") : t("pastMeetings.noOlder")}</p>
        ) : (
          <>
            <p className="mb-3">
              {past.data.total === 1
                ? t("pastMeetings.one")
                : t("pastMeetings.showing", {
                    count: past.data.total,
                    from: (page - 1) * past.data.perPage + 1,
                    to: (page - 1) * past.data.perPage + past.data.meetings.length,
                  })}
            </p>
            <ul className="grid gap-3">
              {past.data.meetings.map((m) => (
                <li key={m.id} className="rounded border-2 border-slate-300 p-3">
                  <h3 className="text-lg font-bold break-words">
                    <Link
                      to={`/wards/${wardCode}/meetings/${m.id}`}
                      className="inline-flex min-h-11 items-center text-blue-800 underline"
                    >
                      {m.title}
                      <span className="sr-only">
                        , <When value={m.date} />
                      </span>
                    </Link>
                  </h3>
                  <p>
                    {meetingKindInWords(t, m.kind)} · <When value={m.date} as="weekday" />
                  </p>
                  <p>
                    {m.minutesPublishedAt ? (
                      <strong>
                        {t("pastMeetings.minutesPublished")} <When value={m.minutesPublishedAt} />
                      </strong>
                    ) : (
                      t("pastMeetings.minutesNotYet")
                    )}
                    {m.hasAgenda ? ` · ${t("pastMeetings.agendaPublished")}` : ""}
                  </p>
                </li>
              ))}
            </ul>
            {(past.data.hasOlder || page > 1) && (
              <nav aria-label={t("pastMeetings.pages")} className="mt-3 flex flex-wrap gap-x-6">
                {page > 1 && (
                  <Link
                    to={pageLink(page - 1)}
                    preventScrollReset
                    className="inline-flex min-h-11 items-center text-blue-800 underline"
                  >
                    {t("pastMeetings.newer")}
                  </Link>
                )}
                {past.data.hasOlder && (
                  <Link
                    to={pageLink(page + 1)}
                    preventScrollReset
                    className="inline-flex min-h-11 items-center text-blue-800 underline"
                  >
                    {t("pastMeetings.older")}
                  </Link>
                )}
              </nav>
            )}
          </>
        ))}
    </section>
  );
}
