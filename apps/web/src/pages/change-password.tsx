import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { ChangePasswordInput } from "@wardpanel/validators";
import { useForm } from "react-hook-form";

import { ChangeStatus } from "../components/change-status";
import { buttonClass, Field, inputClass } from "../components/field";
import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { useTitle } from "../lib/use-viewer";

const EMPTY: ChangePasswordInput = { currentPassword: "", password: "", confirmPassword: "" };
const FIELDS = ["currentPassword", "password", "confirmPassword"] as const;
const CHANGED = "Your password has been changed. Any other device signed in as you has been signed out.";

/** A signed-in person changes their password; every other device they are signed in on is signed out. */
export function ChangePasswordPage() {
  useTitle("Change your password");
  const trpc = useTRPC();
  const changePassword = useMutation(trpc.account.changePassword.mutationOptions());
  const change = useChange();
  const form = useForm<ChangePasswordInput>({ resolver: zodResolver(ChangePasswordInput), defaultValues: EMPTY });
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit(async (values) => {
    if (
      await change.run(() => changePassword.mutateAsync(values), {
        form: { setError: form.setError, fields: FIELDS },
        done: CHANGED,
      })
    )
      form.reset(EMPTY);
  });

  return (
    <div className="max-w-md">
      <h1 className="mb-4 text-3xl font-bold">Change your password</h1>
      <p className="mb-4">
        Use at least 12 characters; a few words together works well. You stay signed in here and are signed out
        everywhere else.
      </p>
      <ChangeStatus change={change} className="mb-4 border-l-4 border-green-800 bg-green-50 p-3" />
      <form onSubmit={onSubmit} noValidate>
        <Field label="Current password" error={errors.currentPassword}>
          {(a11y) => (
            <input
              {...a11y}
              {...form.register("currentPassword")}
              type="password"
              autoComplete="current-password"
              className={inputClass}
            />
          )}
        </Field>
        <Field label="New password" error={errors.password}>
          {(a11y) => (
            <input
              {...a11y}
              {...form.register("password")}
              type="password"
              autoComplete="new-password"
              className={inputClass}
            />
          )}
        </Field>
        <Field label="Confirm new password" error={errors.confirmPassword}>
          {(a11y) => (
            <input
              {...a11y}
              {...form.register("confirmPassword")}
              type="password"
              autoComplete="new-password"
              className={inputClass}
            />
          )}
        </Field>
        <button type="submit" className={buttonClass} disabled={change.pending}>
          Change password
        </button>
      </form>
    </div>
  );
}
