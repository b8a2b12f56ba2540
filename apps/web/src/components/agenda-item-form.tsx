import { zodResolver } from "@hookform/resolvers/zod";
import { AgendaItemFields } from "@wardpanel/validators";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { useChange } from "../lib/use-change";
import { ChangeStatus } from "./change-status";
import { buttonClass, Field, inputClass, secondaryButtonClass } from "./field";

const FIELDS = ["title", "description", "presenter", "minutesAllowed"] as const;

/** Where a new item can go: `value` is its position among the items shown (0: first). */
export type AgendaPlace = { value: number; label: string };

type Props = {
  initial: AgendaItemFields;
  submitLabel: string;
  /** `position` is the place chosen (see `places`), or undefined when the form offers none. */
  onSubmit: (values: AgendaItemFields, position: number | undefined) => Promise<void>;
  onCancel?: () => void;
  /** For a new item: the places it can go, the last one chosen at first (the end of the agenda). */
  places?: AgendaPlace[];
};

/** Adds or edits an agenda item. Values stay in the form until the server has saved them. */
export function AgendaItemForm({ initial, submitLabel, onSubmit, onCancel, places }: Props) {
  const change = useChange();
  const atEnd = places?.at(-1)?.value;
  const [place, setPlace] = useState<number | undefined>(undefined);
  const form = useForm<AgendaItemFields>({ resolver: zodResolver(AgendaItemFields), defaultValues: initial });
  const errors = form.formState.errors;
  // The caller announces success; a refusal is shown here, against the field it names.
  const submit = form.handleSubmit(async (values) => {
    if (
      await change.run(() => onSubmit(values, places ? (place ?? atEnd) : undefined), {
        form: { setError: form.setError, fields: FIELDS },
      })
    ) {
      form.reset(initial);
      setPlace(undefined);
    }
  });
  return (
    <form onSubmit={submit} noValidate className="max-w-xl">
      <ChangeStatus change={change} />
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
          {(a11y) => (
            <input
              {...a11y}
              {...form.register("minutesAllowed", { valueAsNumber: true })}
              type="number"
              min={1}
              max={180}
              className={inputClass}
            />
          )}
        </Field>
      </div>
      {places && (
        <Field label="Where it goes">
          {(a11y) => (
            <select
              {...a11y}
              value={place ?? atEnd}
              onChange={(e) => setPlace(Number(e.target.value))}
              className={inputClass}
            >
              {places.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass} disabled={change.pending}>
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
