import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { SignInInput } from "@wardpanel/validators";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router";
import { buttonClass, Field, FormAlert, inputClass } from "../components/field";
import { applyServerError } from "../lib/form-errors";
import { useTRPC } from "../lib/trpc";
import { useTitle } from "../lib/use-viewer";

export function SignInPage() {
  useTitle("Sign in");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // After choosing a new password (reset-password.tsx): who they are, and what happened.
  const arrived = (useLocation().state ?? {}) as { email?: string; notice?: string };
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<SignInInput>({ resolver: zodResolver(SignInInput), defaultValues: { email: arrived.email ?? "", password: "" } });
  const signIn = useMutation(trpc.auth.signIn.mutationOptions());

  const onSubmit = form.handleSubmit(async (values) => {
    setAlert(null);
    try {
      await signIn.mutateAsync(values);
      await queryClient.invalidateQueries();
      const next = params.get("next");
      await navigate(next?.startsWith("/staff") ? next : "/staff");
    } catch (error) {
      setAlert(applyServerError(error, form.setError, ["email", "password"]));
    }
  });

  return (
    <div className="max-w-md">
      <h1 className="mb-4 text-3xl font-bold">Sign in</h1>
      <p className="mb-4">For sergeants, chairs, panel members and minute-takers. The public does not need an account.</p>
      {arrived.notice && (
        <p role="status" className="mb-4 border-l-4 border-green-800 bg-green-50 p-3 font-semibold text-green-900">
          {arrived.notice}
        </p>
      )}
      <FormAlert message={alert} />
      <form onSubmit={onSubmit} noValidate>
        <Field label="Email address" error={form.formState.errors.email}>
          {(a11y) => <input {...a11y} {...form.register("email")} type="email" autoComplete="username" className={inputClass} />}
        </Field>
        <Field label="Password" error={form.formState.errors.password}>
          {(a11y) => <input {...a11y} {...form.register("password")} type="password" autoComplete="current-password" className={inputClass} />}
        </Field>
        <button type="submit" className={buttonClass} disabled={form.formState.isSubmitting}>
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
