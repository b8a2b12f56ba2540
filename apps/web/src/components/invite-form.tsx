import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { InviteInput } from "@wardpanel/validators";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyServerError } from "../lib/form-errors";
import { useTRPC } from "../lib/trpc";
import { AccountLinkBox, type SentLink } from "./account-link-box";
import { buttonClass, Field, FormAlert, inputClass } from "./field";
import { RoleGrantFields, wardCodeFromSelect } from "./role-grant-fields";

export function InviteForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const [sent, setSent] = useState<SentLink | null>(null);
  const invite = useMutation(trpc.people.invite.mutationOptions());
  const form = useForm<InviteInput>({
    resolver: zodResolver(InviteInput),
    defaultValues: { name: "", email: "", grant: { role: "panel_member", wardCode: null, force: null } },
  });
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit(async (values) => {
    setAlert(null);
    try {
      const { link, expiresAt, emailed } = await invite.mutateAsync(values);
      setSent({ purpose: "invitation", link, expiresAt, emailed, email: values.email.trim().toLowerCase() });
      form.reset();
      await queryClient.invalidateQueries(trpc.people.pathFilter());
    } catch (error) {
      setAlert(applyServerError(error, form.setError, ["name", "email"]));
    }
  });

  return (
    <section aria-labelledby="invite-heading" className="mb-10 max-w-xl">
      <h2 id="invite-heading" className="mb-2 text-2xl font-bold">
        Invite someone
      </h2>
      <FormAlert message={alert} />
      <form onSubmit={onSubmit} noValidate>
        <Field label="Name" error={errors.name}>
          {(a11y) => <input {...a11y} {...form.register("name")} className={inputClass} autoComplete="off" />}
        </Field>
        <Field label="Email address" error={errors.email}>
          {(a11y) => <input {...a11y} {...form.register("email")} type="email" className={inputClass} autoComplete="off" />}
        </Field>
        <RoleGrantFields
          role={form.register("grant.role")}
          ward={form.register("grant.wardCode", { setValueAs: wardCodeFromSelect })}
          force={form.register("grant.force", { setValueAs: wardCodeFromSelect })}
          selectedRole={form.watch("grant.role")}
          errors={{ role: errors.grant?.role, wardCode: errors.grant?.wardCode, force: errors.grant?.force }}
        />
        <button type="submit" className={buttonClass} disabled={form.formState.isSubmitting}>
          Send invitation
        </button>
      </form>
      {sent && <AccountLinkBox sent={sent} />}
    </section>
  );
}
