import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { ActionFields, RecordConcernInput } from "@wardpanel/validators";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { applyServerError } from "../lib/form-errors";
import { useTRPC } from "../lib/trpc";
import { ConcernCategoryOptions } from "./concern-category-options";
import { Field, FormAlert, inputClass, secondaryButtonClass } from "./field";

type ItemRef = { wardCode: string; meetingId: number; itemId: number };

/** A failed save keeps what was typed in the form and says so, so nothing handed over is lost. */
const notSaved = (message: string | null) => (message ? `Not saved: ${message} What you typed is still here; try again.` : null);

const DecisionFields = z.object({ text: z.string().trim().min(1, "Write the decision").max(1000, "Keep this under 1,000 characters") });

export function DecisionForm({ onSaved, ...ref }: ItemRef & { onSaved: () => Promise<void> }) {
  const trpc = useTRPC();
  const add = useMutation(trpc.live.addDecision.mutationOptions());
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<z.infer<typeof DecisionFields>>({ resolver: zodResolver(DecisionFields), defaultValues: { text: "" } });
  const submit = form.handleSubmit(async (values) => {
    setAlert(null);
    try {
      await add.mutateAsync({ ...ref, ...values });
      form.reset();
      await onSaved();
    } catch (error) {
      setAlert(notSaved(applyServerError(error, form.setError, ["text"])));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <FormAlert message={alert} />
      <Field label="Decision" error={form.formState.errors.text}>
        {(a11y) => <input {...a11y} {...form.register("text")} className={inputClass} />}
      </Field>
      <button type="submit" className={secondaryButtonClass}>
        Record the decision
      </button>
    </form>
  );
}

export function ActionForm({ onSaved, ...ref }: ItemRef & { onSaved: () => Promise<void> }) {
  const trpc = useTRPC();
  const add = useMutation(trpc.live.addAction.mutationOptions());
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<z.infer<typeof ActionFields>>({ resolver: zodResolver(ActionFields), defaultValues: { description: "", owner: "", dueDate: "" } });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    setAlert(null);
    try {
      await add.mutateAsync({ ...ref, ...values });
      form.reset();
      await onSaved();
    } catch (error) {
      setAlert(notSaved(applyServerError(error, form.setError, ["description", "owner", "dueDate"])));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <FormAlert message={alert} />
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
      <button type="submit" className={secondaryButtonClass}>
        Record the action
      </button>
    </form>
  );
}

type ConcernValues = z.input<typeof RecordConcernInput>;
const CONCERN_FIELDS = ["description", "location", "category", "hasConsent", "raisedBy", "contactEmail"] as const;

/** A concern raised in the room: what, where, category, and who raised it only with their consent. */
export function ConcernForm({ wardCode, meetingId, onSaved }: { wardCode: string; meetingId: number; onSaved: () => Promise<void> }) {
  const trpc = useTRPC();
  const record = useMutation(trpc.live.recordConcern.mutationOptions());
  const [alert, setAlert] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<ConcernValues>({
    resolver: zodResolver(RecordConcernInput),
    defaultValues: { wardCode, meetingId, description: "", location: "", category: "Anti-social behaviour", hasConsent: false, raisedBy: "", contactEmail: "" },
  });
  const errors = form.formState.errors;
  const hasConsent = form.watch("hasConsent");
  const submit = form.handleSubmit(async (values) => {
    setAlert(null);
    setDone(null);
    try {
      await record.mutateAsync(values);
      setDone(`Concern recorded: ${values.description}`);
      form.reset();
      await onSaved();
    } catch (error) {
      setAlert(notSaved(applyServerError(error, form.setError, CONCERN_FIELDS)));
    }
  });
  return (
    <form onSubmit={submit} noValidate className="max-w-xl">
      <FormAlert message={alert} />
      <p role="status" className="font-semibold text-green-900">
        {done ?? ""}
      </p>
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
        <input type="checkbox" {...form.register("hasConsent")} className="size-5" /> The person who raised it agrees to us keeping their name and e-mail
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
      <button type="submit" className={secondaryButtonClass}>
        Record the concern
      </button>
    </form>
  );
}
