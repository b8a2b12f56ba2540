import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { PersonalDataRequest } from "@wardpanel/validators";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { BackLink } from "../components/back-link";
import { ChangeStatus } from "../components/change-status";
import { ConfirmButton } from "../components/confirm-button";
import { buttonClass, Field, inputClass, secondaryButtonClass } from "../components/field";
import { downloadJson, heldItems } from "../components/personal-data-summary";
import { LoadError, Loading } from "../components/status";
import { useTRPC } from "../lib/trpc";
import { useAccess } from "../lib/use-access";
import { useChange } from "../lib/use-change";
import { useTitle, useViewer } from "../lib/use-viewer";

/** Admins: answer a subject access request (export as JSON) or an erasure request for an e-mail address. */
export function PersonalDataPage() {
  useTitle("Personal data requests");
  const trpc = useTRPC();
  const [email, setEmail] = useState<string | null>(null);
  const change = useChange(trpc.personalData.pathFilter());
  const form = useForm<PersonalDataRequest>({
    resolver: zodResolver(PersonalDataRequest),
    defaultValues: { email: "" },
  });
  const { isLoading } = useViewer();
  const { isAdmin } = useAccess();
  const held = useQuery({
    ...trpc.personalData.export.queryOptions({ email: email ?? "" }),
    enabled: isAdmin && email !== null,
    retry: false,
  });
  const erase = useMutation(trpc.personalData.erase.mutationOptions());

  const onFind = form.handleSubmit((values) => {
    change.say(null);
    setEmail(values.email);
  });

  const onErase = (address: string) =>
    change.run(() => erase.mutateAsync({ email: address }), {
      form: { setError: form.setError, fields: ["email"] },
      done: `Erased what was held about ${address}.`,
      failed: "Not erased",
    });

  if (isLoading) return <Loading />;
  if (!isAdmin || held.error?.data?.code === "FORBIDDEN") {
    return (
      <>
        <h1 className="mb-2 text-3xl font-bold">Personal data requests</h1>
        <p>Only an admin can export or erase personal data.</p>
      </>
    );
  }
  const items = held.data ? heldItems(held.data) : [];
  return (
    <>
      <BackLink to="/staff/people">Back to people and roles</BackLink>
      <h1 className="mb-2 text-3xl font-bold">Personal data requests</h1>
      <p className="mb-4 max-w-2xl">
        When someone asks what Ward Panel holds about them, or asks for it to be erased, find it by their e-mail
        address. The export is everything held, as a file you can send them.
      </p>
      <form onSubmit={onFind} noValidate className="mb-6 max-w-xl">
        <Field label="E-mail address" error={form.formState.errors.email}>
          {(a11y) => (
            <input {...a11y} {...form.register("email")} type="email" className={inputClass} autoComplete="off" />
          )}
        </Field>
        <button type="submit" className={buttonClass}>
          Find what is held
        </button>
      </form>
      <ChangeStatus change={change} />
      {held.isLoading && <Loading />}
      {held.error && <LoadError error={held.error} />}
      {held.data && (
        <section aria-labelledby="held-heading" className="max-w-2xl">
          <h2 id="held-heading" className="mb-2 text-2xl font-bold">
            What is held about {held.data.email}
          </h2>
          {items.length === 0 ? (
            <p>Nothing is held about this address.</p>
          ) : (
            <>
              <ul className="mb-4 list-disc pl-6">
                {items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
              <div className="flex flex-wrap items-start gap-3">
                <button type="button" className={secondaryButtonClass} onClick={() => downloadJson(held.data)}>
                  Download everything as JSON
                </button>
                <ConfirmButton
                  label="Erase this person's data"
                  danger
                  question={
                    <p>
                      Erase what is held about {held.data.email}? A staff account becomes “Former member”, is signed out
                      and loses its roles; subscriptions and public sign-ins are deleted; contact details on concerns
                      are cleared. This cannot be undone: download the export first if they asked for a copy.
                    </p>
                  }
                  confirmLabel="Yes, erase it"
                  onConfirm={() => onErase(held.data.email)}
                />
              </div>
            </>
          )}
        </section>
      )}
    </>
  );
}
