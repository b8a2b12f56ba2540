import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { SntConcernInput } from "@wardpanel/validators";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { ChangeStatus } from "./change-status";
import { ConcernCategoryOptions } from "./concern-category-options";
import { buttonClass, Field, inputClass } from "./field";

type Values = z.input<typeof SntConcernInput>;

/** Concerns the team gathered outside meetings go into the same queue. */
export function SntConcernForm({ wardCode }: { wardCode: string }) {
  const trpc = useTRPC();
  const record = useMutation(trpc.concerns.record.mutationOptions());
  const change = useChange(trpc.concerns.pathFilter());
  const form = useForm<Values>({
    resolver: zodResolver(SntConcernInput),
    defaultValues: {
      wardCode,
      source: "snt",
      description: "",
      location: "",
      postcode: "",
      lon: null,
      lat: null,
      category: "anti-social-behaviour",
    },
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    const fields = { setError: form.setError, fields: ["description", "location", "postcode", "category"] };
    if (
      await change.run(() => record.mutateAsync(values), {
        form: fields,
        done: `Added to the queue: ${values.description}`,
      })
    )
      form.reset();
  });
  return (
    <form onSubmit={submit} noValidate className="max-w-xl">
      <ChangeStatus change={change} />
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
      <button type="submit" className={buttonClass} disabled={change.pending}>
        Add to the queue
      </button>
    </form>
  );
}
