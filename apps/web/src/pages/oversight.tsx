import { useQuery } from "@tanstack/react-query";
import { BOROUGH_CODE_PATTERN } from "@wardpanel/validators";
import { useId, useMemo, useState } from "react";
import { useSearchParams } from "react-router";

import { BoroughOptions } from "../components/borough-options";
import { inputClass } from "../components/field";
import { MessageOversight } from "../components/message-oversight";
import { type OversightRow, OversightTable, problemsOf } from "../components/oversight-table";
import { LoadError, Loading } from "../components/status";
import { useTRPC } from "../lib/trpc";
import { useDistrictWords } from "../lib/use-district-words";
import { useSiteArea } from "../lib/use-site-area";
import { useTitle } from "../lib/use-viewer";

type Sort = "name" | "problems";

/**
 * The central unit's monthly check at a glance: which wards have advertised a meeting this month
 * and next, which meetings have gone 28 days without minutes, and how many actions are overdue.
 */
export function OversightPage() {
  const { district } = useDistrictWords();
  const area = useSiteArea();
  useTitle("Oversight");
  const trpc = useTRPC();
  const id = useId();
  // The borough is kept in the address, so a link or the back button returns to the same view.
  const [params, setParams] = useSearchParams();
  const boroughParam = params.get("borough") ?? "";
  const boroughCode = BOROUGH_CODE_PATTERN.test(boroughParam) ? boroughParam : null;
  const setBoroughCode = (code: string | null) => setParams(code ? { borough: code } : {}, { replace: true });
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [sort, setSort] = useState<Sort>("name");
  const boroughs = useQuery(trpc.wards.boroughs.queryOptions());
  const oversight = useQuery({ ...trpc.oversight.wards.queryOptions({ boroughCode }), retry: false });

  const rows = useMemo(() => {
    const all = oversight.data ?? [];
    const shown = onlyProblems ? all.filter((r) => problemsOf(r).length > 0) : all;
    return sort === "problems"
      ? [...shown].sort((a, b) => problemsOf(b).length - problemsOf(a).length || severity(b) - severity(a))
      : shown;
  }, [oversight.data, onlyProblems, sort]);

  if (oversight.error?.data?.code === "FORBIDDEN") {
    return (
      <>
        <h1 className="mb-2 text-3xl font-bold">Oversight</h1>
        <p>Only an admin can see oversight.</p>
      </>
    );
  }

  const boroughName = boroughCode ? (boroughs.data?.find((b) => b.code === boroughCode)?.name ?? boroughCode) : null;
  const place = boroughName ?? area;
  const all = oversight.data ?? [];
  const needing = all.filter((r) => problemsOf(r).length > 0).length;

  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Oversight</h1>
      <p className="mb-6 max-w-3xl">
        The monthly check: every ward should advertise a public meeting each month, publish its minutes within 28 days,
        keep its actions on time and review each current priority at least every 90 days.
      </p>

      <div className="mb-6 flex flex-wrap items-end gap-x-6 gap-y-2">
        <div className="w-full max-w-xs">
          <label htmlFor={`${id}-borough`} className="block font-semibold">
            Borough
          </label>
          <select
            id={`${id}-borough`}
            className={`${inputClass} min-h-11`}
            value={boroughCode ?? ""}
            onChange={(e) => setBoroughCode(e.target.value === "" ? null : e.target.value)}
          >
            <BoroughOptions emptyLabel={`All of ${area}`} />
          </select>
        </div>
        <div className="w-full max-w-xs">
          <label htmlFor={`${id}-sort`} className="block font-semibold">
            Order
          </label>
          <select
            id={`${id}-sort`}
            className={`${inputClass} min-h-11`}
            value={sort}
            onChange={(e) => setSort(e.target.value as Sort)}
          >
            <option value="name">By {district} and ward name</option>
            <option value="problems">Wards needing most attention first</option>
          </select>
        </div>
        <div className="flex min-h-11 items-center gap-2">
          <input
            id={`${id}-only`}
            type="checkbox"
            className="size-6 accent-blue-800"
            checked={onlyProblems}
            onChange={(e) => setOnlyProblems(e.target.checked)}
          />
          <label htmlFor={`${id}-only`} className="font-semibold">
            Only wards needing attention
          </label>
        </div>
      </div>

      {oversight.isLoading && <Loading what="Checking the wards…" />}
      {oversight.error && <LoadError error={oversight.error} />}
      {oversight.data && (
        <>
          <section aria-labelledby="summary-heading" className="mb-6 rounded border-2 border-slate-300 p-4">
            <h2 id="summary-heading" className="mb-2 text-2xl font-bold">
              {boroughName ? `Summary for ${boroughName}` : `Summary for every ${district}`}
            </h2>
            <p role="status" className="text-lg">
              {summaryLine(all)}
            </p>
            <p className="mt-2">
              {needing} of {all.length} {all.length === 1 ? "ward needs" : "wards need"} attention.
            </p>
            <p className="mt-2">
              <a
                href={`/api/oversight.csv?borough=${boroughCode ?? ""}`}
                className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline"
                download
              >
                Download as CSV<span className="sr-only">: {place}</span>
              </a>{" "}
              <span className="text-slate-700">(for a spreadsheet)</span>
            </p>
          </section>
          {rows.length === 0 ? (
            <p>{onlyProblems ? `No ward in ${place} needs attention this month.` : "There are no wards to show."}</p>
          ) : (
            <OversightTable
              rows={rows}
              caption={`${onlyProblems ? "Wards needing attention" : "Wards"} in ${place} (${rows.length})`}
            />
          )}
          <MessageOversight boroughCode={boroughCode} place={place} />
        </>
      )}
    </>
  );
}

function severity(r: OversightRow): number {
  return r.minutesOverdue + r.overdueActions + r.outOfDatePriorities.length;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function summaryLine(rows: OversightRow[]): string {
  const noneThisMonth = rows.filter((r) => r.advertisedThisMonth === 0).length;
  const noneNextMonth = rows.filter((r) => r.advertisedNextMonth === 0).length;
  const minutes = rows.reduce((n, r) => n + r.minutesOverdue, 0);
  const actions = rows.reduce((n, r) => n + r.overdueActions, 0);
  const stale = rows.reduce((n, r) => n + r.outOfDatePriorities.length, 0);
  return (
    [
      `${plural(noneThisMonth, "ward has", "wards have")} no meeting advertised this month`,
      `${noneNextMonth} ${noneNextMonth === 1 ? "has" : "have"} none next month`,
      `${plural(minutes, "meeting has", "meetings have")} no minutes 28 days on`,
      `${plural(actions, "action is", "actions are")} overdue`,
      `${plural(stale, "priority has", "priorities have")} not been reviewed for 90 days`,
    ].join("; ") + "."
  );
}
