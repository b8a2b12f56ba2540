import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { AcceptInviteInput } from "@wardpanel/validators";
import { useForm } from "react-hook-form";
import { useNavigate, useParams } from "react-router";

import { ChangeStatus } from "../components/change-status";
import { buttonClass, Field, inputClass } from "../components/field";
import { Loading } from "../components/status";
import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { useTitle } from "../lib/use-viewer";

export function AcceptInvitePage() {
  useTitle("Choose your password");
  const { token = "" } = useParams();
  const trpc = useTRPC();
  const navigate = useNavigate();
  // Accepting signs the person in: every query is refreshed.
  const change = useChange("everything");
  const invitation = useQuery({ ...trpc.auth.invitation.queryOptions({ token }), retry: false });
  const accept = useMutation(trpc.auth.acceptInvite.mutationOptions());
  const form = useForm<AcceptInviteInput>({
    resolver: zodResolver(AcceptInviteInput),
    defaultValues: { token, password: "", confirmPassword: "" },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    if (
      await change.run(() => accept.mutateAsync(values), {
        form: { setError: form.setError, fields: ["password", "confirmPassword"] },
      })
    )
      await navigate("/staff");
  });

  if (invitation.isLoading) return <Loading />;
  if (invitation.error || !invitation.data) {
    return (
      <>
        <h1 className="mb-4 text-3xl font-bold">This invitation link does not work</h1>
        <p>It has expired or has already been used. Ask your Ward Panel admin for a new one.</p>
      </>
    );
  }

  return (
    <div className="max-w-md">
      <h1 className="mb-4 text-3xl font-bold">Welcome, {invitation.data.name}</h1>
      <p className="mb-4">
        Choose a password for {invitation.data.email}. Use at least 12 characters; a few words together works well.
      </p>
      <ChangeStatus change={change} />
      <form onSubmit={onSubmit} noValidate>
        <Field label="Password" error={form.formState.errors.password}>
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
        <Field label="Confirm password" error={form.formState.errors.confirmPassword}>
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
          Set password and sign in
        </button>
      </form>
    </div>
  );
}
