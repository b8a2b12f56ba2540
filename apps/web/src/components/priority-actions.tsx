import { useMutation } from "@tanstack/react-query";
import type { RouterInputs, RouterOutputs } from "@wardpanel/api";
import { PRIORITY_LIFECYCLE, type PriorityAction } from "@wardpanel/validators";
import { useState } from "react";

import { isoDate, isoMonth } from "../lib/dates";
import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { useResponseTargetMinutes } from "../lib/use-response-target";
import { ChangeStatus } from "./change-status";
import { ConfirmButton } from "./confirm-button";
import { buttonClass, inputClass, secondaryButtonClass } from "./field";

type Priority = Pick<
  RouterOutputs["priorities"]["forWard"]["priorities"][number],
  "id" | "title" | "status" | "isCallHandlingFlagged"
>;

/**
 * Publish, the response flag (the force's target), monthly progress and ending — each saying what it does. For those who
 * may manage priorities; `canFlag` for those who may also flag one for the response target.
 */
export function PriorityActions({
  wardCode,
  priority,
  canFlag,
}: {
  wardCode: string;
  priority: Priority;
  canFlag: boolean;
}) {
  const trpc = useTRPC();
  const minutes = useResponseTargetMinutes();
  const ref = { wardCode, priorityId: priority.id };
  const can = (action: PriorityAction) => PRIORITY_LIFECYCLE.allows(priority.status, action);
  const publish = useMutation(trpc.priorities.publish.mutationOptions());
  const flag = useMutation(trpc.priorities.setCallHandling.mutationOptions());
  const end = useMutation(trpc.priorities.end.mutationOptions());
  const progress = useMutation(trpc.priorities.addProgress.mutationOptions());
  const [panel, setPanel] = useState<"end" | "progress" | null>(null);
  const [ending, setEnding] = useState<Pick<RouterInputs["priorities"]["end"], "outcome" | "date" | "reason">>({
    outcome: "achieved",
    date: isoDate(),
    reason: "",
  });
  const [entry, setEntry] = useState({ month: isoMonth(), policeAction: "", partnerAction: "", whatChanged: "" });

  const change = useChange(trpc.priorities.pathFilter());
  const act = async (run: () => Promise<unknown>, done: string) => {
    if (await change.run(run, { done })) setPanel(null);
  };

  return (
    <div className="mt-3">
      <ChangeStatus change={change} />
      <div className="flex flex-wrap gap-2">
        {can("publish") && (
          <ConfirmButton
            label="Publish the priority"
            question={<p>It will appear on the public ward page and, if flagged, in the control rooms' feed.</p>}
            confirmLabel="Yes, publish it"
            onConfirm={() => act(() => publish.mutateAsync(ref), "Published.")}
          />
        )}
        {canFlag && can("flagForCallHandling") && (
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={() =>
              act(
                () => flag.mutateAsync({ ...ref, isFlagged: !priority.isCallHandlingFlagged }),
                priority.isCallHandlingFlagged
                  ? `The ${minutes}-minute response flag is removed.`
                  : `Flagged for the ${minutes}-minute response.`,
              )
            }
          >
            {priority.isCallHandlingFlagged
              ? `Remove the ${minutes}-minute response flag`
              : `Flag for the ${minutes}-minute response`}
          </button>
        )}
        {can("reportProgress") && (
          <button type="button" className={secondaryButtonClass} onClick={() => setPanel("progress")}>
            Add this month's progress
          </button>
        )}
        {can("achieve") && can("withdraw") && (
          <button type="button" className={secondaryButtonClass} onClick={() => setPanel("end")}>
            End the priority
          </button>
        )}
      </div>
      {panel === "progress" && (
        <form
          className="mt-3 max-w-xl rounded border-2 border-slate-300 p-3"
          onSubmit={(e) => {
            e.preventDefault();
            void act(
              () => progress.mutateAsync({ ...ref, ...entry }),
              "Progress recorded: it shows on the public page as “You said – We did”.",
            );
          }}
        >
          <label className="mb-2 block font-semibold">
            Month
            <input
              type="month"
              value={entry.month}
              onChange={(e) => setEntry({ ...entry, month: e.target.value })}
              className={inputClass}
            />
          </label>
          <label className="mb-2 block font-semibold">
            What police did
            <textarea
              value={entry.policeAction}
              onChange={(e) => setEntry({ ...entry, policeAction: e.target.value })}
              rows={2}
              className={inputClass}
            />
          </label>
          <label className="mb-2 block font-semibold">
            What partners did
            <textarea
              value={entry.partnerAction}
              onChange={(e) => setEntry({ ...entry, partnerAction: e.target.value })}
              rows={2}
              className={inputClass}
            />
          </label>
          <label className="mb-2 block font-semibold">
            What changed
            <textarea
              value={entry.whatChanged}
              onChange={(e) => setEntry({ ...entry, whatChanged: e.target.value })}
              rows={2}
              className={inputClass}
            />
          </label>
          <button type="submit" className={buttonClass} disabled={change.pending}>
            Record progress
          </button>
        </form>
      )}
      {panel === "end" && (
        <form
          className="mt-3 max-w-xl rounded border-2 border-red-800 p-3"
          onSubmit={(e) => {
            e.preventDefault();
            void act(
              () => end.mutateAsync({ ...ref, ...ending, supersededById: null }),
              "The priority has ended; it stays in the library with your reason.",
            );
          }}
        >
          <fieldset className="mb-2">
            <legend className="font-semibold">How did it end?</legend>
            {(["achieved", "withdrawn"] as const).map((outcome) => (
              <label key={outcome} className="flex min-h-11 items-center gap-2">
                <input
                  type="radio"
                  name={`outcome-${priority.id}`}
                  className="size-5"
                  checked={ending.outcome === outcome}
                  onChange={() => setEnding({ ...ending, outcome })}
                />
                {outcome === "achieved" ? "Achieved" : "Withdrawn"}
              </label>
            ))}
          </fieldset>
          <label className="mb-2 block font-semibold">
            Date it ended
            <input
              type="date"
              value={ending.date}
              onChange={(e) => setEnding({ ...ending, date: e.target.value })}
              className={inputClass}
            />
          </label>
          <label className="mb-2 block font-semibold">
            Reason the public will see
            <textarea
              value={ending.reason}
              onChange={(e) => setEnding({ ...ending, reason: e.target.value })}
              rows={2}
              className={inputClass}
            />
          </label>
          <div className="flex flex-wrap gap-2">
            <button
              type="submit"
              className="inline-flex min-h-11 items-center rounded bg-red-800 px-4 py-2 font-semibold text-white disabled:opacity-70"
              disabled={change.pending}
            >
              End the priority
            </button>
            <button type="button" className={secondaryButtonClass} onClick={() => setPanel(null)}>
              Keep it active
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
