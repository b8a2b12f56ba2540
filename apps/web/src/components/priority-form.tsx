import { zodResolver } from "@hookform/resolvers/zod";
import { type AreaGeometry, PriorityFields } from "@wardpanel/validators";
import type { ReactNode } from "react";
import { Controller, useForm } from "react-hook-form";
import { z } from "zod";

import { isoDate } from "../lib/dates";
import { useChange } from "../lib/use-change";
import { ChangeStatus } from "./change-status";
import { ConcernCategoryOptions } from "./concern-category-options";
import { buttonClass, Field, inputClass } from "./field";

/** Lists are typed one per line; the form turns them into arrays before checking with PriorityFields. */
const lines = (text: string) =>
  text
    .split(/\n|,/)
    .map((s) => s.trim())
    .filter(Boolean);
const FormValues = PriorityFields.omit({ streets: true, postcodes: true, category: true }).extend({
  streets: z.string(),
  postcodes: z.string(),
  category: z.string(),
});
type FormValues = z.infer<typeof FormValues>;
const Checked = FormValues.transform((v) => ({
  ...v,
  streets: lines(v.streets),
  postcodes: lines(v.postcodes).map((p) => p.toUpperCase()),
  category: v.category || null,
})).pipe(PriorityFields);

const FIELDS = [
  "title",
  "problem",
  "category",
  "area",
  "streets",
  "postcodes",
  "placeName",
  "wantedAction",
  "successMeasure",
  "startDate",
  "reviewDate",
  "owner",
] as const;

const threeMonthsAfter = (date: string) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 3);
  return isoDate(d);
};

type Props = {
  initial: PriorityFields;
  submitLabel: string;
  onSubmit: (fields: PriorityFields) => Promise<void>;
  /** The area editor, given the current area and a setter (an SVG map of the ward). */
  renderAreaEditor: (value: AreaGeometry | null, onChange: (area: AreaGeometry | null) => void) => ReactNode;
};

/** Makes a priority specific: where, what, what is wanted, how success is judged, until when, whose. */
export function PriorityForm({ initial, submitLabel, onSubmit, renderAreaEditor }: Props) {
  // The caller refreshes and announces success; a refusal is shown here, against the field it names.
  const change = useChange();
  const form = useForm<FormValues>({
    resolver: zodResolver(FormValues),
    defaultValues: {
      ...initial,
      streets: initial.streets.join("\n"),
      postcodes: initial.postcodes.join("\n"),
      category: initial.category ?? "",
    },
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    change.say(null);
    const checked = Checked.safeParse(values);
    if (!checked.success) {
      for (const issue of checked.error.issues)
        form.setError(String(issue.path[0]) as keyof FormValues, { message: issue.message });
      return;
    }
    await change.run(() => onSubmit(checked.data), { form: { setError: form.setError, fields: FIELDS } });
  });
  return (
    <form onSubmit={submit} noValidate className="max-w-2xl">
      <ChangeStatus change={change} />
      <Field
        label="Title"
        hint="Short and specific, like “Drug dealing by the play area in the evenings”"
        error={errors.title}
      >
        {(a11y) => <input {...a11y} {...form.register("title")} className={inputClass} />}
      </Field>
      <Field label="The problem, in plain words" error={errors.problem}>
        {(a11y) => <textarea {...a11y} {...form.register("problem")} rows={3} className={inputClass} />}
      </Field>
      <Field
        label="Category"
        hint="The same list as concerns; the control rooms' feed passes on police.uk's own categories"
        error={errors.category}
      >
        {(a11y) => (
          <select {...a11y} {...form.register("category")} className={inputClass}>
            <option value="">None fits</option>
            <ConcernCategoryOptions />
          </select>
        )}
      </Field>
      <fieldset className="mb-4 rounded border-2 border-slate-300 p-3">
        <legend className="px-1 font-semibold">Where</legend>
        {errors.area && <p className="font-semibold text-red-800">{errors.area.message}</p>}
        <Controller
          control={form.control}
          name="area"
          render={({ field }) => <>{renderAreaEditor(field.value, field.onChange)}</>}
        />
        <Field label="Streets" hint="One per line" error={errors.streets}>
          {(a11y) => <textarea {...a11y} {...form.register("streets")} rows={2} className={inputClass} />}
        </Field>
        <Field label="Postcodes" hint="One per line, like WC1N 3NR" error={errors.postcodes}>
          {(a11y) => <textarea {...a11y} {...form.register("postcodes")} rows={2} className={inputClass} />}
        </Field>
        <Field label="Place" hint="A name people know, like “the play area by the station”" error={errors.placeName}>
          {(a11y) => <input {...a11y} {...form.register("placeName")} className={inputClass} />}
        </Field>
      </fieldset>
      <Field label="What the panel wants done" error={errors.wantedAction}>
        {(a11y) => <textarea {...a11y} {...form.register("wantedAction")} rows={2} className={inputClass} />}
      </Field>
      <Field label="How success will be judged" error={errors.successMeasure}>
        {(a11y) => <textarea {...a11y} {...form.register("successMeasure")} rows={2} className={inputClass} />}
      </Field>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field label="Start date" error={errors.startDate}>
          {(a11y) => (
            <input
              {...a11y}
              {...form.register("startDate", {
                setValueAs: (v: string) => v || null,
                onChange: (e: { target: { value: string } }) => {
                  if (e.target.value && !form.getValues("reviewDate"))
                    form.setValue("reviewDate", threeMonthsAfter(e.target.value));
                },
              })}
              type="date"
              className={inputClass}
            />
          )}
        </Field>
        <Field
          label="Review date"
          hint="Three months after the start unless the panel says otherwise"
          error={errors.reviewDate}
        >
          {(a11y) => (
            <input
              {...a11y}
              {...form.register("reviewDate", { setValueAs: (v: string) => v || null })}
              type="date"
              className={inputClass}
            />
          )}
        </Field>
      </div>
      <Field label="Owner" hint="Who answers for it, like the ward sergeant" error={errors.owner}>
        {(a11y) => <input {...a11y} {...form.register("owner")} className={inputClass} />}
      </Field>
      <button type="submit" className={buttonClass} disabled={change.pending}>
        {submitLabel}
      </button>
    </form>
  );
}
