import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { CancelMeetingInput } from "@wardpanel/validators";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { ChangeStatus } from "./change-status";
import { Field, inputClass, secondaryButtonClass } from "./field";

/** Cancelling asks for the reason the public will see, and for confirmation: it cannot be undone. */
export function CancelMeetingForm({ wardCode, meetingId }: { wardCode: string; meetingId: number }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  // A cancelled meeting changes the ward page, the calendar and every staff list: refresh everything.
  const change = useChange("everything");
  const cancel = useMutation(trpc.meetings.cancel.mutationOptions());
  const form = useForm<CancelMeetingInput>({
    resolver: zodResolver(CancelMeetingInput),
    defaultValues: { wardCode, meetingId, reason: "" },
  });

  if (!open) {
    return (
      <button type="button" className={secondaryButtonClass} onClick={() => setOpen(true)}>
        Cancel this meeting
      </button>
    );
  }
  const onSubmit = form.handleSubmit((values) =>
    change.run(() => cancel.mutateAsync(values), { form: { setError: form.setError, fields: ["reason"] } }),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl rounded border-2 border-red-800 p-3">
      <h3 className="mb-2 text-lg font-bold">Cancel this meeting?</h3>
      <p className="mb-2">
        Cancelling cannot be undone. The meeting stays on the public page and in calendars, marked cancelled with your
        reason.
      </p>
      <ChangeStatus change={change} />
      <Field label="Reason for cancelling" hint="The public will see this" error={form.formState.errors.reason}>
        {(a11y) => <textarea {...a11y} {...form.register("reason")} rows={2} className={inputClass} />}
      </Field>
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          className="inline-flex min-h-11 items-center rounded bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900 disabled:opacity-70"
          disabled={change.pending}
        >
          Yes, cancel the meeting
        </button>
        <button type="button" className={secondaryButtonClass} onClick={() => setOpen(false)}>
          Keep the meeting
        </button>
      </div>
    </form>
  );
}
