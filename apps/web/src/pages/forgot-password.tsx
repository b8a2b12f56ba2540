import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { PasswordResetRequestInput } from "@wardpanel/validators";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link } from "react-router";

import { ChangeStatus } from "../components/change-status";
import { buttonClass, Field, inputClass } from "../components/field";
import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { useTitle } from "../lib/use-viewer";

/** "Forgot your password?": the address to send a link to, then "check your inbox" whether or not it has an account. */
export function ForgotPasswordPage() {
  useTitle("Forgot your password?");
  const trpc = useTRPC();
  const change = useChange();
  const [sent, setSent] = useState<string | null>(null);
  const request = useMutation(trpc.account.requestPasswordReset.mutationOptions());
  const form = useForm<PasswordResetRequestInput>({
    resolver: zodResolver(PasswordResetRequestInput),
    defaultValues: { email: "" },
  });

  // The box below, which replaces the form, is the success message.
  const onSubmit = form.handleSubmit((values) =>
    change.run(async () => setSent((await request.mutateAsync(values)).message), {
      form: { setError: form.setError, fields: ["email"] },
      failed: "Not sent",
    }),
  );

  return (
    <div className="max-w-md">
      <h1 className="mb-4 text-3xl font-bold">Forgot your password?</h1>
      {sent ? (
        <div role="status" className="mb-4 border-l-4 border-green-800 bg-green-50 p-3">
          <p className="font-semibold text-green-900">{sent}</p>
          <p className="mt-2">
            Open the e-mail and follow the link to choose a new password. If nothing arrives in a few minutes, check
            your spam folder.
          </p>
        </div>
      ) : (
        <>
          <p className="mb-4">
            Enter the e-mail address you sign in with. We will send you a link to choose a new password.
          </p>
          <ChangeStatus change={change} />
          <form onSubmit={onSubmit} noValidate>
            <Field label="Email address" error={form.formState.errors.email}>
              {(a11y) => (
                <input
                  {...a11y}
                  {...form.register("email")}
                  type="email"
                  autoComplete="username"
                  className={inputClass}
                />
              )}
            </Field>
            <button type="submit" className={buttonClass} disabled={change.pending}>
              Send me a link
            </button>
          </form>
        </>
      )}
      <p className="mt-6">
        <Link to="/sign-in" className="text-blue-800 underline">
          Back to sign in
        </Link>
      </p>
    </div>
  );
}
