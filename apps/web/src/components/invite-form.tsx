import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { InviteInput } from "@wardpanel/validators";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { AccountLinkBox, type SentLink } from "./account-link-box";
import { ChangeStatus } from "./change-status";
import { buttonClass, Field, inputClass } from "./field";
import { RoleGrantFields, wardCodeFromSelect } from "./role-grant-fields";

export function InviteForm() {
  const trpc = useTRPC();
  const change = useChange(trpc.people.pathFilter());
  const [sent, setSent] = useState<SentLink | null>(null);
  const invite = useMutation(trpc.people.invite.mutationOptions());
  const form = useForm<InviteInput>({
    resolver: zodResolver(InviteInput),
    defaultValues: {
      name: "",
      email: "",
      grant: { role: "panel_member", wardCode: null, force: null, boroughCode: null },
    },
  });
  const errors = form.formState.errors;

  // What was sent is shown in full below (the link box), so there is no status line to add.
  const onSubmit = form.handleSubmit(async (values) => {
    const send = async () => {
      const { link, expiresAt, emailed } = await invite.mutateAsync(values);
      setSent({ purpose: "invitation", link, expiresAt, emailed, email: values.email.trim().toLowerCase() });
    };
    if (await change.run(send, { form: { setError: form.setError, fields: ["name", "email"] }, failed: "Not sent" }))
      form.reset();
  });

  return (
    <section aria-labelledby="invite-heading" className="mb-10 max-w-xl">
      <h2 id="invite-heading" className="mb-2 text-2xl font-bold">
        Invite someone
      </h2>
      <ChangeStatus change={change} />
      <form onSubmit={onSubmit} noValidate>
        <Field label="Name" error={errors.name}>
          {(a11y) => <input {...a11y} {...form.register("name")} className={inputClass} autoComplete="off" />}
        </Field>
        <Field label="Email address" error={errors.email}>
          {(a11y) => (
            <input {...a11y} {...form.register("email")} type="email" className={inputClass} autoComplete="off" />
          )}
        </Field>
        <RoleGrantFields
          role={form.register("grant.role")}
          ward={form.register("grant.wardCode", { setValueAs: wardCodeFromSelect })}
          force={form.register("grant.force", { setValueAs: wardCodeFromSelect })}
          borough={form.register("grant.boroughCode", { setValueAs: wardCodeFromSelect })}
          selectedRole={form.watch("grant.role")}
          errors={{
            role: errors.grant?.role,
            wardCode: errors.grant?.wardCode,
            force: errors.grant?.force,
            boroughCode: errors.grant?.boroughCode,
          }}
        />
        <button type="submit" className={buttonClass} disabled={change.pending}>
          Send invitation
        </button>
      </form>
      {sent && <AccountLinkBox sent={sent} />}
    </section>
  );
}
