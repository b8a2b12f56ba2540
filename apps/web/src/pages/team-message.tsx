import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@wardpanel/api";
import { MESSAGE_TOPICS, TeamReplyInput } from "@wardpanel/validators";
import { useId } from "react";
import { useForm } from "react-hook-form";
import { Link, useParams } from "react-router";
import type { z } from "zod";

import { ChangeStatus } from "../components/change-status";
import { buttonClass, Field, inputClass, secondaryButtonClass } from "../components/field";
import { LoadError, Loading } from "../components/status";
import { When } from "../components/when";
import { WrittenIn } from "../components/written-in";
import { standingOf } from "../lib/message-standing";
import { useTRPC } from "../lib/trpc";
import { useWardAccess } from "../lib/use-access";
import { useChange } from "../lib/use-change";
import { useTitle } from "../lib/use-viewer";

type Message = RouterOutputs["inbox"]["message"];
type Entry = Message["thread"][number];

function entryHeading(entry: Entry): string {
  const d = entry.detail;
  switch (entry.kind) {
    case "received":
      return "The resident wrote";
    case "team_reply":
      return `${d.authorName ?? "The team"} replied`;
    case "resident_reply":
      return "The resident replied";
    case "assigned":
      return d.assigneeName ? `Assigned to ${d.assigneeName}` : "Assignment removed";
    case "closed":
      return "Closed";
    case "not_good_enough":
      return "The resident said the reply was not good enough";
    case "manager_response":
      return `${d.authorName ?? "The manager"} responded to the complaint`;
  }
}

/** One message to the team: the thread, who it is assigned to, the reply form and closing. */
export function TeamMessagePage() {
  const { wardCode = "", messageId = "" } = useParams();
  const ref = { wardCode, messageId: Number(messageId) };
  const trpc = useTRPC();
  const may = useWardAccess(wardCode);
  const message = useQuery({ ...trpc.inbox.message.queryOptions(ref), retry: false });
  const inbox = useQuery(trpc.inbox.forWard.queryOptions({ wardCode }));
  useTitle(message.data ? `Message ${message.data.reference}` : "Message");
  const change = useChange(trpc.inbox.pathFilter());
  const close = useMutation(trpc.inbox.close.mutationOptions());
  if (message.isLoading) return <Loading />;
  if (message.error || !message.data) return <LoadError error={message.error ?? { message: "No data." }} />;
  const m = message.data;
  const standing = standingOf(m, new Date());
  const hasContact = m.name !== "" || m.contactEmail !== "" || m.contactPhone !== "";
  return (
    <>
      <p className="text-lg text-slate-700">
        <Link to={`/staff/wards/${wardCode}/messages`} className="text-blue-800 underline">
          Messages to the team
        </Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">
        {m.reference}: {MESSAGE_TOPICS[m.topic]}
      </h1>
      <p className={`mb-4 text-lg ${standing.isOverdue ? "font-bold text-red-800" : "font-semibold"}`}>
        {standing.text}
      </p>
      <WrittenIn language={m.language} className="mb-4 text-lg" />
      <dl className="mb-6 grid max-w-2xl grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">Received</dt>
        <dd>
          <When value={m.receivedAt} as="dateTime" />
        </dd>
        <dt className="font-semibold">Reply due by</dt>
        <dd>
          <When value={m.dueAt} as="dateTime" />
        </dd>
        <dt className="font-semibold">Assigned to</dt>
        <dd>{m.assigneeName ?? "Nobody yet"}</dd>
        <dt className="font-semibold">Contact</dt>
        <dd className="break-all">
          {hasContact
            ? [m.name, m.contactEmail, m.contactPhone].filter((v) => v !== "").join(", ")
            : "None left: the resident reads replies on their private page"}
        </dd>
      </dl>
      <section aria-labelledby="thread-heading" className="mb-6 max-w-2xl">
        <h2 id="thread-heading" className="mb-2 text-2xl font-bold">
          The conversation
        </h2>
        <ol className="grid gap-3">
          {m.thread.map((entry) => (
            <li key={entry.id} className="border-l-4 border-slate-400 pl-3">
              <p className="font-semibold">
                {entryHeading(entry)}, <When value={entry.at} as="dateTime" />
              </p>
              {entry.kind === "received" ? (
                <p className="whitespace-pre-line" lang={m.language}>
                  {m.body}
                </p>
              ) : (
                entry.detail.text && <p className="whitespace-pre-line">{entry.detail.text}</p>
              )}
            </li>
          ))}
        </ol>
      </section>
      {may("assignMessages") && inbox.data && m.status !== "closed" && (
        <AssignForm message={m} answerers={inbox.data.answerers} />
      )}
      <ChangeStatus change={change} />
      {m.status !== "closed" && (
        <>
          <ReplyForm message={m} />
          <button
            type="button"
            className={secondaryButtonClass}
            disabled={change.pending}
            onClick={() => void change.run(() => close.mutateAsync(ref), { done: "The message is closed." })}
          >
            Close the message
          </button>
        </>
      )}
    </>
  );
}

function AssignForm({
  message,
  answerers,
}: {
  message: Message;
  answerers: RouterOutputs["inbox"]["forWard"]["answerers"];
}) {
  const id = useId();
  const trpc = useTRPC();
  const assign = useMutation(trpc.inbox.assign.mutationOptions());
  const change = useChange(trpc.inbox.pathFilter());
  return (
    <section aria-labelledby={`${id}-heading`} className="mb-6 max-w-xl">
      <h2 id={`${id}-heading`} className="mb-2 text-2xl font-bold">
        Assign
      </h2>
      <ChangeStatus change={change} />
      <label htmlFor={`${id}-who`} className="block font-semibold">
        Who should answer it?
      </label>
      <select
        id={`${id}-who`}
        className={inputClass}
        value={message.assigneeId ?? ""}
        disabled={change.pending}
        onChange={(e) => {
          const assigneeId = e.target.value === "" ? null : Number(e.target.value);
          const name = answerers.find((a) => a.userId === assigneeId)?.name;
          void change.run(() => assign.mutateAsync({ wardCode: message.wardCode, messageId: message.id, assigneeId }), {
            done: name ? `Assigned to ${name}.` : "Nobody is assigned now.",
          });
        }}
      >
        <option value="">Nobody yet</option>
        {answerers.map((a) => (
          <option key={a.userId} value={a.userId}>
            {a.name}
          </option>
        ))}
      </select>
    </section>
  );
}

function ReplyForm({ message }: { message: Message }) {
  const trpc = useTRPC();
  const reply = useMutation(trpc.inbox.reply.mutationOptions());
  const change = useChange(trpc.inbox.pathFilter());
  const Schema = TeamReplyInput.pick({ text: true });
  const form = useForm<z.input<typeof Schema>>({ resolver: zodResolver(Schema), defaultValues: { text: "" } });
  const isEmailed = message.contactEmail !== "";
  const onSubmit = form.handleSubmit(async (values) => {
    if (
      await change.run(() => reply.mutateAsync({ wardCode: message.wardCode, messageId: message.id, ...values }), {
        done: isEmailed
          ? "Reply sent: it is e-mailed to the resident."
          : "Reply sent: the resident reads it on their private page.",
        failed: "Not sent",
        form: { setError: form.setError, fields: ["text"] },
      })
    )
      form.reset({ text: "" });
  });
  return (
    <section aria-labelledby="reply-heading" className="mb-6 max-w-xl">
      <h2 id="reply-heading" className="mb-2 text-2xl font-bold">
        Reply
      </h2>
      <form onSubmit={onSubmit} noValidate>
        <ChangeStatus change={change} />
        <Field
          label="Your reply to the resident"
          hint={isEmailed ? "E-mailed to them, and shown on their private page" : "Shown on their private page"}
          error={form.formState.errors.text}
        >
          {(a11y) => <textarea {...a11y} {...form.register("text")} rows={6} className={inputClass} />}
        </Field>
        <button type="submit" className={buttonClass} disabled={change.pending}>
          Send the reply
        </button>
      </form>
    </section>
  );
}
