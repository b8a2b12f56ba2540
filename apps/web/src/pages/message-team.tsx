import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@wardpanel/api";
import { MESSAGE_TOPIC_SLUGS, SendMessageInput } from "@wardpanel/validators";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { Trans, useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { z } from "zod";

import { ChangeStatus } from "../components/change-status";
import { buttonClass, Field, inputClass } from "../components/field";
import { NotForEmergencies, QuickExit } from "../components/quick-exit";
import { LoadError, Loading } from "../components/status";
import { WardText } from "../components/ward-name";
import { useFormWords } from "../lib/form-words";
import { useTranslatedPage } from "../lib/translated-page";
import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { useTitle } from "../lib/use-viewer";

/** The form's own fields: the ward comes from the page and `openedAt` from when the form was shown. */
const MessageFormSchema = SendMessageInput.omit({ wardCode: true, openedAt: true, language: true });
type MessageValues = z.input<typeof MessageFormSchema>;
type Sent = RouterOutputs["messages"]["send"];
const FIELDS = ["topic", "body", "name", "contactEmail", "contactPhone"] as const;
const EMPTY: Omit<MessageValues, "topic"> = {
  body: "",
  name: "",
  contactEmail: "",
  contactPhone: "",
  hasConsent: false,
  website: "",
};

/**
 * "Message your team": a resident writes to the ward's Safer Neighbourhoods Team. The 999 and 101
 * routes come before the form, an "Exit this page" button stays in reach, and contact details are
 * optional and kept only with consent. The confirmation gives the reference and the private link.
 * In the reader's language, which is sent with the message: the team sees it and replies in it.
 */
export function MessageTeamPage() {
  const { wardCode = "" } = useParams();
  const { t } = useTranslation();
  useTranslatedPage();
  const trpc = useTRPC();
  const page = useQuery({ ...trpc.wards.page.queryOptions({ wardCode }), retry: false });
  const [sent, setSent] = useState<Sent | null>(null);
  useTitle(sent ? t("messageForm.titleSent") : t("messageForm.title"));
  if (page.isLoading) return <Loading />;
  if (page.error || !page.data) return <LoadError error={page.error ?? { message: "No data." }} />;
  const { ward, takesMessages, responseFigure } = page.data;
  return (
    <>
      <QuickExit />
      <p className="text-lg text-slate-700">
        <WardText i18nKey="messageForm.ward" ward={ward} />
      </p>
      <h1 className="mb-4 text-3xl font-bold">{t("messageForm.heading")}</h1>
      <NotForEmergencies />
      {sent ? (
        <Confirmation sent={sent} onAnother={() => setSent(null)} />
      ) : takesMessages ? (
        <>
          <p className="mb-4 max-w-2xl">{t("messageForm.intro", { hours: responseFigure.targetHours })}</p>
          <MessageForm wardCode={ward.code} onSent={setSent} />
        </>
      ) : (
        <p className="max-w-2xl font-bold">
          <WardText i18nKey="messageForm.noTeam" ward={ward} />
        </p>
      )}
      <p className="mt-6">
        <Link to={`/wards/${ward.code}`} className="text-blue-800 underline">
          <WardText i18nKey="messageForm.back" ward={ward} />
        </Link>
      </p>
    </>
  );
}

function MessageForm({ wardCode, onSent }: { wardCode: string; onSent: (sent: Sent) => void }) {
  const { t, i18n } = useTranslation();
  const words = useFormWords();
  const trpc = useTRPC();
  const send = useMutation(trpc.messages.send.mutationOptions());
  const openedAt = useRef(Date.now());
  const change = useChange();
  const form = useForm<MessageValues>({ resolver: zodResolver(MessageFormSchema), defaultValues: EMPTY });
  const { errors } = form.formState;
  const hasConsent = form.watch("hasConsent");

  // The confirmation that replaces the form is the success message: it says more than a status line.
  const onSubmit = form.handleSubmit(async (values) => {
    const parsed = MessageFormSchema.parse(values);
    // Without the box ticked no contact details are sent, whatever was typed before unticking it.
    const input = parsed.hasConsent ? parsed : { ...parsed, name: "", contactEmail: "", contactPhone: "" };
    let answer: Sent | null = null;
    const ran = await change.run(
      async () => {
        answer = await send.mutateAsync({ ...input, wardCode, openedAt: openedAt.current, language: i18n.language });
      },
      {
        form: { setError: form.setError, fields: FIELDS },
        failed: (reason) => `${t("messageForm.notSent")}: ${words.say(reason)}`,
      },
    );
    if (ran && answer) onSent(answer);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl">
      <ChangeStatus change={change} />
      <Field label={t("messageForm.topic")} error={words.error(errors.topic)}>
        {(a11y) => (
          <select {...a11y} {...form.register("topic")} className={inputClass}>
            <option value="">{t("messageForm.chooseOne")}</option>
            {MESSAGE_TOPIC_SLUGS.map((slug) => (
              <option key={slug} value={slug}>
                {t(`messageTopics.${slug}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("messageForm.body")} hint={t("messageForm.bodyHint")} error={words.error(errors.body)}>
        {(a11y) => <textarea {...a11y} {...form.register("body")} rows={6} className={inputClass} />}
      </Field>
      <fieldset className="mb-4">
        <legend className="font-semibold">{t("messageForm.contactLegend")}</legend>
        <p className="text-sm text-slate-700">{t("messageForm.contactIntro")}</p>
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" {...form.register("hasConsent")} className="size-5" /> {t("messageForm.consent")}
        </label>
        {hasConsent && (
          <>
            <Field label={t("messageForm.name")} error={words.error(errors.name)}>
              {(a11y) => <input {...a11y} {...form.register("name")} autoComplete="name" className={inputClass} />}
            </Field>
            <Field
              label={t("messageForm.email")}
              hint={t("messageForm.emailHint")}
              error={words.error(errors.contactEmail)}
            >
              {(a11y) => (
                <input
                  {...a11y}
                  {...form.register("contactEmail")}
                  type="email"
                  autoComplete="email"
                  className={inputClass}
                />
              )}
            </Field>
            <Field label={t("messageForm.phone")} error={words.error(errors.contactPhone)}>
              {(a11y) => (
                <input
                  {...a11y}
                  {...form.register("contactPhone")}
                  type="tel"
                  autoComplete="tel"
                  className={`${inputClass} max-w-60`}
                />
              )}
            </Field>
          </>
        )}
      </fieldset>
      {/* Never seen by people (hidden and out of the tab order); a bot filling it in is turned away. */}
      <div aria-hidden="true" className="sr-only">
        <label>
          {t("messageForm.honeypot")}
          <input {...form.register("website")} type="text" tabIndex={-1} autoComplete="off" />
        </label>
      </div>
      <button type="submit" className={buttonClass} disabled={change.pending}>
        {t("messageForm.send")}
      </button>
    </form>
  );
}

function Confirmation({ sent, onAnother }: { sent: Sent; onAnother: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // The form goes away once sent: move focus to the confirmation so keyboard users are not lost.
  useEffect(() => heading.current?.focus(), []);
  const link = sent.threadPath ? new URL(sent.threadPath, window.location.origin).toString() : null;
  return (
    <div role="status" className="mb-4 max-w-2xl border-l-8 border-green-800 bg-green-50 p-4">
      <h2 ref={heading} tabIndex={-1} className="text-2xl font-bold">
        {t("messageForm.sentHeading")}
      </h2>
      {sent.reference && (
        <p className="mt-2">
          <Trans
            i18nKey="messageForm.reference"
            values={{ reference: sent.reference }}
            components={{ strong: <strong /> }}
          />
        </p>
      )}
      {sent.threadPath && link && (
        <>
          <p className="mt-2">
            <Trans
              i18nKey="messageForm.readReply"
              components={{ anchor: <Link to={sent.threadPath} className="font-semibold text-blue-800 underline" /> }}
            />
          </p>
          {sent.isEmailed ? (
            <p className="mt-2">{t("messageForm.emailed")}</p>
          ) : (
            <p className="mt-2 font-bold">
              {t("messageForm.keepLink")} <span className="block font-normal break-all">{link}</span>
            </p>
          )}
        </>
      )}
      <button type="button" onClick={onAnother} className="mt-3 text-blue-800 underline">
        {t("messageForm.another")}
      </button>
    </div>
  );
}
