import { zodResolver } from "@hookform/resolvers/zod";
import { OFFICER_RANKS, OfficerFields } from "@wardpanel/validators";
import { useForm, type UseFormSetError } from "react-hook-form";

import type { Change } from "../lib/use-change";
import { buttonClass, Field, inputClass, secondaryButtonClass } from "./field";

const FIELDS = ["name", "rank", "email"] as const;

/**
 * An officer's name, rank and own e-mail address, for adding one or correcting one. `save` sends
 * the checked values through the list's change (errors from the server land on their field).
 */
export function OfficerForm({
  initial,
  submitLabel,
  change,
  save,
  onCancel,
}: {
  initial: OfficerFields;
  submitLabel: string;
  change: Change;
  save: (
    values: OfficerFields,
    form: { setError: UseFormSetError<OfficerFields>; fields: typeof FIELDS },
  ) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const form = useForm<OfficerFields>({ resolver: zodResolver(OfficerFields), defaultValues: initial });
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    if (await save(values, { setError: form.setError, fields: FIELDS })) form.reset(initial);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl">
      <Field label="Name, as the public sees it" hint="For example, PC Ben Okafor" error={errors.name}>
        {(a11y) => <input {...a11y} {...form.register("name")} className={inputClass} />}
      </Field>
      <Field label="Rank" error={errors.rank}>
        {(a11y) => (
          <select {...a11y} {...form.register("rank")} className={inputClass}>
            {OFFICER_RANKS.map((rank) => (
              <option key={rank} value={rank}>
                {rank}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label="Work e-mail address (optional)"
        hint="Shown on the public ward page. Leave empty to show only the team's."
        error={errors.email}
      >
        {(a11y) => <input {...a11y} {...form.register("email")} type="email" className={inputClass} />}
      </Field>
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
