import { useMutation, useQuery } from "@tanstack/react-query";
import { MEETING_LIFECYCLE } from "@wardpanel/meetings/meeting-lifecycle";
import { MINUTES_LIFECYCLE, type MinutesAction, publishingStep } from "@wardpanel/meetings/minutes-lifecycle";
import { MINUTES_STATUS_LABELS, MINUTES_STATUSES } from "@wardpanel/validators";
import { useRef } from "react";
import { Link, useParams } from "react-router";

import { ChangeStatus } from "../components/change-status";
import { buttonClass } from "../components/field";
import { MinutesConfirmAction } from "../components/minutes-confirm";
import { MinutesApprovalForm, MinutesCorrectionForm, MinutesItemEditor } from "../components/minutes-forms";
import { MinutesHistory, MinutesReturnToDraft } from "../components/minutes-history";
import { MinutesRecordEditor } from "../components/minutes-record-editor";
import { MinutesView } from "../components/minutes-view";
import { LoadError, Loading } from "../components/status";
import { When } from "../components/when";
import { formatDate } from "../lib/dates";
import { useTRPC } from "../lib/trpc";
import { useUnsavedNotes } from "../lib/unsaved-notes";
import { useWardAccess } from "../lib/use-access";
import { useChange } from "../lib/use-change";
import { useTitle } from "../lib/use-viewer";

/**
 * The minutes of one meeting, from draft to published: the minute-taker drafts and edits, the
 * chair or sergeant circulates them, records their approval at the next meeting and publishes.
 */
export function MinutesPage() {
  const { wardCode = "", meetingId: rawId = "" } = useParams();
  const meetingId = Number(rawId);
  const validId = Number.isInteger(meetingId) && meetingId > 0;
  const ref = { wardCode, meetingId };
  const trpc = useTRPC();
  const may = useWardAccess(wardCode);
  const minutes = useQuery({ ...trpc.minutes.forMeeting.queryOptions(ref), retry: false, enabled: validId });
  useTitle(
    minutes.data ? `Minutes: ${minutes.data.meeting.title}, ${formatDate(minutes.data.meeting.date)}` : "Minutes",
  );

  // Each step changes this page and the public meeting page.
  const change = useChange([trpc.minutes.pathFilter(), trpc.publicMeeting.pathFilter()]);
  const statusHeading = useRef<HTMLHeadingElement>(null);
  const draft = useMutation(trpc.minutes.draft.mutationOptions());
  const circulate = useMutation(trpc.minutes.circulate.mutationOptions());
  const publish = useMutation(trpc.minutes.publish.mutationOptions());
  const unsaved = useUnsavedNotes();

  /**
   * After a step (run by a form or confirmation that shows its own refusal), refresh, say what
   * happened and take focus back to the status, as the controls have changed.
   */
  const stepDone = async (message: string) => {
    await change.done(message);
    statusHeading.current?.focus();
  };

  const code = minutes.error?.data?.code;
  if (!validId || code === "NOT_FOUND" || code === "BAD_REQUEST") {
    return (
      <>
        <h1 className="mb-2 text-3xl font-bold">Meeting not found</h1>
        <p>
          There is no such meeting for this ward.{" "}
          <Link to={`/staff/wards/${wardCode}`} className="text-blue-800 underline">
            Back to the ward
          </Link>
        </p>
      </>
    );
  }
  if (code === "FORBIDDEN") {
    return (
      <>
        <h1 className="mb-2 text-3xl font-bold">You do not have a role for this ward</h1>
        <p>
          Ask your Ward Panel admin if you should.{" "}
          <Link to="/staff" className="text-blue-800 underline">
            Back to your wards
          </Link>
        </p>
      </>
    );
  }
  if (minutes.isLoading) return <Loading />;
  if (minutes.error || !minutes.data) return <LoadError error={minutes.error ?? { message: "No data." }} />;

  const { meeting, versions, approvalMeetings, history } = minutes.data;
  const latest = versions.at(-1);
  const canRecord = may("keepRecord");
  const canManage = may("manageMinutes");
  const isCorrection = (latest?.version ?? 0) > 1;
  /** Whether the newest version's status allows `action` (none before the minutes are drafted). */
  const minutesStep = (action: MinutesAction) =>
    latest !== undefined && MINUTES_LIFECYCLE.allows(latest.status, action);
  const approvedAt = latest?.approvedAtMeetingId
    ? approvalMeetings.find((m) => m.id === latest.approvedAtMeetingId)
    : undefined;
  const noRights = <p className="mb-4">Only the ward's chair or sergeant can take this step.</p>;

  return (
    <>
      <p className="mb-2">
        <Link
          to={`/staff/wards/${wardCode}/meetings/${meetingId}`}
          className="inline-flex min-h-11 items-center text-blue-800 underline"
        >
          Back to the meeting
        </Link>
      </p>
      <p className="text-lg text-slate-700">{meeting.when}</p>
      <h1 className="mb-2 text-3xl font-bold break-words">Minutes: {meeting.title}</h1>
      <p className="mb-6">
        <Link
          to={`/wards/${wardCode}/meetings/${meetingId}`}
          className="inline-flex min-h-11 items-center text-blue-800 underline"
        >
          See the public meeting page
        </Link>
      </p>

      <section aria-labelledby="minutes-status-heading" className="mb-8 rounded border-2 border-slate-300 p-4">
        <h2 id="minutes-status-heading" ref={statusHeading} tabIndex={-1} className="mb-2 text-2xl font-bold">
          Where the minutes are
        </h2>
        <ChangeStatus change={change} className="mb-3 border-l-4 border-green-800 bg-green-50 p-3" />
        {latest ? (
          <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
            <dt className="font-semibold">Status</dt>
            <dd className="mb-1 sm:mb-0">
              <strong>{MINUTES_STATUS_LABELS[latest.status]}</strong>
            </dd>
            <dt className="font-semibold">Version</dt>
            <dd className="mb-1 sm:mb-0">
              {latest.version}
              {isCorrection ? " (a correction of the published minutes)" : ""}
            </dd>
            {isCorrection && (
              <>
                <dt className="font-semibold">Correction note</dt>
                <dd className="mb-1 sm:mb-0">{latest.correctionNote}</dd>
              </>
            )}
            {latest.circulatedAt && (
              <>
                <dt className="font-semibold">Circulated</dt>
                <dd className="mb-1 sm:mb-0">
                  <When value={latest.circulatedAt} />
                </dd>
              </>
            )}
            {latest.approvedAt && (
              <>
                <dt className="font-semibold">Approved</dt>
                <dd className="mb-1 sm:mb-0">
                  <When value={latest.approvedAt} />
                  {approvedAt && (
                    <>
                      {" "}
                      at {approvedAt.title}, <When value={approvedAt.date} />
                    </>
                  )}
                </dd>
              </>
            )}
            {latest.publishedAt && (
              <>
                <dt className="font-semibold">Published</dt>
                <dd className="mb-1 sm:mb-0">
                  <When value={latest.publishedAt} />
                </dd>
              </>
            )}
          </dl>
        ) : (
          <p>
            <strong>Not drafted yet.</strong>
          </p>
        )}
        <ol className="mt-3 flex flex-wrap gap-x-2 gap-y-1 text-sm" aria-label="Steps">
          {MINUTES_STATUSES.map((status, i) => {
            const current = latest?.status === status;
            return (
              <li key={status} className={current ? "font-bold" : "text-slate-700"}>
                {i + 1}. {MINUTES_STATUS_LABELS[status]}
                {current && <span> (current step)</span>}
                {i < MINUTES_STATUSES.length - 1 && <span aria-hidden="true"> →</span>}
              </li>
            );
          })}
        </ol>
      </section>

      {!latest && (
        <section aria-labelledby="draft-heading" className="mb-8">
          <h2 id="draft-heading" className="mb-2 text-2xl font-bold">
            Draft the minutes
          </h2>
          {minutes.data.isLive ? (
            <p>
              End the meeting before drafting the minutes: notes typed on the live screen after drafting would not reach
              them.{" "}
              <Link to={`/staff/wards/${wardCode}/meetings/${meetingId}/live`} className="text-blue-800 underline">
                The live meeting
              </Link>
            </p>
          ) : MEETING_LIFECYCLE.allows(meeting.status, "draftMinutes") ? (
            <>
              <p className="mb-4">
                The draft starts from what was recorded during the meeting: attendance and quorum, each item's notes,
                decisions and actions, and the concerns raised. You can then edit each item's notes.
              </p>
              {canRecord ? (
                <button
                  type="button"
                  className={buttonClass}
                  disabled={change.pending}
                  onClick={async () => {
                    const done =
                      "The minutes have been drafted from the meeting's notes. Edit each item, then circulate them to the panel.";
                    if (await change.run(() => draft.mutateAsync(ref), { done, failed: "Not drafted" }))
                      statusHeading.current?.focus();
                  }}
                >
                  Draft the minutes from the meeting's notes
                </button>
              ) : (
                <p>Only the chair, the sergeant or the minute-taker can draft the minutes.</p>
              )}
            </>
          ) : meeting.status === "cancelled" ? (
            <p>This meeting was cancelled, so it has no minutes.</p>
          ) : (
            <p>
              Minutes are drafted once the meeting has been held. Start the meeting on the day to record notes,
              decisions and actions.
            </p>
          )}
        </section>
      )}

      {/* A draft is edited, then circulated. */}
      {latest && minutesStep("edit") && (
        <>
          <section aria-labelledby="edit-heading" className="mb-8">
            <h2 id="edit-heading" className="mb-2 text-2xl font-bold">
              {isCorrection ? "Edit the correction" : "Edit the draft"}
            </h2>
            {canRecord ? (
              <>
                <p className="mb-4">
                  Save each item's notes as you go. Decisions, actions and attendance come from the meeting's record.
                </p>
                <ol className="grid gap-4">
                  {latest.content.items.map((item, index) => (
                    <MinutesItemEditor
                      key={`${latest.id}-${index}`}
                      meeting={ref}
                      itemIndex={index}
                      title={item.title}
                      presenter={item.presenter}
                      initialNotes={item.notes}
                      serverVersion={item.notesVersion ?? 0}
                      unsaved={unsaved}
                    />
                  ))}
                </ol>
                {!isCorrection && meeting.status === "held" && (
                  <MinutesRecordEditor wardCode={wardCode} meetingId={meetingId} />
                )}
              </>
            ) : (
              <p>Only the chair, the sergeant or the minute-taker can edit the draft.</p>
            )}
          </section>
          <section aria-labelledby="circulate-heading" className="mb-8">
            <h2 id="circulate-heading" className="mb-2 text-2xl font-bold">
              Circulate to the panel
            </h2>
            <p className="mb-4">
              {isCorrection
                ? "Once circulated, the correction can be published straight away: the panel approved these minutes already."
                : "The panel reads the circulated minutes and approves them at its next meeting. Once circulated they can no longer be edited."}
            </p>
            {canManage ? (
              <MinutesConfirmAction
                label="Circulate to the panel"
                question="Circulate these minutes to the panel?"
                confirmLabel="Yes, circulate to the panel"
                failed="Not circulated"
                onConfirm={async () => {
                  // Notes typed but not saved go first; if one is refused, nothing is circulated.
                  const unsavedWarning = await unsaved.saveAll();
                  if (unsavedWarning !== null) throw new Error(unsavedWarning);
                  await circulate.mutateAsync(ref);
                  await stepDone("The minutes have been circulated to the panel.");
                }}
              >
                <p className="mb-3">
                  Any notes not yet saved are saved first. Circulated minutes can no longer be edited.
                </p>
              </MinutesConfirmAction>
            ) : (
              noRights
            )}
          </section>
        </>
      )}

      {minutesStep("returnToDraft") && (
        <section aria-labelledby="return-heading" className="mb-8">
          <h2 id="return-heading" className="mb-2 text-2xl font-bold">
            Correct the circulated minutes
          </h2>
          <p className="mb-4">
            Until they are approved, circulated minutes can go back to draft to be corrected, then circulated again.
          </p>
          {canManage ? (
            <MinutesReturnToDraft
              meeting={ref}
              onDone={() => stepDone("The minutes are a draft again. Correct them, then circulate them again.")}
            />
          ) : (
            noRights
          )}
        </section>
      )}

      {/* A correction was approved in substance already: it goes straight to publishing. */}
      {minutesStep("approve") && !isCorrection && (
        <section aria-labelledby="approve-heading" className="mb-8">
          <h2 id="approve-heading" className="mb-2 text-2xl font-bold">
            Record approval
          </h2>
          <p className="mb-4">
            The panel approves the minutes at its next meeting, under "Minutes of the last meeting and matters arising".
            Recording the approval here also adds it as a decision to that meeting's record.
          </p>
          {canManage ? (
            <MinutesApprovalForm
              meeting={ref}
              approvalMeetings={approvalMeetings}
              onDone={() => stepDone("The approval has been recorded. You can now publish the minutes.")}
            />
          ) : (
            noRights
          )}
        </section>
      )}

      {latest && minutesStep(publishingStep(latest.version)) && (
        <section aria-labelledby="publish-heading" className="mb-8">
          <h2 id="publish-heading" className="mb-2 text-2xl font-bold">
            {isCorrection ? "Publish the correction" : "Publish the minutes"}
          </h2>
          <p className="mb-4">
            Published minutes appear on the public meeting page and never change. A later change is a correction,
            published with a note.
          </p>
          {canManage ? (
            <MinutesConfirmAction
              label={isCorrection ? "Publish the correction" : "Publish the minutes"}
              question={isCorrection ? "Publish this correction?" : "Publish these minutes?"}
              confirmLabel={isCorrection ? "Yes, publish the correction" : "Yes, publish the minutes"}
              onConfirm={async () => {
                await publish.mutateAsync(ref);
                await stepDone(
                  isCorrection ? "The correction has been published." : "The minutes have been published.",
                );
              }}
            >
              <p className="mb-3">Anyone can then read them. Published minutes never change.</p>
            </MinutesConfirmAction>
          ) : (
            noRights
          )}
        </section>
      )}

      {latest && minutesStep("startCorrection") && (
        <section aria-labelledby="correct-heading" className="mb-8">
          <h2 id="correct-heading" className="mb-2 text-2xl font-bold">
            Correct the published minutes
          </h2>
          <p className="mb-4">
            A correction starts a new draft version from the published one. The published version stays public until the
            correction is circulated and published.
          </p>
          {canManage ? (
            <MinutesCorrectionForm
              meeting={ref}
              onDone={() => stepDone("A correction has been started. Edit the items, then circulate and publish it.")}
            />
          ) : (
            noRights
          )}
        </section>
      )}

      <MinutesHistory history={history} />

      {latest && (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading" className="mb-2 text-2xl font-bold">
            {latest.status === "draft"
              ? "Preview"
              : latest.status === "published"
                ? "The published minutes"
                : "The minutes as circulated"}
          </h2>
          <p className="mb-4 text-slate-700">
            {latest.content.meeting.title}, {latest.content.meeting.when}
            {latest.content.meeting.venue && `, ${latest.content.meeting.venue}`}
          </p>
          <MinutesView content={latest.content} wardCode={wardCode} level={3} />
        </section>
      )}
    </>
  );
}
