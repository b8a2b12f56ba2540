import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@wardpanel/api";
import { MESSAGE_TOPICS, SendMessageInput } from "@wardpanel/validators";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { Link, useParams } from "react-router";
import type { z } from "zod";

import { ChangeStatus } from "../components/change-status";
import { buttonClass, Field, inputClass } from "../components/field";
import { NotForEmergencies, QuickExit } from "../components/quick-exit";
import { LoadError, Loading } from "../components/status";
import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { useTitle } from "../lib/use-viewer";

/** The form's own fields: the ward comes from the page and `openedAt` from when the form was shown. */
const MessageFormSchema = SendMessageInput.omit({ wardCode: true, openedAt: true });
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
 */
export function MessageTeamPage() {
  const { wardCode = "" } = useParams();
  const trpc = useTRPC();
  const page = useQuery({ ...trpc.wards.page.queryOptions({ wardCode }), retry: false });
  const [sent, setSent] = useState<Sent | null>(null);
  useTitle(sent ? "Message sent" : "Message your team");
  if (page.isLoading) return <Loading />;
  if (page.error || !page.data) return <LoadError error={page.error ?? { message: "No data." }} />;
  const { ward, takesMessages, responseFigure } = page.data;
  return (
    <>
      <QuickExit />
      <p className="text-lg text-slate-700">{ward.name} ward</p>
      <h1 className="mb-4 text-3xl font-bold">Message your Safer Neighbourhoods Team</h1>
      <NotForEmergencies />
      {sent ? (
        <Confirmation sent={sent} onAnother={() => setSent(null)} />
      ) : takesMessages ? (
        <>
          <p className="mb-4 max-w-2xl">
            Ask the team a question, tell them about a problem in the ward, or give them feedback. They aim to reply
            within {responseFigure.targetHours} hours.
          </p>
          <MessageForm wardCode={ward.code} onSent={setSent} />
        </>
      ) : (
        <p className="max-w-2xl font-bold">
          {ward.name} ward's Safer Neighbourhoods Team is not on Ward Panel yet, so there is nobody here to read a
          message. Call 101 to reach your local team.
        </p>
      )}
      <p className="mt-6">
        <Link to={`/wards/${ward.code}`} className="text-blue-800 underline">
          Back to {ward.name} ward
        </Link>
      </p>
    </>
  );
}

function MessageForm({ wardCode, onSent }: { wardCode: string; onSent: (sent: Sent) => void }) {
  const trpc = useTRPC();
  const send = useMutation(trpc.messages.send.mutationOptions());
  const openedAt = useRef(Date.now());
  const change = useChange();
  const form = useForm<MessageValues>({ resolver: zodResolver(MessageFormSchema), defaultValues: EMPTY });
  const errors = form.formState.errors;
  const hasConsent = form.watch("hasConsent");

  // The confirmation that replaces the form is the success message: it says more than a status line.
  const onSubmit = form.handleSubmit(async (values) => {
    const parsed = MessageFormSchema.parse(values);
    // Without the box ticked no contact details are sent, whatever was typed before unticking it.
    const input = parsed.hasConsent ? parsed : { ...parsed, name: "", contactEmail: "", contactPhone: "" };
    let answer: Sent | null = null;
    const ran = await change.run(
      async () => {
        answer = await send.mutateAsync({ ...input, wardCode, openedAt: openedAt.current });
      },
      { form: { setError: form.setError, fields: FIELDS }, failed: "Not sent" },
    );
    if (ran && answer) onSent(answer);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl">
      <ChangeStatus change={change} />
      <Field label="What is your message about?" error={errors.topic}>
        {(a11y) => (
          <select {...a11y} {...form.register("topic")} className={inputClass}>
            <option value="">Choose one</option>
            {Object.entries(MESSAGE_TOPICS).map(([slug, label]) => (
              <option key={slug} value={slug}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Your message" hint="Say where and when, if it helps the team" error={errors.body}>
        {(a11y) => <textarea {...a11y} {...form.register("body")} rows={6} className={inputClass} />}
      </Field>
      <fieldset className="mb-4">
        <legend className="font-semibold">Your contact details (optional)</legend>
        <p className="text-sm text-slate-700">
          Without them you can still read the team's reply on a private page: you will get its link when you send.
        </p>
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" {...form.register("hasConsent")} className="size-5" /> Keep my contact details so the
          team can reply to me, and e-mail me their replies
        </label>
        {hasConsent && (
          <>
            <Field label="Your name (optional)" error={errors.name}>
              {(a11y) => <input {...a11y} {...form.register("name")} autoComplete="name" className={inputClass} />}
            </Field>
            <Field label="Your e-mail address" hint="For the team's replies" error={errors.contactEmail}>
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
            <Field label="Your phone number (optional)" error={errors.contactPhone}>
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
          Website (leave this empty)
          <input {...form.register("website")} type="text" tabIndex={-1} autoComplete="off" />
        </label>
      </div>
      <button type="submit" className={buttonClass} disabled={change.pending}>
        Send the message
      </button>
    </form>
  );
}

function Confirmation({ sent, onAnother }: { sent: Sent; onAnother: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The form goes away once sent: move focus to the confirmation so keyboard users are not lost.
  useEffect(() => heading.current?.focus(), []);
  const link = sent.threadPath ? new URL(sent.threadPath, window.location.origin).toString() : null;
  return (
    <div role="status" className="mb-4 max-w-2xl border-l-8 border-green-800 bg-green-50 p-4">
      <h2 ref={heading} tabIndex={-1} className="text-2xl font-bold">
        Your message has been sent
      </h2>
      {sent.reference && (
        <p className="mt-2">
          Your reference is <strong>{sent.reference}</strong>.
        </p>
      )}
      {sent.threadPath && link && (
        <>
          <p className="mt-2">
            <Link to={sent.threadPath} className="font-semibold text-blue-800 underline">
              Read the team's reply on your private page
            </Link>
            , where you can also answer them.
          </p>
          {sent.isEmailed ? (
            <p className="mt-2">We have e-mailed you the reference and this link, and will e-mail you each reply.</p>
          ) : (
            <p className="mt-2 font-bold">
              Keep this link (bookmark it or write it down): it is the only way to read the reply, and we cannot send it
              again. <span className="block font-normal break-all">{link}</span>
            </p>
          )}
        </>
      )}
      <button type="button" onClick={onAnother} className="mt-3 text-blue-800 underline">
        Send another message
      </button>
    </div>
  );
}
