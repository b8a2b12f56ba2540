import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { ResetPasswordInput } from "@wardpanel/validators";
import { useForm } from "react-hook-form";
import { Link, useNavigate, useParams } from "react-router";

import { ChangeStatus } from "../components/change-status";
import { buttonClass, Field, inputClass } from "../components/field";
import { Loading } from "../components/status";
import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { useTitle } from "../lib/use-viewer";

/** The link from a new-password e-mail: choose the password, then sign in with it. */
export function ResetPasswordPage() {
  useTitle("Choose a new password");
  const { token = "" } = useParams();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const change = useChange();
  const link = useQuery({ ...trpc.account.resetLink.queryOptions({ token }), retry: false });
  const reset = useMutation(trpc.account.resetPassword.mutationOptions());
  const form = useForm<ResetPasswordInput>({
    resolver: zodResolver(ResetPasswordInput),
    defaultValues: { token, password: "", confirmPassword: "" },
  });

  // Success is announced on the sign-in page, which this sends the person on to.
  const onSubmit = form.handleSubmit((values) => {
    const choose = async () => {
      const { email } = await reset.mutateAsync(values);
      await navigate("/sign-in", {
        state: {
          email,
          notice:
            "Your password has been changed, and you have been signed out everywhere. Sign in with your new password.",
        },
      });
    };
    return change.run(choose, { form: { setError: form.setError, fields: ["password", "confirmPassword"] } });
  });

  if (link.isLoading) return <Loading />;
  if (link.error || !link.data) {
    return (
      <div className="max-w-md">
        <h1 className="mb-4 text-3xl font-bold">This link does not work</h1>
        <p className="mb-4">It has expired, has already been used, or a newer link has been sent since.</p>
        <p>
          <Link to="/forgot-password" className="text-blue-800 underline">
            Ask for a new link
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className="max-w-md">
      <h1 className="mb-4 text-3xl font-bold">Choose a new password</h1>
      <p className="mb-4">
        For {link.data.email}. Use at least 12 characters; a few words together works well. Choosing a new password
        signs you out everywhere.
      </p>
      <ChangeStatus change={change} />
      <form onSubmit={onSubmit} noValidate>
        <Field label="New password" error={form.formState.errors.password}>
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
        <Field label="Confirm new password" error={form.formState.errors.confirmPassword}>
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
          Save new password
        </button>
      </form>
    </div>
  );
}
