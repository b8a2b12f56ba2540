import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@wardpanel/api";
import { ManagerResponseInput, MESSAGE_TOPICS, timeLeftInWords } from "@wardpanel/validators";
import { useForm } from "react-hook-form";
import { Link } from "react-router";
import type { z } from "zod";

import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { useDistrictWords } from "../lib/use-district-words";
import { ChangeStatus } from "./change-status";
import { buttonClass, Field, inputClass } from "./field";
import { LoadError, Loading } from "./status";
import { When } from "./when";

type Tally = RouterOutputs["oversight"]["messages"]["total"];
type Recourse = RouterOutputs["oversight"]["recourse"][number];

const percent = (t: Tally) => (t.share === null ? "None due yet" : `${Math.round(t.share * 100)}%`);

function TallyCells({ t }: { t: Tally }) {
  return (
    <>
      <td className="py-2 pr-4 font-semibold">{percent(t)}</td>
      <td className="py-2 pr-4">{t.withinTarget}</td>
      <td className="py-2 pr-4">{t.late}</td>
      <td className="py-2 pr-4">{t.overdue}</td>
      <td className="py-2">{t.waiting}</td>
    </>
  );
}

function TallyHead({ first }: { first: string }) {
  return (
    <thead>
      <tr className="border-b-2 border-slate-800">
        {[first, "Answered within target", "In time", "Late", "Overdue", "Waiting"].map((h) => (
          <th key={h} scope="col" className="py-2 pr-4">
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/**
 * Messages to the teams, for the teams' managers: the share answered within the response target
 * per borough and ward, the overdue list, and the replies residents said were not good enough.
 */
export function MessageOversight({ boroughCode, place }: { boroughCode: string | null; place: string }) {
  const { district, District } = useDistrictWords();
  const trpc = useTRPC();
  const figures = useQuery(trpc.oversight.messages.queryOptions({ boroughCode }));
  const recourse = useQuery(trpc.oversight.recourse.queryOptions({ boroughCode }));
  if (figures.isLoading || recourse.isLoading) return <Loading what="Counting messages…" />;
  if (figures.error || !figures.data) return <LoadError error={figures.error ?? { message: "No data." }} />;
  const f = figures.data;
  const now = new Date();
  return (
    <section aria-labelledby="messages-heading" className="mt-10">
      <h2 id="messages-heading" className="mb-2 text-2xl font-bold">
        Messages to the teams in {place}
      </h2>
      <p className="mb-4 max-w-3xl text-lg" role="status">
        {f.total.received === 0
          ? `No messages in the last ${f.days} days.`
          : `${percent(f.total)} answered within ${f.targetHours} hours over the last ${f.days} days: ${f.total.withinTarget} in time, ${f.total.late} late, ${f.total.overdue} overdue, ${f.total.waiting} still within time.`}
      </p>
      {f.boroughs.length > 1 && (
        <div role="region" aria-label={`By ${district}`} tabIndex={0} className="mb-6 overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="text-left font-semibold">By {district}</caption>
            <TallyHead first={District} />
            <tbody>
              {f.boroughs.map((b) => (
                <tr key={b.boroughCode} className="border-b border-slate-300">
                  <th scope="row" className="py-2 pr-4 font-normal">
                    {b.boroughName}
                  </th>
                  <TallyCells t={b} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {f.wards.length > 0 && (
        <div role="region" aria-label="By ward" tabIndex={0} className="mb-6 overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="text-left font-semibold">By ward (wards with messages)</caption>
            <TallyHead first="Ward" />
            <tbody>
              {f.wards.map((w) => (
                <tr key={w.wardCode} className="border-b border-slate-300">
                  <th scope="row" className="py-2 pr-4 font-normal">
                    {w.wardName}
                  </th>
                  <TallyCells t={w} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="mb-6">
        <a
          href={`/api/oversight-messages.csv?borough=${boroughCode ?? ""}`}
          className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline"
          download
        >
          Download the message figures as CSV<span className="sr-only">: {place}</span>
        </a>
      </p>
      <h3 className="mb-2 text-xl font-bold">Overdue: no reply after {f.targetHours} hours</h3>
      {f.overdue.length === 0 ? (
        <p className="mb-6">No message is overdue.</p>
      ) : (
        <ul className="mb-6 grid gap-2">
          {f.overdue.map((m) => (
            <li key={m.id}>
              <Link to={`/staff/wards/${m.wardCode}/messages/${m.id}`} className="text-blue-800 underline">
                {m.reference}
              </Link>{" "}
              ({m.wardName}, {MESSAGE_TOPICS[m.topic]}): {timeLeftInWords(new Date(m.dueAt), now)}
            </li>
          ))}
        </ul>
      )}
      <h3 className="mb-2 text-xl font-bold">Replies residents said were not good enough</h3>
      {recourse.data && recourse.data.length > 0 ? (
        <ul className="grid max-w-3xl gap-4">
          {recourse.data.map((c) => (
            <RecourseItem key={c.messageId} complaint={c} />
          ))}
        </ul>
      ) : (
        <p>None waiting for a response.</p>
      )}
    </section>
  );
}

function RecourseItem({ complaint: c }: { complaint: Recourse }) {
  const trpc = useTRPC();
  const respond = useMutation(trpc.oversight.respond.mutationOptions());
  const change = useChange(trpc.oversight.pathFilter());
  const Schema = ManagerResponseInput.pick({ text: true });
  const form = useForm<z.input<typeof Schema>>({ resolver: zodResolver(Schema), defaultValues: { text: "" } });
  const onSubmit = form.handleSubmit(async (values) => {
    await change.run(() => respond.mutateAsync({ messageId: c.messageId, ...values }), {
      done: `Response sent about ${c.reference}.`,
      failed: "Not sent",
      form: { setError: form.setError, fields: ["text"] },
    });
  });
  return (
    <li className="rounded border-2 border-slate-300 p-3">
      <p className="font-semibold">
        <Link to={`/staff/wards/${c.wardCode}/messages/${c.messageId}`} className="text-blue-800 underline">
          {c.reference}
        </Link>{" "}
        ({c.wardName}, {MESSAGE_TOPICS[c.topic]}), <When value={c.at} as="dateTime" />
      </p>
      <p className="mt-1">
        <span className="font-semibold">The resident wrote:</span> {c.body}
      </p>
      {c.lastReply && (
        <p className="mt-1">
          <span className="font-semibold">{c.lastReply.authorName} replied:</span> {c.lastReply.text}
        </p>
      )}
      <p className="mt-1">
        <span className="font-semibold">Why it was not good enough:</span> {c.reason}
      </p>
      <form onSubmit={onSubmit} noValidate className="mt-2">
        <ChangeStatus change={change} />
        <Field
          label={`Your response to the resident (${c.reference})`}
          hint="Shown on their private page, and e-mailed if they left an address"
          error={form.formState.errors.text}
        >
          {(a11y) => <textarea {...a11y} {...form.register("text")} rows={3} className={inputClass} />}
        </Field>
        <button type="submit" className={buttonClass} disabled={change.pending}>
          Send the response
        </button>
      </form>
    </li>
  );
}
