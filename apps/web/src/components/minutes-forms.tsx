import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { StartCorrectionInput } from "@wardpanel/validators";
import { useEffect, useId, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { formatDate } from "../lib/dates";
import { reasonOf } from "../lib/form-errors";
import { useTRPC } from "../lib/trpc";
import type { UnsavedNotes } from "../lib/unsaved-notes";
import { useChange } from "../lib/use-change";
import type { OtherText } from "../lib/use-saved-text";
import { ChangeStatus } from "./change-status";
import { buttonClass, Field, FormAlert, inputClass } from "./field";
import { NotesConflict } from "./notes-conflict";

type Ref = { wardCode: string; meetingId: number };

/**
 * One agenda item's notes in the draft, saved on its own. A save names the version the text was
 * edited from: if someone else saved the item meanwhile, the save is refused with their text and
 * the writer merges (NotesConflict). Registered with `unsaved` so circulating saves it first.
 */
export function MinutesItemEditor({
  meeting,
  itemIndex,
  title,
  presenter,
  initialNotes,
  serverVersion,
  unsaved,
}: {
  meeting: Ref;
  itemIndex: number;
  title: string;
  presenter: string;
  initialNotes: string;
  /** The item's `notesVersion` in the draft as last read (0 before the first edit). */
  serverVersion: number;
  unsaved?: UnsavedNotes;
}) {
  const trpc = useTRPC();
  const id = useId();
  const [notes, setNotes] = useState(initialNotes);
  const [saved, setSaved] = useState(initialNotes);
  const [base, setBase] = useState(serverVersion);
  const [other, setOther] = useState<OtherText | null>(null);
  // The draft shows on the minutes page and, once published, the public meeting page.
  const change = useChange([trpc.minutes.pathFilter(), trpc.publicMeeting.pathFilter()]);
  const edit = useMutation(trpc.minutes.editItem.mutationOptions());
  const dirty = notes !== saved;

  // Someone else's save, read again: taken silently unless something typed here is not saved.
  if (serverVersion > base && !dirty && other === null) {
    setBase(serverVersion);
    setNotes(initialNotes);
    setSaved(initialNotes);
  }

  /** Sends `text` over version `over`; resolves to null once saved, or the reason it is not. */
  const save = async (text: string, over: number): Promise<string | null> => {
    let reason: string | null = null;
    await change.run(
      () =>
        edit
          .mutateAsync({ ...meeting, itemIndex, notes: text, baseVersion: over })
          .then((answer) => {
            if (answer.status === "conflict") {
              setOther(answer.current);
              throw new Error("someone else saved them meanwhile. Merge the two texts shown with the item, then save.");
            }
            setOther(null);
            setBase(answer.version);
            setSaved(text);
          })
          .catch((error: unknown) => {
            reason = reasonOf(error);
            throw error;
          }),
      { done: "Saved." },
    );
    return reason;
  };

  // The newest text and save, for the page's "Circulate" to call.
  const latest = useRef({ dirty, save: () => save(notes, base) });
  useEffect(() => {
    latest.current = { dirty: dirty || other !== null, save: () => save(notes, base) };
  });
  useEffect(
    () =>
      unsaved?.register(itemIndex, {
        title,
        isDirty: () => latest.current.dirty,
        save: () => latest.current.save(),
      }),
    [unsaved, itemIndex, title],
  );

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
          await save(notes, base);
        }}
      >
        {/* Not <ChangeStatus>: this item's status sits beside its button and also says "Not saved yet" while typing. */}
        {/* A conflict is told by NotesConflict, with both texts. */}
        <FormAlert message={other ? null : change.alert} />
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
          readOnly={other !== null}
          aria-invalid={change.alert ? true : undefined}
          className={inputClass}
        />
        {other === null && (
          <div className="mt-2 flex flex-wrap items-center gap-3">
            <button type="submit" className={buttonClass} disabled={change.pending}>
              Save notes<span className="sr-only"> for {title}</span>
            </button>
            <p role="status" className="font-semibold">
              {change.pending ? "Saving…" : dirty ? "Not saved yet." : change.status?.text}
            </p>
          </div>
        )}
      </form>
      {other && (
        <NotesConflict
          key={other.version}
          itemTitle={title}
          other={other}
          base={saved}
          mine={notes}
          pending={change.pending}
          onSaveMerged={async (merged: string) => {
            setNotes(merged);
            await save(merged, other.version);
          }}
          onKeepTheirs={() => {
            setOther(null);
            setBase(other.version);
            setNotes(other.notes);
            setSaved(other.notes);
            change.say("Kept their text.");
          }}
        />
      )}
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
