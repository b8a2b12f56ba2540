import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { MissesPeriodInput } from "@wardpanel/validators";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { useSearchParams } from "react-router";

import { buttonClass, Field, inputClass } from "../components/field";
import { ResponseMissesTable } from "../components/response-misses-table";
import { LoadError, Loading } from "../components/status";
import { When } from "../components/when";
import { isoDate } from "../lib/dates";
import { useTRPC } from "../lib/trpc";
import { useTitle } from "../lib/use-viewer";

type Period = { from: string; to: string };

/** Yesterday on the London calendar: the daily report's default. */
function yesterday(): string {
  const today = isoDate();
  return new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/**
 * The managers' daily report (issue 14, item 8): each reported call that missed the force's
 * response target in a period (London days, default yesterday), across the wards whose response
 * record the viewer may see (sergeants' and chairs' wards; every ward for admins), with the same
 * rows as a CSV download. The period is kept in the address, so a link or Back returns to it.
 */
export function ResponseMissesPage() {
  useTitle("Missed response targets");
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const asked: Period = { from: params.get("from") ?? yesterday(), to: params.get("to") ?? yesterday() };
  const misses = useQuery({ ...trpc.feedAdmin.responseMisses.queryOptions(asked), retry: false });
  const form = useForm({ resolver: zodResolver(MissesPeriodInput), defaultValues: asked });
  const errors = form.formState.errors;
  const refusedField = misses.error?.data?.field;

  // The server checks what the form cannot (the order of the dates, the longest period): shown against its field.
  const { setError } = form;
  useEffect(() => {
    if (misses.error && (refusedField === "from" || refusedField === "to"))
      setError(refusedField, { type: "server", message: misses.error.message });
  }, [misses.error, refusedField, setError]);

  const onSubmit = form.handleSubmit(({ from, to }) => setParams({ from: from ?? yesterday(), to: to ?? yesterday() }));
  const csv = `/api/response-misses.csv?${new URLSearchParams(asked).toString()}`;

  if (misses.error?.data?.code === "FORBIDDEN") {
    return (
      <>
        <h1 className="mb-2 text-3xl font-bold">Missed response targets</h1>
        <p>Only a ward’s sergeant or chair, or an admin, can see missed response targets.</p>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Missed response targets</h1>
      <p className="mb-6 max-w-2xl">
        Calls that control rooms reported for a priority in your wards, where a unit arrived later than the response
        target or has not arrived and the target has passed. Check it each morning for the day before.
      </p>
      <form onSubmit={onSubmit} noValidate className="mb-6 flex flex-wrap items-end gap-x-6" aria-label="Period">
        <div className="w-full max-w-xs">
          <Field label="From" error={errors.from}>
            {(a11y) => <input {...a11y} {...form.register("from")} type="date" className={inputClass} />}
          </Field>
        </div>
        <div className="w-full max-w-xs">
          <Field label="To" error={errors.to}>
            {(a11y) => <input {...a11y} {...form.register("to")} type="date" className={inputClass} />}
          </Field>
        </div>
        <div className="mb-4">
          <button type="submit" className={buttonClass}>
            Show misses
          </button>
        </div>
      </form>
      {misses.isLoading && <Loading />}
      {misses.error && !refusedField && <LoadError error={misses.error} />}
      {misses.data && (
        <section aria-labelledby="misses-heading">
          <h2 id="misses-heading" className="mb-2 text-2xl font-bold">
            {misses.data.fromDate === misses.data.toDate ? (
              <>
                Misses on <When value={misses.data.fromDate} as="weekday" />
              </>
            ) : (
              <>
                Misses from <When value={misses.data.fromDate} /> to <When value={misses.data.toDate} />
              </>
            )}{" "}
            ({misses.data.misses.length})
          </h2>
          <p className="mb-4">
            The target is {misses.data.targetMinutes} minutes from the call.{" "}
            <a href={csv} className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline" download>
              Download CSV<span className="sr-only">: missed response targets for this period</span>
            </a>{" "}
            <span className="text-slate-700">(for a spreadsheet)</span>
          </p>
          {misses.data.misses.length === 0 ? (
            <p>None: every reported call in this period was attended within the target.</p>
          ) : (
            <ResponseMissesTable misses={misses.data.misses} />
          )}
        </section>
      )}
    </>
  );
}
