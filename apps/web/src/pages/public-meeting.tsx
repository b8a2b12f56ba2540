import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";

import { BackLink } from "../components/back-link";
import { secondaryButtonClass } from "../components/field";
import { MinutesEarlierVersions } from "../components/minutes-changes";
import { MinutesView } from "../components/minutes-view";
import { PublicMeetingAgenda } from "../components/public-meeting-agenda";
import { LoadError, Loading } from "../components/status";
import { When } from "../components/when";
import { formatDate } from "../lib/dates";
import { useTRPC } from "../lib/trpc";
import { useTitle } from "../lib/use-viewer";

/** A meeting as the public sees it: when and where, its published agenda and its published minutes. */
export function PublicMeetingPage() {
  const { wardCode = "", meetingId: rawId = "" } = useParams();
  const meetingId = Number(rawId);
  const validId = Number.isInteger(meetingId) && meetingId > 0;
  const trpc = useTRPC();
  const view = useQuery({
    ...trpc.publicMeeting.view.queryOptions({ wardCode, meetingId }),
    retry: false,
    enabled: validId,
  });
  useTitle(view.data ? `${view.data.meeting.title}, ${formatDate(view.data.meeting.date)}` : "Meeting");

  const code = view.error?.data?.code;
  if (!validId || code === "NOT_FOUND" || code === "BAD_REQUEST") {
    return (
      <>
        <h1 className="mb-2 text-3xl font-bold">Meeting not found</h1>
        <p>
          There is no published meeting at this address. It may not have been advertised yet.{" "}
          <Link to={`/wards/${wardCode}`} className="text-blue-800 underline">
            See the ward's page
          </Link>{" "}
          for its upcoming meetings.
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
      <BackLink to={`/wards/${ward.code}`} className="print:hidden">{`Back to ${ward.name} ward`}</BackLink>
      <p className="text-lg text-slate-700">
        {ward.name} ward, {ward.boroughName}
      </p>
      <h1 className="mb-4 text-3xl font-bold break-words">
        {cancelled && <span className="text-red-900">Cancelled: </span>}
        {meeting.title}
      </h1>

      {cancelled && (
        <div className="mb-6 border-l-8 border-red-800 bg-red-50 p-4 text-red-950">
          <p className="text-xl font-bold">This meeting has been cancelled.</p>
          {meeting.cancellationReason && <p className="mt-1 text-lg">Reason: {meeting.cancellationReason}</p>}
        </div>
      )}

      <section aria-labelledby="details-heading" className="mb-8">
        <h2 id="details-heading" className="mb-2 text-2xl font-bold">
          When and where
        </h2>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">When</dt>
          <dd className="mb-1 sm:mb-0">
            <time dateTime={`${meeting.date}T${meeting.startTime}`}>{meeting.when}</time>
            {cancelled && <strong className="text-red-900"> (cancelled)</strong>}
          </dd>
          <dt className="font-semibold">Kind of meeting</dt>
          <dd className="mb-1 sm:mb-0">{meeting.kindLabel}</dd>
          {(meeting.venueName || meeting.venueAddress) && (
            <>
              <dt className="font-semibold">Where</dt>
              <dd className="mb-1 sm:mb-0">{[meeting.venueName, meeting.venueAddress].filter(Boolean).join(", ")}</dd>
            </>
          )}
          {meeting.onlineUrl && (
            <>
              <dt className="font-semibold">Online</dt>
              <dd className="mb-1 sm:mb-0">
                <a href={meeting.onlineUrl} className="break-all text-blue-800 underline">
                  Join the meeting online
                </a>
              </dd>
            </>
          )}
          <dt className="font-semibold">Step-free access</dt>
          <dd className="mb-1 sm:mb-0">{meeting.stepFreeAccess ? "Yes" : "No"}</dd>
          <dt className="font-semibold">Hearing loop</dt>
          <dd className="mb-1 sm:mb-0">{meeting.hearingLoop ? "Yes" : "No"}</dd>
          {meeting.nearestTransport && (
            <>
              <dt className="font-semibold">Nearest transport</dt>
              <dd className="mb-1 sm:mb-0">{meeting.nearestTransport}</dd>
            </>
          )}
          {meeting.invited && (
            <>
              <dt className="font-semibold">Who is invited</dt>
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
                Add to my calendar
              </a>{" "}
              (this meeting only)
            </li>
          )}
          <li>
            <a
              href={`/wards/${ward.code}/meetings.ics`}
              className="inline-flex min-h-11 items-center text-blue-800 underline"
            >
              Add {ward.name} ward's meetings to your calendar
            </a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="agenda-heading" className="mb-8 print:hidden">
        <h2 id="agenda-heading" className="mb-2 text-2xl font-bold">
          Agenda
        </h2>
        {agenda ? (
          <PublicMeetingAgenda agenda={agenda} wardCode={ward.code} meetingId={meeting.id} />
        ) : (
          <p>
            {meeting.status === "held" || meeting.status === "minutes_published"
              ? "No agenda was published for this meeting."
              : "The agenda for this meeting has not been published yet."}
          </p>
        )}
      </section>

      <section aria-labelledby="minutes-heading">
        <h2 id="minutes-heading" className="mb-2 text-2xl font-bold">
          Minutes
        </h2>
        {current ? (
          <>
            <p className="mb-2">
              {current.version > 1 ? `Version ${current.version}, published` : "Published"}{" "}
              <When value={current.publishedAt} />. Approved by the panel as a correct record.
            </p>
            {current.version > 1 && (
              <p className="mb-4 border-l-4 border-blue-800 bg-blue-50 p-3">
                <strong>
                  Corrected on <When value={current.publishedAt} />:
                </strong>{" "}
                {current.correctionNote || "no note was given."}
              </p>
            )}
            <p className="mb-4 print:hidden">
              <button type="button" className={secondaryButtonClass} onClick={() => window.print()}>
                Print these minutes
              </button>
            </p>
            <MinutesView content={current.content} level={3} />
            <MinutesEarlierVersions versions={minutes} />
          </>
        ) : cancelled ? (
          <p>There are no minutes: the meeting was cancelled.</p>
        ) : (
          <p>
            The minutes of this meeting have not been published yet. Minutes are published after the panel approves them
            at its next meeting.
          </p>
        )}
      </section>
    </div>
  );
}
