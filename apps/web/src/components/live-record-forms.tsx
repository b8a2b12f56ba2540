import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { ActionFields, RecordConcernInput } from "@wardpanel/validators";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { ChangeStatus } from "./change-status";
import { ConcernCategoryOptions } from "./concern-category-options";
import { Field, inputClass, secondaryButtonClass } from "./field";

type ItemRef = { wardCode: string; meetingId: number; itemId: number };

/** A failed save keeps what was typed in the form and says so, so nothing handed over is lost. */
const notSaved = (reason: string) => `Not saved: ${reason} What you typed is still here; try again.`;

/** What is recorded shows in the live view, the quorum and the minutes: refresh everything. */
const useLiveChange = () => useChange("everything");

const DecisionFields = z.object({
  text: z.string().trim().min(1, "Write the decision").max(1000, "Keep this under 1,000 characters"),
});

export function DecisionForm(ref: ItemRef) {
  const trpc = useTRPC();
  const add = useMutation(trpc.live.addDecision.mutationOptions());
  const change = useLiveChange();
  const form = useForm<z.infer<typeof DecisionFields>>({
    resolver: zodResolver(DecisionFields),
    defaultValues: { text: "" },
  });
  const submit = form.handleSubmit(async (values) => {
    const fields = { setError: form.setError, fields: ["text"] };
    if (
      await change.run(() => add.mutateAsync({ ...ref, ...values }), {
        form: fields,
        failed: notSaved,
        done: "Decision recorded.",
      })
    )
      form.reset();
  });
  return (
    <form onSubmit={submit} noValidate>
      <ChangeStatus change={change} />
      <Field label="Decision" error={form.formState.errors.text}>
        {(a11y) => <input {...a11y} {...form.register("text")} className={inputClass} />}
      </Field>
      <button type="submit" className={secondaryButtonClass} disabled={change.pending}>
        Record the decision
      </button>
    </form>
  );
}

export function ActionForm(ref: ItemRef) {
  const trpc = useTRPC();
  const add = useMutation(trpc.live.addAction.mutationOptions());
  const change = useLiveChange();
  const form = useForm<z.infer<typeof ActionFields>>({
    resolver: zodResolver(ActionFields),
    defaultValues: { description: "", owner: "", dueDate: "" },
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    const fields = { setError: form.setError, fields: ["description", "owner", "dueDate"] };
    if (
      await change.run(() => add.mutateAsync({ ...ref, ...values }), {
        form: fields,
        failed: notSaved,
        done: "Action recorded.",
      })
    )
      form.reset();
  });
  return (
    <form onSubmit={submit} noValidate>
      <ChangeStatus change={change} />
      <Field label="Action: what is to be done" error={errors.description}>
        {(a11y) => <input {...a11y} {...form.register("description")} className={inputClass} />}
      </Field>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field label="Owner" error={errors.owner}>
          {(a11y) => <input {...a11y} {...form.register("owner")} className={inputClass} />}
        </Field>
        <Field label="Due date" error={errors.dueDate}>
          {(a11y) => <input {...a11y} {...form.register("dueDate")} type="date" className={inputClass} />}
        </Field>
      </div>
      <button type="submit" className={secondaryButtonClass} disabled={change.pending}>
        Record the action
      </button>
    </form>
  );
}

type ConcernValues = z.input<typeof RecordConcernInput>;
const CONCERN_FIELDS = ["description", "location", "category", "hasConsent", "raisedBy", "contactEmail"] as const;

/** A concern raised in the room: what, where, category, and who raised it only with their consent. */
export function ConcernForm({ wardCode, meetingId }: { wardCode: string; meetingId: number }) {
  const trpc = useTRPC();
  const record = useMutation(trpc.live.recordConcern.mutationOptions());
  const change = useLiveChange();
  const form = useForm<ConcernValues>({
    resolver: zodResolver(RecordConcernInput),
    defaultValues: {
      wardCode,
      meetingId,
      description: "",
      location: "",
      category: "anti-social-behaviour",
      hasConsent: false,
      raisedBy: "",
      contactEmail: "",
    },
  });
  const errors = form.formState.errors;
  const hasConsent = form.watch("hasConsent");
  const submit = form.handleSubmit(async (values) => {
    const fields = { setError: form.setError, fields: CONCERN_FIELDS };
    if (
      await change.run(() => record.mutateAsync(values), {
        form: fields,
        failed: notSaved,
        done: `Concern recorded: ${values.description}`,
      })
    )
      form.reset();
  });
  return (
    <form onSubmit={submit} noValidate className="max-w-xl">
      <ChangeStatus change={change} />
      <Field label="What is the concern" error={errors.description}>
        {(a11y) => <textarea {...a11y} {...form.register("description")} rows={2} className={inputClass} />}
      </Field>
      <Field label="Where" hint="A street, postcode or place" error={errors.location}>
        {(a11y) => <input {...a11y} {...form.register("location")} className={inputClass} />}
      </Field>
      <Field label="Category" error={errors.category}>
        {(a11y) => (
          <select {...a11y} {...form.register("category")} className={inputClass}>
            <ConcernCategoryOptions />
          </select>
        )}
      </Field>
      {errors.hasConsent && <p className="font-semibold text-red-800">{errors.hasConsent.message}</p>}
      <label className="mb-2 flex min-h-11 items-center gap-2">
        <input type="checkbox" {...form.register("hasConsent")} className="size-5" /> The person who raised it agrees to
        us keeping their name and e-mail
      </label>
      {hasConsent && (
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field label="Raised by" error={errors.raisedBy}>
            {(a11y) => <input {...a11y} {...form.register("raisedBy")} className={inputClass} />}
          </Field>
          <Field label="Their e-mail" error={errors.contactEmail}>
            {(a11y) => <input {...a11y} {...form.register("contactEmail")} type="email" className={inputClass} />}
          </Field>
        </div>
      )}
      <button type="submit" className={secondaryButtonClass} disabled={change.pending}>
        Record the concern
      </button>
    </form>
  );
}
