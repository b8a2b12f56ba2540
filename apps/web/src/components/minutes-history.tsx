import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import type { RouterOutputs } from "@wardpanel/api";
import { ReturnMinutesToDraftInput } from "@wardpanel/validators";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { ChangeStatus } from "./change-status";
import { buttonClass, Field, inputClass, secondaryButtonClass } from "./field";
import { When } from "./when";

type Ref = { wardCode: string; meetingId: number };
type HistoryEvent = RouterOutputs["minutes"]["forMeeting"]["history"][number];

const ReasonFields = ReturnMinutesToDraftInput.pick({ reason: true });

/**
 * Circulated minutes back to draft before approval, behind a confirmation that asks why: the
 * reason, who and when are kept in the minutes' history, and the next circulation is shown as a
 * corrected version.
 */
export function MinutesReturnToDraft({ meeting, onDone }: { meeting: Ref; onDone: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const back = useMutation(trpc.minutes.returnToDraft.mutationOptions());
  const change = useChange();
  const [open, setOpen] = useState(false);
  const form = useForm<z.infer<typeof ReasonFields>>({
    resolver: zodResolver(ReasonFields),
    defaultValues: { reason: "" },
  });
  if (!open)
    return (
      <button type="button" className={secondaryButtonClass} onClick={() => setOpen(true)}>
        Return the minutes to draft
      </button>
    );
  const onSubmit = form.handleSubmit(async (values) => {
    if (
      await change.run(() => back.mutateAsync({ ...meeting, reason: values.reason }), {
        form: { setError: form.setError, fields: ["reason"] },
      })
    )
      await onDone();
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="return-question"
      className="max-w-xl rounded border-2 border-blue-800 bg-blue-50 p-4"
    >
      <p id="return-question" className="mb-2 text-lg font-bold">
        Return these minutes to draft?
      </p>
      <p className="mb-3">
        They can then be edited, with the meeting's decisions, actions and concerns, and circulated again as a corrected
        version. The panel sees your reason in the minutes' history.
      </p>
      <ChangeStatus change={change} />
      <Field label="Why they go back to draft" error={form.formState.errors.reason}>
        {(a11y) => <textarea {...a11y} {...form.register("reason")} rows={3} maxLength={500} className={inputClass} />}
      </Field>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass} disabled={change.pending}>
          Yes, return them to draft
        </button>
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() => {
            change.say(null);
            setOpen(false);
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Each circulation and return to draft, oldest first; a circulation after a return is a corrected version. */
export function MinutesHistory({ history }: { history: HistoryEvent[] }) {
  if (history.length === 0) return null;
  return (
    <section aria-labelledby="history-heading" className="mb-8">
      <h2 id="history-heading" className="mb-2 text-2xl font-bold">
        History
      </h2>
      <ol className="grid gap-2">
        {history.map((event, i) => {
          const corrected =
            event.kind === "circulated" &&
            history.slice(0, i).some((e) => e.kind === "returned_to_draft" && e.version === event.version);
          return (
            <li key={event.id} className="border-l-4 border-slate-300 pl-3">
              <When value={event.at} as="dateTime" />:{" "}
              {event.kind === "circulated" ? (
                <>
                  {corrected ? <strong>Circulated again as a corrected version</strong> : "Circulated to the panel"}
                  {event.byName && ` by ${event.byName}`}.
                </>
              ) : (
                <>
                  <strong>Returned to draft</strong>
                  {event.byName && ` by ${event.byName}`}. Reason: {event.reason}
                </>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
