import { useMutation, useQuery } from "@tanstack/react-query";
import { MEETING_LIFECYCLE } from "@wardpanel/meetings/meeting-lifecycle";
import { useState } from "react";
import { Link, useParams } from "react-router";

import { AttendancePanel } from "../components/attendance-panel";
import { BackLink } from "../components/back-link";
import { BallotQr } from "../components/ballot-qr";
import { ChangeStatus } from "../components/change-status";
import { ConfirmButton } from "../components/confirm-button";
import { buttonClass, secondaryButtonClass } from "../components/field";
import { ItemTimer } from "../components/item-timer";
import { LiveFollow } from "../components/live-follow";
import { LiveNotes, NotesInMinutes } from "../components/live-notes";
import { ActionForm, ConcernForm, DecisionForm } from "../components/live-record-forms";
import { ItemTimeSummary, MeetingTimeLeft } from "../components/meeting-time-left";
import { ActionList, ConcernList, DecisionList } from "../components/record-entries";
import { LoadError, Loading } from "../components/status";
import { VotePanel } from "../components/vote-panel";
import { useTRPC } from "../lib/trpc";
import { useWardAccess } from "../lib/use-access";
import { useChange } from "../lib/use-change";
import { useTitle } from "../lib/use-viewer";

/** The chair's live view, for a laptop or tablet in the room. */
export function LiveMeetingPage() {
  const { wardCode = "", meetingId: meetingParam = "" } = useParams();
  const meetingId = Number(meetingParam);
  const ref = { wardCode, meetingId };
  const trpc = useTRPC();
  const may = useWardAccess(wardCode);
  const canRun = may("runLiveMeeting");
  const canRecord = may("keepRecord");
  const view = useQuery({ ...trpc.live.view.queryOptions(ref), retry: false, staleTime: 0 });
  const start = useMutation(trpc.live.start.mutationOptions());
  const setCurrent = useMutation(trpc.live.setCurrentItem.mutationOptions());
  const end = useMutation(trpc.live.end.mutationOptions());
  const pause = useMutation(trpc.live.pauseTimer.mutationOptions());
  const resume = useMutation(trpc.live.resumeTimer.mutationOptions());
  const [selected, setSelected] = useState<number | null>(null);
  useTitle(view.data ? `Live: ${view.data.meeting.title}` : "Live meeting");

  // Starting, moving on and ending change the agenda, timer, quorum and vote: refresh everything.
  const change = useChange("everything");
  const act = (run: () => Promise<unknown>) => change.run(run);

  if (view.isLoading) return <Loading />;
  if (view.error || !view.data) return <LoadError error={view.error ?? { message: "No meeting." }} />;
  const data = view.data;
  // dataUpdatedAt is when this answer arrived: the server's clock minus ours, to within a round trip.
  const serverOffsetMs = Date.parse(data.serverNow) - view.dataUpdatedAt;
  const shownId = selected ?? data.currentItemId ?? data.items[0]?.id ?? null;
  const shown = data.items.find((i) => i.id === shownId);
  const shownIndex = data.items.findIndex((i) => i.id === shownId);
  const next = data.items[shownIndex + 1];

  return (
    <>
      <BackLink to={`/staff/wards/${wardCode}/meetings/${meetingId}`}>Back to the meeting</BackLink>
      <h1 className="mb-1 text-3xl font-bold">{data.meeting.title}</h1>
      <p className="mb-3">{data.meeting.when}</p>
      <LiveFollow wardCode={wardCode} meetingId={meetingId} />
      <div
        role="status"
        className={`mb-4 rounded border-l-8 p-3 font-semibold ${data.quorum.isQuorate ? "border-green-800 bg-green-50 text-green-950" : "border-red-800 bg-red-50 text-red-950"}`}
      >
        {data.quorum.explanation}
      </div>
      <ChangeStatus change={change} />

      {!data.isLive && !data.hasEnded && (
        <section className="mb-6">
          {MEETING_LIFECYCLE.allows(data.meeting.status, "start") ? (
            <>
              <p className="mb-2">
                The meeting has not started. Starting it marks the meeting as held and starts the timer on the first
                item.
              </p>
              {canRun && (
                <button
                  type="button"
                  className={buttonClass}
                  disabled={change.pending}
                  onClick={() => act(() => start.mutateAsync(ref))}
                >
                  Start the meeting
                </button>
              )}
            </>
          ) : (
            <p className="mb-2">{MEETING_LIFECYCLE.refusal(data.meeting.status, "start")}.</p>
          )}
        </section>
      )}
      {data.hasEnded && (
        <p className="mb-4 font-semibold">
          The meeting has ended.{" "}
          <Link to={`/staff/wards/${wardCode}/meetings/${meetingId}/minutes`} className="text-blue-800 underline">
            Draft the minutes
          </Link>
        </p>
      )}

      {data.isLive && (
        <MeetingTimeLeft
          endsAt={data.endsAt}
          serverOffsetMs={serverOffsetMs}
          items={data.items}
          currentItemId={data.currentItemId}
          runningSince={data.currentItemStartedAt}
        />
      )}
      {data.isLive && (
        <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
          <nav aria-label="Agenda items">
            <h2 className="mb-2 text-xl font-bold">Agenda</h2>
            <ol className="grid gap-1">
              {data.items.map((item, index) => (
                <li key={item.id}>
                  <button
                    type="button"
                    aria-current={item.id === data.currentItemId ? "step" : undefined}
                    aria-pressed={item.id === shownId}
                    onClick={() => setSelected(item.id)}
                    className={`min-h-11 w-full rounded border-2 px-2 py-1 text-left ${item.id === shownId ? "border-blue-800 bg-blue-50" : "border-slate-300"}`}
                  >
                    {index + 1}. {item.title}
                    {item.id === data.currentItemId && <span className="font-semibold"> (now)</span>}
                    <ItemTimeSummary minutesAllowed={item.minutesAllowed} secondsUsed={item.secondsUsed} />
                  </button>
                </li>
              ))}
            </ol>
          </nav>

          {shown && (
            <section aria-labelledby="item-heading">
              <h2 id="item-heading" className="text-2xl font-bold">
                {shown.title}
              </h2>
              {shown.presenter && <p>Presenter: {shown.presenter}</p>}
              <ItemTimer
                secondsUsed={shown.secondsUsed}
                minutesAllowed={shown.minutesAllowed}
                runningSince={shown.id === data.currentItemId ? data.currentItemStartedAt : null}
                serverOffsetMs={serverOffsetMs}
                paused={shown.id === data.currentItemId && data.isTimerPaused}
              />
              {canRun && (
                <div className="my-3 flex flex-wrap gap-2">
                  {shown.id !== data.currentItemId && (
                    <button
                      type="button"
                      className={buttonClass}
                      disabled={change.pending}
                      onClick={() => act(() => setCurrent.mutateAsync({ ...ref, itemId: shown.id }))}
                    >
                      Discuss this item now
                    </button>
                  )}
                  {shown.id === data.currentItemId && (
                    <button
                      type="button"
                      className={secondaryButtonClass}
                      disabled={change.pending}
                      onClick={() =>
                        data.isTimerPaused
                          ? change.run(() => resume.mutateAsync(ref), { done: "The timer is running again." })
                          : change.run(() => pause.mutateAsync(ref), { done: "The timer is paused." })
                      }
                    >
                      {data.isTimerPaused ? "Restart the timer" : "Pause the timer"}
                    </button>
                  )}
                  {shown.id === data.currentItemId && next && (
                    <button
                      type="button"
                      className={buttonClass}
                      onClick={() =>
                        act(async () => {
                          await setCurrent.mutateAsync({ ...ref, itemId: next.id });
                          setSelected(next.id);
                        })
                      }
                    >
                      Next item: {next.title}
                    </button>
                  )}
                </div>
              )}
              {canRecord && data.minutesDrafted && (
                <NotesInMinutes
                  notes={shown.notes}
                  itemTitle={shown.title}
                  minutesPath={`/staff/wards/${wardCode}/meetings/${meetingId}/minutes`}
                />
              )}
              {canRecord && !data.minutesDrafted && (
                <LiveNotes
                  key={shown.id}
                  wardCode={wardCode}
                  meetingId={meetingId}
                  itemId={shown.id}
                  itemTitle={shown.title}
                  serverNotes={shown.notes}
                  serverSave={shown.notesSave}
                />
              )}

              <h3 className="mb-1 text-xl font-bold">Decisions</h3>
              <DecisionList meeting={ref} decisions={shown.decisions} canChange={canRecord} />
              {canRecord && <DecisionForm wardCode={wardCode} meetingId={meetingId} itemId={shown.id} />}

              <h3 className="mb-1 mt-4 text-xl font-bold">Actions</h3>
              <ActionList meeting={ref} actions={shown.actions} canChange={canRecord} />
              {canRecord && <ActionForm wardCode={wardCode} meetingId={meetingId} itemId={shown.id} />}
            </section>
          )}
        </div>
      )}

      {(data.isLive || data.hasEnded) && (
        <>
          <section aria-labelledby="concerns-heading" className="mt-8">
            <h2 id="concerns-heading" className="mb-2 text-2xl font-bold">
              Concerns raised by the public
            </h2>
            <ConcernList meeting={ref} concerns={data.concerns} canChange={canRecord && data.isLive} />
            {canRecord && data.isLive && <ConcernForm wardCode={wardCode} meetingId={meetingId} />}
          </section>
        </>
      )}

      {data.isLive && may("runVotes") && <BallotQr wardCode={wardCode} meetingId={meetingId} />}
      {(data.isLive || data.hasEnded) && (
        <section aria-labelledby="vote-heading" className="mt-8">
          <h2 id="vote-heading" className="mb-2 text-2xl font-bold">
            Setting priorities: the vote
          </h2>
          <VotePanel wardCode={wardCode} meetingId={meetingId} canRun={may("runVotes")} />
        </section>
      )}

      <section aria-labelledby="attendance-heading" className="mt-8">
        <h2 id="attendance-heading" className="mb-2 text-2xl font-bold">
          Attendance
        </h2>
        <AttendancePanel wardCode={wardCode} meetingId={meetingId} canRecord={canRecord} />
      </section>

      {data.isLive && canRun && (
        <section className="mt-8">
          <ConfirmButton
            label="End the meeting"
            question={<p>This stops the timer. Notes can still be finished in the draft minutes.</p>}
            confirmLabel="Yes, end the meeting"
            onConfirm={() => act(() => end.mutateAsync(ref))}
          />
        </section>
      )}
      <p className="mt-8">
        <Link to={`/staff/wards/${wardCode}/meetings/${meetingId}`} className={secondaryButtonClass}>
          Back to the meeting
        </Link>
      </p>
    </>
  );
}
