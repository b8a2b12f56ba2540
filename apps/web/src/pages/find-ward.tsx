import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { WardSearch } from "@wardpanel/validators";
import { useForm } from "react-hook-form";
import { Link, useSearchParams } from "react-router";
import type { z } from "zod";

import { BoroughOptions } from "../components/borough-options";
import { buttonClass, Field, inputClass } from "../components/field";
import { LoadError, Loading } from "../components/status";
import { useTRPC } from "../lib/trpc";
import { useTitle } from "../lib/use-viewer";

type SearchForm = z.input<typeof WardSearch>;

/** Public: find a ward by name or borough. The search lives in the URL so results can be shared. */
export function FindWardPage() {
  useTitle("Find your ward");
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const query = params.get("q") ?? "";
  const boroughCode = params.get("borough") ?? "";
  const searched = params.has("q") || params.has("borough");

  const results = useQuery({
    ...trpc.wards.search.queryOptions({ query, ...(boroughCode ? { boroughCode } : {}) }),
    enabled: searched,
  });
  const form = useForm<SearchForm>({
    resolver: zodResolver(WardSearch),
    values: { query, boroughCode: boroughCode || undefined },
  });

  const onSubmit = form.handleSubmit((values) => {
    const next = new URLSearchParams();
    next.set("q", values.query ?? "");
    if (values.boroughCode) next.set("borough", values.boroughCode);
    setParams(next);
  });

  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Find your ward</h1>
      <p className="mb-6 max-w-prose">
        Every ward has a Safer Neighbourhoods Team and a ward panel of local people who agree the ward's policing
        priorities with the team. Find your ward to see who your team is, how to contact them, and when the panel meets.
      </p>
      <form onSubmit={onSubmit} noValidate className="mb-6 max-w-xl" role="search" aria-label="Find your ward">
        <Field label="Ward or borough name" error={form.formState.errors.query}>
          {(a11y) => (
            <input {...a11y} {...form.register("query")} type="search" className={inputClass} autoComplete="off" />
          )}
        </Field>
        <Field label="Borough" error={form.formState.errors.boroughCode}>
          {(a11y) => (
            <select
              {...a11y}
              {...form.register("boroughCode", { setValueAs: (v: string) => v || undefined })}
              className={inputClass}
            >
              <BoroughOptions emptyLabel="All boroughs" />
            </select>
          )}
        </Field>
        <button type="submit" className={buttonClass}>
          Search
        </button>
      </form>

      {searched && (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className="mb-2 text-2xl font-bold">
            Wards found
          </h2>
          {results.isLoading && <Loading what="Searching…" />}
          {results.error && <LoadError error={results.error} />}
          {results.data?.length === 0 && (
            <p role="status">No wards match. Check the spelling, or choose a borough to see all its wards.</p>
          )}
          {results.data && results.data.length > 0 && (
            <ul className="grid gap-1 sm:grid-cols-2">
              {results.data.map((ward) => (
                <li key={ward.code}>
                  <Link to={`/wards/${ward.code}`} className="inline-block min-h-11 py-2 text-blue-800 underline">
                    {ward.name} — {ward.boroughName}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
