import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { StartCorrectionInput } from "@wardpanel/validators";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { formatDate } from "../lib/dates";
import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { ChangeStatus } from "./change-status";
import { buttonClass, Field, FormAlert, inputClass } from "./field";

type Ref = { wardCode: string; meetingId: number };

/** One agenda item's notes in the draft, saved on its own. */
export function MinutesItemEditor({
  meeting,
  itemIndex,
  title,
  presenter,
  initialNotes,
}: {
  meeting: Ref;
  itemIndex: number;
  title: string;
  presenter: string;
  initialNotes: string;
}) {
  const trpc = useTRPC();
  const id = useId();
  const [notes, setNotes] = useState(initialNotes);
  const [saved, setSaved] = useState(initialNotes);
  // The draft shows on the minutes page and, once published, the public meeting page.
  const change = useChange([trpc.minutes.pathFilter(), trpc.publicMeeting.pathFilter()]);
  const edit = useMutation(trpc.minutes.editItem.mutationOptions());
  const dirty = notes !== saved;

  return (
    <li className="rounded border-2 border-slate-300 p-4">
      <h3 className="text-lg font-bold">
        {itemIndex + 1}. {title}
      </h3>
      {presenter && <p className="text-slate-700">Presented by {presenter}</p>}
      <form
        className="mt-2"
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          const sending = notes;
          await change.run(
            () => edit.mutateAsync({ ...meeting, itemIndex, notes: sending }).then(() => setSaved(sending)),
            { done: "Saved." },
          );
        }}
      >
        {/* Not <ChangeStatus>: this item's status sits beside its button and also says "Not saved yet" while typing. */}
        <FormAlert message={change.alert} />
        <label htmlFor={`${id}-notes`} className="block font-semibold">
          Notes
          <span className="sr-only">
            {" "}
            for item {itemIndex + 1}, {title}
          </span>
        </label>
        <textarea
          id={`${id}-notes`}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          rows={Math.min(12, Math.max(4, notes.split("\n").length + 1))}
          maxLength={20_000}
          aria-invalid={change.alert ? true : undefined}
          className={inputClass}
        />
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <button type="submit" className={buttonClass} disabled={change.pending}>
            Save notes<span className="sr-only"> for {title}</span>
          </button>
          <p role="status" className="font-semibold">
            {change.pending ? "Saving…" : dirty ? "Not saved yet." : change.status?.text}
          </p>
        </div>
      </form>
    </li>
  );
}

const ApprovalFields = z.object({
  atMeetingId: z.string().min(1, "Choose the meeting at which the panel approved the minutes"),
});

/** Approval is recorded at a later meeting, under its "Minutes of the last meeting" item. */
export function MinutesApprovalForm({
  meeting,
  approvalMeetings,
  onDone,
}: {
  meeting: Ref;
  approvalMeetings: { id: number; title: string; date: string }[];
  onDone: () => Promise<unknown>;
}) {
  const trpc = useTRPC();
  const approve = useMutation(trpc.minutes.approve.mutationOptions());
  const change = useChange();
  const form = useForm<z.infer<typeof ApprovalFields>>({
    resolver: zodResolver(ApprovalFields),
    defaultValues: { atMeetingId: approvalMeetings[0] ? String(approvalMeetings[0].id) : "" },
  });
  if (approvalMeetings.length === 0) {
    return (
      <p className="border-l-4 border-slate-500 bg-slate-50 p-3">
        No later meeting of the panel has been held yet. Once the next meeting is under way, come back here to record
        that it approved these minutes.
      </p>
    );
  }
  // onDone refreshes the page and announces the step; a refusal is shown here.
  const onSubmit = form.handleSubmit(async (values) => {
    if (
      await change.run(() => approve.mutateAsync({ ...meeting, atMeetingId: Number(values.atMeetingId) }), {
        form: { setError: form.setError, fields: ["atMeetingId"] },
      })
    )
      await onDone();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl">
      <ChangeStatus change={change} />
      <Field
        label="Approved at meeting"
        hint="The later meeting at which the panel agreed these minutes are a correct record."
        error={form.formState.errors.atMeetingId}
      >
        {(a11y) => (
          <select {...a11y} {...form.register("atMeetingId")} className={`${inputClass} min-h-11`}>
            {approvalMeetings.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}, {formatDate(m.date)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className={buttonClass} disabled={change.pending}>
        Record approval
      </button>
    </form>
  );
}

const CorrectionFields = StartCorrectionInput.pick({ note: true });

/** Published minutes never change: a correction is a new draft version with a note saying why. */
export function MinutesCorrectionForm({ meeting, onDone }: { meeting: Ref; onDone: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const start = useMutation(trpc.minutes.startCorrection.mutationOptions());
  const change = useChange();
  const form = useForm<z.infer<typeof CorrectionFields>>({
    resolver: zodResolver(CorrectionFields),
    defaultValues: { note: "" },
  });
  // onDone refreshes the page and announces the step; a refusal is shown here.
  const onSubmit = form.handleSubmit(async (values) => {
    if (
      await change.run(() => start.mutateAsync({ ...meeting, note: values.note }), {
        form: { setError: form.setError, fields: ["note"] },
      })
    )
      await onDone();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl">
      <ChangeStatus change={change} />
      <Field
        label="What the correction changes, and why"
        hint="Required. The public sees this note beside the corrected minutes, and the earlier version stays visible."
        error={form.formState.errors.note}
      >
        {(a11y) => <textarea {...a11y} {...form.register("note")} rows={3} maxLength={500} className={inputClass} />}
      </Field>
      <button type="submit" className={buttonClass} disabled={change.pending}>
        Start a correction
      </button>
    </form>
  );
}
