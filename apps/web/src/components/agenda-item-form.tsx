import { zodResolver } from "@hookform/resolvers/zod";
import { AgendaItemFields } from "@wardpanel/validators";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyServerError } from "../lib/form-errors";
import { buttonClass, Field, FormAlert, inputClass, secondaryButtonClass } from "./field";

const FIELDS = ["title", "description", "presenter", "minutesAllowed"] as const;

type Props = {
  initial: AgendaItemFields;
  submitLabel: string;
  onSubmit: (values: AgendaItemFields) => Promise<void>;
  onCancel?: () => void;
};

/** Adds or edits an agenda item. Values stay in the form until the server has saved them. */
export function AgendaItemForm({ initial, submitLabel, onSubmit, onCancel }: Props) {
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<AgendaItemFields>({ resolver: zodResolver(AgendaItemFields), defaultValues: initial });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    setAlert(null);
    try {
      await onSubmit(values);
      form.reset(initial);
    } catch (error) {
      setAlert(applyServerError(error, form.setError, FIELDS));
    }
  });
  return (
    <form onSubmit={submit} noValidate className="max-w-xl">
      <FormAlert message={alert} />
      <Field label="Item title" error={errors.title}>
        {(a11y) => <input {...a11y} {...form.register("title")} className={inputClass} />}
      </Field>
      <Field label="Description" error={errors.description}>
        {(a11y) => <textarea {...a11y} {...form.register("description")} rows={2} className={inputClass} />}
      </Field>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field label="Presenter" error={errors.presenter}>
          {(a11y) => <input {...a11y} {...form.register("presenter")} className={inputClass} />}
        </Field>
        <Field label="Minutes allowed" error={errors.minutesAllowed}>
          {(a11y) => <input {...a11y} {...form.register("minutesAllowed", { valueAsNumber: true })} type="number" min={1} max={180} className={inputClass} />}
        </Field>
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass} disabled={form.formState.isSubmitting}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className={secondaryButtonClass} onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
