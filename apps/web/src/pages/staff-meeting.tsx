import { useMutation, useQuery } from "@tanstack/react-query";
import { MEETING_LIFECYCLE, type MeetingAction } from "@wardpanel/meetings/meeting-lifecycle";
import { MEETING_STATUS_LABELS } from "@wardpanel/validators";
import { useState } from "react";
import { Link, useParams } from "react-router";

import { AgendaEditor } from "../components/agenda-editor";
import { BackLink } from "../components/back-link";
import { CancelMeetingForm } from "../components/cancel-meeting-form";
import { ChangeStatus } from "../components/change-status";
import { ConfirmButton } from "../components/confirm-button";
import { EditMeetingForm } from "../components/edit-meeting-form";
import { secondaryButtonClass } from "../components/field";
import { LoadError, Loading } from "../components/status";
import { useTRPC } from "../lib/trpc";
import { useWardAccess } from "../lib/use-access";
import { useChange } from "../lib/use-change";
import { useTitle } from "../lib/use-viewer";

/** One meeting for its organisers: details, advertising, the agenda, and the way into the live meeting and minutes. */
export function StaffMeetingPage() {
  const { wardCode = "", meetingId: meetingParam = "" } = useParams();
  const meetingId = Number(meetingParam);
  const trpc = useTRPC();
  const may = useWardAccess(wardCode);
  const agenda = useQuery({ ...trpc.agenda.forMeeting.queryOptions({ wardCode, meetingId }), retry: false });
  const publish = useMutation(trpc.meetings.publish.mutationOptions());
  const [editing, setEditing] = useState(false);
  // Advertising shows on the ward page, the calendar and staff lists: refresh everything.
  const change = useChange("everything");
  useTitle(agenda.data?.meeting.title ?? "Meeting");

  if (agenda.isLoading) return <Loading />;
  if (agenda.error || !agenda.data) return <LoadError error={agenda.error ?? { message: "No meeting." }} />;
  const { meeting } = agenda.data;
  const base = `/staff/wards/${wardCode}/meetings/${meetingId}`;
  const can = (action: MeetingAction) => MEETING_LIFECYCLE.allows(meeting.status, action);

  return (
    <>
      <BackLink to={`/staff/wards/${wardCode}`}>Back to the ward</BackLink>
      <h1 className="mb-1 text-3xl font-bold">{meeting.title}</h1>
      <p className="text-lg">{meeting.when}</p>
      <p className="mb-2">
        {meeting.kindLabel} ·{" "}
        {meeting.kind === "online_meeting" ? "Online" : `${meeting.venueName}, ${meeting.venueAddress}`}
      </p>
      <p className="mb-4">
        Status: <strong>{MEETING_STATUS_LABELS[meeting.status]}</strong>
        {meeting.cancellationReason && <> — {meeting.cancellationReason}</>}
      </p>
      <ChangeStatus change={change} />

      <div className="mb-6 flex flex-wrap gap-2">
        {(can("start") || can("record")) && (
          <Link
            to={`${base}/live`}
            className="inline-flex min-h-11 items-center rounded bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900"
          >
            {meeting.status === "held" ? "Open the live meeting" : "Run the meeting"}
          </Link>
        )}
        {/* The minutes are worked on from the meeting being held, through corrections after publishing. */}
        {can("publishMinutes") && (
          <Link to={`${base}/minutes`} className={secondaryButtonClass}>
            Minutes
          </Link>
        )}
        {meeting.status !== "draft" && (
          <Link to={`/wards/${wardCode}/meetings/${meetingId}`} className={secondaryButtonClass}>
            See the public page
          </Link>
        )}
      </div>

      {may("arrangeMeetings") && (can("edit") || can("cancel")) && (
        <section aria-labelledby="advertise-heading" className="mb-8">
          <h2 id="advertise-heading" className="mb-2 text-2xl font-bold">
            Details and advertising
          </h2>
          <div className="mb-4 flex flex-wrap gap-2">
            {can("publish") && (
              <ConfirmButton
                label="Publish the meeting"
                question={<p>The meeting will be advertised on the public ward page and in the ward's calendar.</p>}
                confirmLabel="Yes, advertise it"
                onConfirm={() =>
                  change.run(() => publish.mutateAsync({ wardCode, meetingId }), {
                    done: "The meeting is advertised.",
                    failed: "Not published",
                  })
                }
              />
            )}
            {can("edit") && !editing && (
              <button type="button" className={secondaryButtonClass} onClick={() => setEditing(true)}>
                Change the details
              </button>
            )}
          </div>
          {editing && (
            <EditMeetingForm
              wardCode={wardCode}
              meetingId={meetingId}
              date={meeting.date}
              details={{
                kind: meeting.kind,
                title: meeting.title,
                startTime: meeting.startTime,
                endTime: meeting.endTime,
                venueName: meeting.venueName,
                venueAddress: meeting.venueAddress,
                stepFreeAccess: meeting.stepFreeAccess,
                hearingLoop: meeting.hearingLoop,
                nearestTransport: meeting.nearestTransport,
                onlineUrl: meeting.onlineUrl,
                invited: meeting.invited,
              }}
              onSaved={() => {
                setEditing(false);
                change.say(meeting.status === "published" ? "Saved. Calendars will show the change." : "Saved.");
              }}
            />
          )}
          {can("cancel") && (
            <div className="mt-4">
              <CancelMeetingForm wardCode={wardCode} meetingId={meetingId} />
            </div>
          )}
        </section>
      )}

      <section aria-labelledby="agenda-heading" className="mb-8">
        <h2 id="agenda-heading" className="mb-2 text-2xl font-bold">
          Agenda
        </h2>
        <AgendaEditor wardCode={wardCode} meetingId={meetingId} canEdit={may("editAgenda")} />
      </section>
    </>
  );
}
