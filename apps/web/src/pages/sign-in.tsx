import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { SignInInput } from "@wardpanel/validators";
import { useForm } from "react-hook-form";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router";

import { ChangeStatus } from "../components/change-status";
import { buttonClass, Field, inputClass } from "../components/field";
import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { useTitle } from "../lib/use-viewer";

export function SignInPage() {
  useTitle("Sign in");
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // After choosing a new password (reset-password.tsx): who they are, and what happened.
  const arrived = (useLocation().state ?? {}) as { email?: string; notice?: string };
  // Signing in changes who is asking: every query is refreshed.
  const change = useChange("everything");
  const form = useForm<SignInInput>({
    resolver: zodResolver(SignInInput),
    defaultValues: { email: arrived.email ?? "", password: "" },
  });
  const signIn = useMutation(trpc.auth.signIn.mutationOptions());

  const onSubmit = form.handleSubmit(async (values) => {
    if (
      !(await change.run(() => signIn.mutateAsync(values), {
        form: { setError: form.setError, fields: ["email", "password"] },
        failed: "Not signed in",
      }))
    )
      return;
    const next = params.get("next");
    await navigate(next?.startsWith("/staff") ? next : "/staff");
  });

  return (
    <div className="max-w-md">
      <h1 className="mb-4 text-3xl font-bold">Sign in</h1>
      <p className="mb-4">
        For sergeants, chairs, panel members and minute-takers. The public does not need an account.
      </p>
      {arrived.notice && (
        <p role="status" className="mb-4 border-l-4 border-green-800 bg-green-50 p-3 font-semibold text-green-900">
          {arrived.notice}
        </p>
      )}
      <ChangeStatus change={change} />
      <form onSubmit={onSubmit} noValidate>
        <Field label="Email address" error={form.formState.errors.email}>
          {(a11y) => (
            <input {...a11y} {...form.register("email")} type="email" autoComplete="username" className={inputClass} />
          )}
        </Field>
        <Field label="Password" error={form.formState.errors.password}>
          {(a11y) => (
            <input
              {...a11y}
              {...form.register("password")}
              type="password"
              autoComplete="current-password"
              className={inputClass}
            />
          )}
        </Field>
        <button type="submit" className={buttonClass} disabled={change.pending}>
          Sign in
        </button>
      </form>
      <p className="mt-6">
        <Link to="/forgot-password" className="text-blue-800 underline">
          Forgot your password?
        </Link>
      </p>
      <p className="mt-2 text-slate-700">Not got an account? Ask your Ward Panel admin for an invitation.</p>
    </div>
  );
}
