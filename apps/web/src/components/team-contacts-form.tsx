import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import type { RouterOutputs } from "@wardpanel/api";
import { TeamContactsInput } from "@wardpanel/validators";
import { useForm } from "react-hook-form";

import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { ChangeStatus } from "./change-status";
import { buttonClass, Field, inputClass } from "./field";

type Contacts = RouterOutputs["wards"]["page"]["team"]["contacts"];

const FIELDS = ["baseName", "baseAddress", "email", "phone", "publicNote"] as const;
const SAVED = "Saved. The public ward page now shows these details.";

export function TeamContactsForm({ wardCode, contacts }: { wardCode: string; contacts: Contacts }) {
  const trpc = useTRPC();
  const change = useChange(trpc.wards.pathFilter());
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

  const onSubmit = form.handleSubmit((values) =>
    change.run(() => save.mutateAsync(values), { form: { setError: form.setError, fields: FIELDS }, done: SAVED }),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl">
      <ChangeStatus change={change} />
      <Field label="Where the team is based" hint="For example, Holborn Police Station" error={errors.baseName}>
        {(a11y) => <input {...a11y} {...form.register("baseName")} className={inputClass} />}
      </Field>
      <Field label="Address" error={errors.baseAddress}>
        {(a11y) => (
          <input {...a11y} {...form.register("baseAddress")} className={inputClass} autoComplete="street-address" />
        )}
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
      <button type="submit" className={buttonClass} disabled={change.pending}>
        Save team contacts
      </button>
    </form>
  );
}
