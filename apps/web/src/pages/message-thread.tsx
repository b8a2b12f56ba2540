import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@wardpanel/api";
import { MESSAGE_TOPICS, NotGoodEnoughInput, ResidentReplyInput } from "@wardpanel/validators";
import { useForm } from "react-hook-form";
import { useParams } from "react-router";
import type { z } from "zod";

import { ChangeStatus } from "../components/change-status";
import { buttonClass, Field, inputClass, secondaryButtonClass } from "../components/field";
import { NotForEmergencies, QuickExit } from "../components/quick-exit";
import { LoadError, Loading } from "../components/status";
import { When } from "../components/when";
import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { useTitle } from "../lib/use-viewer";

type Thread = RouterOutputs["messages"]["thread"];
type Entry = Thread["thread"][number];

const STATUS_WORDS: Record<Thread["status"], string> = {
  open: "Waiting for the team to reply",
  answered: "The team has replied",
  closed: "Closed by the team",
};

/** Who wrote an entry and what it was, in plain words. */
function entryHeading(entry: Entry): string {
  switch (entry.kind) {
    case "received":
      return "You wrote";
    case "team_reply":
      return `${entry.detail.authorName ?? "The team"} replied`;
    case "resident_reply":
      return "You replied";
    case "closed":
      return "The team closed the conversation";
    case "not_good_enough":
      return "You said the reply was not good enough";
    case "manager_response":
      return `${entry.detail.authorName ?? "The team's manager"} responded to your complaint`;
    case "assigned":
      return "Given to a team member";
  }
}

/** The private thread of a message to the team: reached only through the link given when it was sent. */
export function MessageThreadPage() {
  const { token = "" } = useParams();
  useTitle("Your message to the team");
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
      <h1 className="mb-2 text-3xl font-bold">Your message {m.reference}</h1>
      <p className="mb-4 max-w-2xl">
        To {m.wardName} ward's Safer Neighbourhoods Team, about “{MESSAGE_TOPICS[m.topic]}”. This page is private: only
        people with its link can see it.
      </p>
      <p className="mb-4 text-lg font-bold">{STATUS_WORDS[m.status]}</p>
      {m.status === "open" && !m.firstResponseAt && (
        <p className="mb-4">
          The team aims to reply by <When value={m.responseDueAt} as="dateTime" />.
        </p>
      )}
      <section aria-labelledby="thread-heading" className="mb-6 max-w-2xl">
        <h2 id="thread-heading" className="mb-2 text-2xl font-bold">
          The conversation
        </h2>
        <ol className="grid gap-3">
          <li className="border-l-4 border-slate-400 pl-3">
            <p className="font-semibold">
              You wrote, <When value={m.receivedAt} as="dateTime" />
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
                  {entryHeading(entry)}, <When value={entry.at} as="dateTime" />
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
  const trpc = useTRPC();
  const reply = useMutation(trpc.messages.reply.mutationOptions());
  const Schema = ResidentReplyInput.omit({ token: true });
  const form = useForm<z.input<typeof Schema>>({ resolver: zodResolver(Schema), defaultValues: { text: "" } });
  const onSubmit = form.handleSubmit(async (values) => {
    if (
      await change.run(() => reply.mutateAsync({ token, ...values }), {
        done: "Your reply has been sent to the team.",
        failed: "Not sent",
        form: { setError: form.setError, fields: ["text"] },
      })
    )
      form.reset({ text: "" });
  });
  return (
    <section aria-labelledby="reply-heading" className="mb-6 max-w-xl">
      <h2 id="reply-heading" className="mb-2 text-2xl font-bold">
        Reply to the team
      </h2>
      <form onSubmit={onSubmit} noValidate>
        <Field label="Your reply" error={form.formState.errors.text}>
          {(a11y) => <textarea {...a11y} {...form.register("text")} rows={4} className={inputClass} />}
        </Field>
        <button type="submit" className={buttonClass} disabled={change.pending}>
          Send the reply
        </button>
      </form>
    </section>
  );
}

/** The resident's recourse (the Neighbourhood Policing Guarantee): it goes to the team's manager. */
function NotGoodEnoughForm({ token, change }: { token: string; change: Change }) {
  const trpc = useTRPC();
  const complain = useMutation(trpc.messages.notGoodEnough.mutationOptions());
  const Schema = NotGoodEnoughInput.omit({ token: true });
  const form = useForm<z.input<typeof Schema>>({ resolver: zodResolver(Schema), defaultValues: { reason: "" } });
  const onSubmit = form.handleSubmit(async (values) => {
    await change.run(() => complain.mutateAsync({ token, ...values }), {
      done: "Sent to the team's manager, who will respond.",
      failed: "Not sent",
      form: { setError: form.setError, fields: ["reason"] },
    });
  });
  return (
    <section aria-labelledby="complain-heading" className="mb-6 max-w-xl">
      <h2 id="complain-heading" className="mb-2 text-2xl font-bold">
        Not happy with the reply?
      </h2>
      <details className="rounded border-2 border-slate-300 p-3">
        <summary className="min-h-11 cursor-pointer content-center font-semibold">
          Say the reply was not good enough
        </summary>
        <p className="my-2">
          Tell us what was wrong with the team's reply. It goes to the team's manager, who will look at it and respond.
        </p>
        <form onSubmit={onSubmit} noValidate>
          <Field label="What was not good enough?" error={form.formState.errors.reason}>
            {(a11y) => <textarea {...a11y} {...form.register("reason")} rows={4} className={inputClass} />}
          </Field>
          <button type="submit" className={secondaryButtonClass} disabled={change.pending}>
            Send to the manager
          </button>
        </form>
      </details>
    </section>
  );
}
