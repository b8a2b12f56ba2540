import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { SubscribeInput } from "@wardpanel/validators";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

import { ChangeStatus } from "../components/change-status";
import { buttonClass, Field, inputClass } from "../components/field";
import { LoadError, Loading } from "../components/status";
import { useWardName, WardText } from "../components/ward-name";
import { useFormWords } from "../lib/form-words";
import { useTranslatedPage } from "../lib/translated-page";
import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { useTitle } from "../lib/use-viewer";

// The procedure checks the same rule (subscriptions.request, with SubscribeInput).

/** Double opt-in, step one: the address, then "check your inbox". */
export function SubscribePage() {
  const { t, i18n } = useTranslation();
  const words = useFormWords();
  useTranslatedPage();
  const { wardCode = "" } = useParams();
  const trpc = useTRPC();
  const page = useQuery({ ...trpc.wards.page.queryOptions({ wardCode }), retry: false });
  const nameOf = useWardName();
  const change = useChange();
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<SubscribeInput>({ resolver: zodResolver(SubscribeInput), defaultValues: { email: "" } });
  const subscribe = useMutation(trpc.subscriptions.request.mutationOptions());
  useTitle(page.data ? t("subscribe.title", { ward: nameOf(page.data.ward) }) : t("subscribe.titleNoWard"));

  // The box that replaces the form is the success message.
  const onSubmit = form.handleSubmit((values) =>
    change.run(
      async () => {
        // The e-mails come in the language the page is in now.
        await subscribe.mutateAsync({ wardCode, ...values, language: i18n.language });
        setDone(t("subscribe.checkInbox", { email: values.email }));
      },
      {
        form: { setError: form.setError, fields: ["email"] },
        failed: (reason) => `${t("subscribe.notSubscribed")}: ${words.say(reason)}`,
      },
    ),
  );

  if (page.isLoading) return <Loading />;
  if (page.error || !page.data) return <LoadError error={page.error ?? { message: "No data." }} />;
  const ward = page.data.ward;
  return (
    <div className="max-w-xl">
      <p className="text-lg text-slate-700">{ward.boroughName}</p>
      <h1 className="mb-4 text-3xl font-bold">
        <WardText i18nKey="subscribe.title" ward={ward} />
      </h1>
      {done ? (
        <div role="status" className="border-l-4 border-green-800 bg-green-50 p-3 font-semibold text-green-900">
          {done}
        </div>
      ) : (
        <>
          <p className="mb-4">{t("subscribe.intro")}</p>
          <ChangeStatus change={change} />
          <form onSubmit={onSubmit} noValidate>
            <Field
              label={t("subscribe.emailLabel")}
              hint={t("subscribe.emailHint")}
              error={words.error(form.formState.errors.email)}
            >
              {(a11y) => (
                <input {...a11y} {...form.register("email")} type="email" autoComplete="email" className={inputClass} />
              )}
            </Field>
            <button type="submit" className={buttonClass} disabled={change.pending}>
              {t("subscribe.submit")}
            </button>
          </form>
        </>
      )}
      <p className="mt-6">
        <Link to={`/wards/${ward.code}/packs`} className="text-blue-800 underline">
          {t("subscribe.pastUpdates")}
        </Link>
      </p>
    </div>
  );
}
