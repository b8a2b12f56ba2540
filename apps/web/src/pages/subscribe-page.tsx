import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { SubscribeInput } from "@wardpanel/validators";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link, useParams } from "react-router";

import { ChangeStatus } from "../components/change-status";
import { buttonClass, Field, inputClass } from "../components/field";
import { LoadError, Loading } from "../components/status";
import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { useTitle } from "../lib/use-viewer";

// The procedure checks the same rule (subscriptions.request, with SubscribeInput).

/** Double opt-in, step one: the address, then "check your inbox". */
export function SubscribePage() {
  const { wardCode = "" } = useParams();
  const trpc = useTRPC();
  const page = useQuery({ ...trpc.wards.page.queryOptions({ wardCode }), retry: false });
  const change = useChange();
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<SubscribeInput>({ resolver: zodResolver(SubscribeInput), defaultValues: { email: "" } });
  const subscribe = useMutation(trpc.subscriptions.request.mutationOptions());
  useTitle(page.data ? `Get ${page.data.ward.name} ward's updates by e-mail` : "Get updates by e-mail");

  // The box that replaces the form is the success message.
  const onSubmit = form.handleSubmit((values) =>
    change.run(async () => setDone((await subscribe.mutateAsync({ wardCode, ...values })).message), {
      form: { setError: form.setError, fields: ["email"] },
      failed: "Not subscribed",
    }),
  );

  if (page.isLoading) return <Loading />;
  if (page.error || !page.data) return <LoadError error={page.error ?? { message: "No data." }} />;
  const ward = page.data.ward;
  return (
    <div className="max-w-xl">
      <p className="text-lg text-slate-700">{ward.boroughName}</p>
      <h1 className="mb-4 text-3xl font-bold">Get {ward.name} ward's updates by e-mail</h1>
      {done ? (
        <div role="status" className="border-l-4 border-green-800 bg-green-50 p-3 font-semibold text-green-900">
          {done} Follow the link in it to start your subscription.
        </div>
      ) : (
        <>
          <p className="mb-4">
            Once a month, when the Safer Neighbourhoods Team publishes its crime and policing update, we e-mail it to
            you. We use your address for nothing else, and every e-mail has a link to stop them with one click.
          </p>
          <ChangeStatus change={change} />
          <form onSubmit={onSubmit} noValidate>
            <Field
              label="Email address"
              hint="We will send a link to this address to confirm it is yours."
              error={form.formState.errors.email}
            >
              {(a11y) => (
                <input {...a11y} {...form.register("email")} type="email" autoComplete="email" className={inputClass} />
              )}
            </Field>
            <button type="submit" className={buttonClass} disabled={change.pending}>
              Subscribe
            </button>
          </form>
        </>
      )}
      <p className="mt-6">
        <Link to={`/wards/${ward.code}/packs`} className="text-blue-800 underline">
          Read past updates
        </Link>
      </p>
    </div>
  );
}
