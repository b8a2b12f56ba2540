import { useQuery } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import type { RouterOutputs } from "@wardpanel/api";
import { useId, useState } from "react";
import { useTRPC, useTRPCClient } from "../lib/trpc";
import { BoroughOptions } from "./borough-options";
import { buttonClass, inputClass } from "./field";

/** One line of the drafting stream: progress, and last what was done. */
type DraftUpdate = RouterOutputs["crimePacks"]["draftForBorough"] extends AsyncIterable<infer U> ? U : never;
type Progress = Pick<DraftUpdate, "done" | "total">;
type Result = Extract<DraftUpdate, { kind: "done" }>["result"];

/** Drafts packs for every ward of a borough (or, for admins, of London) for a month, with a progress bar. */
export function PackDraftsForm({ initialMonth, isAdmin }: { initialMonth: string; isAdmin: boolean }) {
  const id = useId();
  const trpc = useTRPC();
  const client = useTRPCClient();
  // Each borough names the force that polices it: its analysts draft the borough's packs.
  const boroughs = useQuery(trpc.wards.boroughs.queryOptions());
  // The page's month (the last import) until the person picks one: it is not known at first render.
  const [chosenMonth, setMonth] = useState<string | null>(null);
  const month = chosenMonth ?? initialMonth;
  const [borough, setBorough] = useState("");
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setError(null);
    setResult(null);
    if (!borough && !isAdmin) return setError("Choose a borough: only an admin can draft packs for all of London at once.");
    const force = boroughs.data?.find((b) => b.code === borough)?.force;
    if (borough && !force) return setError("No police force we hold crime data for polices that borough.");
    setProgress({ done: 0, total: 1 });
    try {
      // A stream of progress lines and then the result.
      const stream = force ? client.crimePacks.draftForBorough.mutate({ force, month, boroughCode: borough }) : client.crimePacks.draftForLondon.mutate({ month });
      for await (const update of await stream) {
        setProgress({ done: update.done, total: update.total });
        if (update.kind === "done") setResult(update.result);
      }
    } catch (failure) {
      // The server's own words when it refused; otherwise the connection dropped part way.
      if (failure instanceof TRPCClientError && failure.data) setError(failure.message);
      else setError("The connection dropped. The drafts made so far are kept; run it again to finish.");
      setProgress(null);
    }
  };

  return (
    <div>
      <div className="mb-4 max-w-xs">
        <label htmlFor={`${id}-month`} className="block font-semibold">Month</label>
        <input id={`${id}-month`} type="month" value={month} onChange={(e) => setMonth(e.target.value)} className={inputClass} />
      </div>
      <div className="mb-4 max-w-md">
        <label htmlFor={`${id}-borough`} className="block font-semibold">Borough</label>
        <select id={`${id}-borough`} value={borough} onChange={(e) => setBorough(e.target.value)} className={inputClass}>
          <BoroughOptions emptyLabel={isAdmin ? "All of London (704 wards)" : "Choose a borough"} />
        </select>
      </div>
      <button type="button" className={buttonClass} onClick={run} disabled={progress !== null && result === null && error === null}>
        Draft the packs
      </button>
      {progress && (
        <div className="mt-4">
          <label htmlFor={`${id}-progress`} className="block font-semibold">Drafting progress</label>
          <progress id={`${id}-progress`} max={progress.total} value={progress.done} className="h-4 w-full max-w-md" />
          <p role="status">
            {result
              ? `Done: ${result.drafted} drafts made, ${result.existing} already there, ${result.noData} wards with no data for ${month}, in ${(result.totalMs / 1000).toFixed(1)} s.`
              : `${progress.done} of ${progress.total} wards`}
          </p>
        </div>
      )}
      {error && (
        <p role="alert" className="mt-4 font-semibold text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
