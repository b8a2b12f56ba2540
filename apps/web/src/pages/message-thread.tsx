import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@wardpanel/api";
import type { Translate } from "@wardpanel/i18n";
import { NotGoodEnoughInput, ResidentReplyInput } from "@wardpanel/validators";
import { useForm } from "react-hook-form";
import { Trans, useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { z } from "zod";

import { ChangeStatus } from "../components/change-status";
import { buttonClass, Field, inputClass, secondaryButtonClass } from "../components/field";
import { NotForEmergencies, QuickExit } from "../components/quick-exit";
import { LoadError, Loading } from "../components/status";
import { useWardName } from "../components/ward-name";
import { When } from "../components/when";
import { useFormWords } from "../lib/form-words";
import { useTranslatedPage } from "../lib/translated-page";
import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { useTitle } from "../lib/use-viewer";

type Thread = RouterOutputs["messages"]["thread"];
type Entry = Thread["thread"][number];

/** Who wrote an entry and what it was, in plain words in the reader's language. */
function entryHeading(t: Translate, entry: Entry): string {
  switch (entry.kind) {
    case "received":
      return t("messageThread.wrote");
    case "team_reply":
      return t("messageThread.replied", { author: entry.detail.authorName ?? t("messageThread.theTeam") });
    case "resident_reply":
      return t("messageThread.youReplied");
    case "closed":
      return t("messageThread.closed");
    case "not_good_enough":
      return t("messageThread.notGoodEnough");
    case "manager_response":
      return t("messageThread.responded", { author: entry.detail.authorName ?? t("messageThread.theManager") });
    case "assigned":
      return t("messageThread.assigned");
  }
}

/** The private thread of a message to the team: reached only through the link given when it was sent. */
export function MessageThreadPage() {
  const { token = "" } = useParams();
  const { t } = useTranslation();
  const nameOf = useWardName();
  useTranslatedPage();
  useTitle(t("messageThread.title"));
  const trpc = useTRPC();
  const thread = useQuery({ ...trpc.messages.thread.queryOptions({ token }), retry: false });
  // One status for the page: a form that goes away once used (the complaint) still has its answer shown.
  const change = useChange(trpc.messages.thread.pathFilter());
  if (thread.isLoading) return <Loading />;
  if (thread.error || !thread.data) return <LoadError error={thread.error ?? { message: "No data." }} />;
  const m = thread.data;
  return (
    <>
      <QuickExit />
      <h1 className="mb-2 text-3xl font-bold">{t("messageThread.heading", { reference: m.reference })}</h1>
      <p className="mb-4 max-w-2xl">
        {t("messageThread.intro", {
          ward: nameOf({ name: m.wardName, nameWelsh: m.wardNameWelsh }),
          topic: t(`messageTopics.${m.topic}`),
        })}
      </p>
      <p className="mb-4 text-lg font-bold">{t(`messageThread.status.${m.status}`)}</p>
      {m.status === "open" && !m.firstResponseAt && (
        <p className="mb-4">
          <Trans
            i18nKey="messageThread.replyBy"
            components={{ time: <When value={m.responseDueAt} as="dateTime" /> }}
          />
        </p>
      )}
      <section aria-labelledby="thread-heading" className="mb-6 max-w-2xl">
        <h2 id="thread-heading" className="mb-2 text-2xl font-bold">
          {t("messageThread.conversation")}
        </h2>
        <ol className="grid gap-3">
          <li className="border-l-4 border-slate-400 pl-3">
            <p className="font-semibold">
              <Trans
                i18nKey="messageThread.entry"
                values={{ who: t("messageThread.wrote") }}
                components={{ time: <When value={m.receivedAt} as="dateTime" /> }}
              />
            </p>
            <p className="whitespace-pre-line">{m.body}</p>
          </li>
          {m.thread
            .filter((e) => e.kind !== "received")
            .map((entry, i) => (
              <li
                key={i}
                className={`border-l-4 pl-3 ${entry.kind === "team_reply" || entry.kind === "manager_response" ? "border-blue-800" : "border-slate-400"}`}
              >
                <p className="font-semibold">
                  <Trans
                    i18nKey="messageThread.entry"
                    values={{ who: entryHeading(t, entry) }}
                    components={{ time: <When value={entry.at} as="dateTime" /> }}
                  />
                </p>
                {entry.detail.text && <p className="whitespace-pre-line">{entry.detail.text}</p>}
              </li>
            ))}
        </ol>
      </section>
      <ChangeStatus change={change} />
      {m.mayReply && <ReplyForm token={token} change={change} />}
      {m.mayComplain && <NotGoodEnoughForm token={token} change={change} />}
      <NotForEmergencies />
    </>
  );
}

type Change = ReturnType<typeof useChange>;

function ReplyForm({ token, change }: { token: string; change: Change }) {
  const { t } = useTranslation();
  const words = useFormWords();
  const trpc = useTRPC();
  const reply = useMutation(trpc.messages.reply.mutationOptions());
  const Schema = ResidentReplyInput.omit({ token: true });
  const form = useForm<z.input<typeof Schema>>({ resolver: zodResolver(Schema), defaultValues: { text: "" } });
  const onSubmit = form.handleSubmit(async (values) => {
    if (
      await change.run(() => reply.mutateAsync({ token, ...values }), {
        done: t("messageThread.replySent"),
        failed: (reason) => `${t("messageThread.notSent")}: ${words.say(reason)}`,
        form: { setError: form.setError, fields: ["text"] },
      })
    )
      form.reset({ text: "" });
  });
  return (
    <section aria-labelledby="reply-heading" className="mb-6 max-w-xl">
      <h2 id="reply-heading" className="mb-2 text-2xl font-bold">
        {t("messageThread.replyHeading")}
      </h2>
      <form onSubmit={onSubmit} noValidate>
        <Field label={t("messageThread.replyLabel")} error={words.error(form.formState.errors.text)}>
          {(a11y) => <textarea {...a11y} {...form.register("text")} rows={4} className={inputClass} />}
        </Field>
        <button type="submit" className={buttonClass} disabled={change.pending}>
          {t("messageThread.sendReply")}
        </button>
      </form>
    </section>
  );
}

/** The resident's recourse (the Neighbourhood Policing Guarantee): it goes to the team's manager. */
function NotGoodEnoughForm({ token, change }: { token: string; change: Change }) {
  const { t } = useTranslation();
  const words = useFormWords();
  const trpc = useTRPC();
  const complain = useMutation(trpc.messages.notGoodEnough.mutationOptions());
  const Schema = NotGoodEnoughInput.omit({ token: true });
  const form = useForm<z.input<typeof Schema>>({ resolver: zodResolver(Schema), defaultValues: { reason: "" } });
  const onSubmit = form.handleSubmit(async (values) => {
    await change.run(() => complain.mutateAsync({ token, ...values }), {
      done: t("messageThread.complainSent"),
      failed: (reason) => `${t("messageThread.notSent")}: ${words.say(reason)}`,
      form: { setError: form.setError, fields: ["reason"] },
    });
  });
  return (
    <section aria-labelledby="complain-heading" className="mb-6 max-w-xl">
      <h2 id="complain-heading" className="mb-2 text-2xl font-bold">
        {t("messageThread.complainHeading")}
      </h2>
      <details className="rounded border-2 border-slate-300 p-3">
        <summary className="min-h-11 cursor-pointer content-center font-semibold">
          {t("messageThread.complainSummary")}
        </summary>
        <p className="my-2">{t("messageThread.complainIntro")}</p>
        <form onSubmit={onSubmit} noValidate>
          <Field label={t("messageThread.complainLabel")} error={words.error(form.formState.errors.reason)}>
            {(a11y) => <textarea {...a11y} {...form.register("reason")} rows={4} className={inputClass} />}
          </Field>
          <button type="submit" className={secondaryButtonClass} disabled={change.pending}>
            {t("messageThread.complainSend")}
          </button>
        </form>
      </details>
    </section>
  );
}
