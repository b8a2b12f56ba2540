import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { SntConcernInput } from "@wardpanel/validators";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyServerError } from "../lib/form-errors";
import { useTRPC } from "../lib/trpc";
import { ConcernCategoryOptions } from "./concern-category-options";
import { buttonClass, Field, FormAlert, inputClass } from "./field";

type Values = z.input<typeof SntConcernInput>;

/** Concerns the team gathered outside meetings go into the same queue. */
export function SntConcernForm({ wardCode, onSaved }: { wardCode: string; onSaved: () => Promise<void> }) {
  const trpc = useTRPC();
  const record = useMutation(trpc.concerns.record.mutationOptions());
  const [alert, setAlert] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(SntConcernInput),
    defaultValues: { wardCode, source: "snt", description: "", location: "", postcode: "", lon: null, lat: null, category: "Anti-social behaviour" },
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    setAlert(null);
    try {
      await record.mutateAsync(values);
      setDone(`Added to the queue: ${values.description}`);
      form.reset();
      await onSaved();
    } catch (error) {
      setAlert(applyServerError(error, form.setError, ["description", "location", "postcode", "category"]));
    }
  });
  return (
    <form onSubmit={submit} noValidate className="max-w-xl">
      <FormAlert message={alert} />
      <p role="status" className="font-semibold text-green-900">
        {done ?? ""}
      </p>
      <Field label="The concern" error={errors.description}>
        {(a11y) => <textarea {...a11y} {...form.register("description")} rows={2} className={inputClass} />}
      </Field>
      <Field label="Where" error={errors.location}>
        {(a11y) => <input {...a11y} {...form.register("location")} className={inputClass} />}
      </Field>
      <Field label="Postcode (if known)" error={errors.postcode}>
        {(a11y) => <input {...a11y} {...form.register("postcode")} className={inputClass} />}
      </Field>
      <Field label="Category" error={errors.category}>
        {(a11y) => (
          <select {...a11y} {...form.register("category")} className={inputClass}>
            <ConcernCategoryOptions />
          </select>
        )}
      </Field>
      <button type="submit" className={buttonClass}>
        Add to the queue
      </button>
    </form>
  );
}
