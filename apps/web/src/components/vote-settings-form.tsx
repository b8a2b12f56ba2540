import { zodResolver } from "@hookform/resolvers/zod";
import {
  TIE_BREAK_LABELS,
  TIE_BREAKS,
  VOTE_METHOD_LABELS,
  VOTE_METHODS,
  VoteSettingsInput,
} from "@wardpanel/validators";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { useChange } from "../lib/use-change";
import { ChangeStatus } from "./change-status";
import { buttonClass, Field, inputClass } from "./field";

const FIELDS = ["method", "seats", "dotsPerVoter", "ballotSecrecy", "tieBreak"] as const;

type VoteSettings = z.infer<typeof VoteSettingsInput>;

/** What the panel fixes before the vote opens, and the record keeps: method, places, secrecy, tie-break. */
export function VoteSettingsForm({
  initial,
  submitLabel,
  onSubmit,
}: {
  initial: VoteSettings;
  submitLabel: string;
  onSubmit: (values: VoteSettings) => Promise<void>;
}) {
  const change = useChange();
  const form = useForm<VoteSettings>({ resolver: zodResolver(VoteSettingsInput), defaultValues: initial });
  const errors = form.formState.errors;
  const method = form.watch("method");
  // The caller announces success; a refusal is shown here, against the field it names.
  const submit = form.handleSubmit((values) =>
    change.run(() => onSubmit(values), { form: { setError: form.setError, fields: FIELDS } }),
  );
  return (
    <form onSubmit={submit} noValidate className="max-w-xl">
      <ChangeStatus change={change} />
      <Field label="Method" error={errors.method}>
        {(a11y) => (
          <select {...a11y} {...form.register("method")} className={inputClass}>
            {VOTE_METHODS.map((m) => (
              <option key={m} value={m}>
                {VOTE_METHOD_LABELS[m]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field label="How many priorities to choose" error={errors.seats}>
          {(a11y) => (
            <input
              {...a11y}
              {...form.register("seats", { valueAsNumber: true })}
              type="number"
              min={1}
              max={10}
              className={inputClass}
            />
          )}
        </Field>
        {method === "dots" && (
          <Field label="Dots each" error={errors.dotsPerVoter}>
            {(a11y) => (
              <input
                {...a11y}
                {...form.register("dotsPerVoter", { valueAsNumber: true })}
                type="number"
                min={1}
                max={20}
                className={inputClass}
              />
            )}
          </Field>
        )}
      </div>
      <fieldset className="mb-4">
        <legend className="font-semibold">Ballot</legend>
        <label className="flex min-h-11 items-center gap-2">
          <input type="radio" value="secret" {...form.register("ballotSecrecy")} className="size-5" /> Secret: the
          record shows no names
        </label>
        <label className="flex min-h-11 items-center gap-2">
          <input type="radio" value="open" {...form.register("ballotSecrecy")} className="size-5" /> Open: the record
          names each voter
        </label>
      </fieldset>
      <Field label="If there is a tie" error={errors.tieBreak}>
        {(a11y) => (
          <select {...a11y} {...form.register("tieBreak")} className={inputClass}>
            {TIE_BREAKS.map((t) => (
              <option key={t} value={t}>
                {TIE_BREAK_LABELS[t]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className={buttonClass} disabled={change.pending}>
        {submitLabel}
      </button>
    </form>
  );
}
