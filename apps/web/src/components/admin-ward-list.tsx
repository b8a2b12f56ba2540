import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Link } from "react-router";

import { useTRPC } from "../lib/trpc";
import { inputClass, secondaryButtonClass } from "./field";
import { LoadError, Loading } from "./status";

/**
 * The admin's home list of every ward in force (about 680 in London): a search by ward name, code or
 * borough, 25 wards a page with previous and next, each a link to the ward's staff page.
 */
export function AdminWardList({ heading = "All wards" }: { heading?: string }) {
  const trpc = useTRPC();
  const id = useId();
  const [query, setQuery] = useState("");
  const [page, setPage] = useState(1);
  const list = useQuery({ ...trpc.wards.adminList.queryOptions({ query, page }), placeholderData: keepPreviousData });
  const data = list.data;

  return (
    <section aria-labelledby={`${id}-heading`} className="mb-8">
      <h2 id={`${id}-heading`} className="mb-2 text-2xl font-bold">
        {heading}
      </h2>
      <div role="search" aria-label="Find a ward" className="mb-2 max-w-md">
        <label htmlFor={`${id}-query`} className="block font-semibold">
          Ward name, ward code or borough
        </label>
        <input
          id={`${id}-query`}
          type="search"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setPage(1);
          }}
          className={inputClass}
        />
      </div>
      {list.isLoading && <Loading />}
      {list.error && <LoadError error={list.error} />}
      {data && (
        <>
          <p role="status" className="mb-2">
            {data.total === 0
              ? "No ward matches."
              : `${data.total === 1 ? "1 ward" : `${data.total} wards`}${query.trim() ? " match" : ""}. Page ${data.page} of ${data.pages}.`}
          </p>
          <ul className="grid gap-x-4 sm:grid-cols-2">
            {data.wards.map((ward) => (
              <li key={ward.code}>
                <Link
                  to={`/staff/wards/${ward.code}`}
                  className="inline-flex min-h-11 items-center text-blue-800 underline"
                >
                  {ward.name}
                </Link>{" "}
                <span className="text-slate-700">
                  {ward.boroughName}, {ward.code}
                </span>
              </li>
            ))}
          </ul>
          {data.pages > 1 && (
            <nav aria-label="Pages of wards" className="mt-2 flex gap-2">
              <button
                type="button"
                className={secondaryButtonClass}
                disabled={data.page <= 1}
                onClick={() => setPage(data.page - 1)}
              >
                Previous page
              </button>
              <button
                type="button"
                className={secondaryButtonClass}
                disabled={data.page >= data.pages}
                onClick={() => setPage(data.page + 1)}
              >
                Next page
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
