import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { InviteInput } from "@wardpanel/validators";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyServerError } from "../lib/form-errors";
import { useTRPC } from "../lib/trpc";
import { buttonClass, Field, FormAlert, inputClass, secondaryButtonClass } from "./field";
import { RoleGrantFields, wardCodeFromSelect } from "./role-grant-fields";

export function InviteForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const invite = useMutation(trpc.people.invite.mutationOptions());
  const form = useForm<InviteInput>({
    resolver: zodResolver(InviteInput),
    defaultValues: { name: "", email: "", grant: { role: "panel_member", wardCode: null, force: null } },
  });
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit(async (values) => {
    setAlert(null);
    try {
      const { invitePath } = await invite.mutateAsync(values);
      setLink(new URL(invitePath, window.location.origin).href);
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
      {link && <InvitationLink link={link} />}
    </section>
  );
}

export function InvitationLink({ link }: { link: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="mt-4 border-l-4 border-green-800 bg-green-50 p-3">
      <Field label="Invitation link" hint="Send this link to them; it works once and expires in 7 days.">
        {(a11y) => <input {...a11y} readOnly value={link} className={inputClass} onFocus={(e) => e.currentTarget.select()} />}
      </Field>
      <button
        type="button"
        className={secondaryButtonClass}
        onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopied(true))}
      >
        Copy link
      </button>
      <p role="status" className="mt-1">
        {copied ? "Copied." : ""}
      </p>
    </div>
  );
}
