import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@wardpanel/api";
import { TeamContactsInput } from "@wardpanel/validators";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyServerError } from "../lib/form-errors";
import { useTRPC } from "../lib/trpc";
import { buttonClass, Field, FormAlert, inputClass } from "./field";

type Contacts = RouterOutputs["wards"]["page"]["team"]["contacts"];

const FIELDS = ["baseName", "baseAddress", "email", "phone", "publicNote"] as const;

export function TeamContactsForm({ wardCode, contacts }: { wardCode: string; contacts: Contacts }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useMutation(trpc.wards.updateTeamContacts.mutationOptions());
  const form = useForm<TeamContactsInput>({
    resolver: zodResolver(TeamContactsInput),
    defaultValues: {
      wardCode,
      baseName: contacts?.baseName ?? "",
      baseAddress: contacts?.baseAddress ?? "",
      email: contacts?.email ?? "",
      phone: contacts?.phone ?? "",
      publicNote: contacts?.publicNote ?? "",
    },
  });
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit(async (values) => {
    setAlert(null);
    setSaved(false);
    try {
      await save.mutateAsync(values);
      await queryClient.invalidateQueries(trpc.wards.pathFilter());
      setSaved(true);
    } catch (error) {
      setAlert(applyServerError(error, form.setError, FIELDS));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl">
      <FormAlert message={alert} />
      <Field label="Where the team is based" hint="For example, Holborn Police Station" error={errors.baseName}>
        {(a11y) => <input {...a11y} {...form.register("baseName")} className={inputClass} />}
      </Field>
      <Field label="Address" error={errors.baseAddress}>
        {(a11y) => <input {...a11y} {...form.register("baseAddress")} className={inputClass} autoComplete="street-address" />}
      </Field>
      <Field label="Team email" error={errors.email}>
        {(a11y) => <input {...a11y} {...form.register("email")} type="email" className={inputClass} />}
      </Field>
      <Field label="Team phone" error={errors.phone}>
        {(a11y) => <input {...a11y} {...form.register("phone")} type="tel" className={inputClass} />}
      </Field>
      <Field label="Note for the public" error={errors.publicNote}>
        {(a11y) => <textarea {...a11y} {...form.register("publicNote")} rows={3} className={inputClass} />}
      </Field>
      <button type="submit" className={buttonClass} disabled={form.formState.isSubmitting}>
        Save team contacts
      </button>
      <p role="status" className="mt-2 font-semibold text-green-900">
        {saved ? "Saved. The public ward page now shows these details." : ""}
      </p>
    </form>
  );
}
