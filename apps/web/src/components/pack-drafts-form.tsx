import { useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@wardpanel/api";
import { useId, useState } from "react";

import { formatMonth } from "../lib/dates";
import { useTRPC, useTRPCClient } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { useDistrictWords } from "../lib/use-district-words";
import { useSiteArea } from "../lib/use-site-area";
import { BoroughOptions } from "./borough-options";
import { ChangeStatus } from "./change-status";
import { buttonClass, inputClass } from "./field";
import { type DraftedArea, PacksToReview } from "./packs-to-review";

/** One line of the drafting stream: progress, and last what was done. */
type DraftUpdate = RouterOutputs["crimePacks"]["draftForBorough"] extends AsyncIterable<infer U> ? U : never;
type Progress = Pick<DraftUpdate, "done" | "total">;
type Result = Extract<DraftUpdate, { kind: "done" }>["result"];

/** Drafts packs for every ward of a borough (or, for admins, of London) for a month, with a progress bar. */
export function PackDraftsForm({ initialMonth, isAdmin }: { initialMonth: string; isAdmin: boolean }) {
  const { district } = useDistrictWords();
  const area = useSiteArea();
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
  const [drafted, setDrafted] = useState<DraftedArea | null>(null);
  const change = useChange(trpc.crimePacks.pathFilter());

  const run = async () => {
    if (!borough && !isAdmin)
      return change.fail(`Choose a ${district}: only an admin can draft packs for every ${district} at once.`);
    const force = boroughs.data?.find((b) => b.code === borough)?.force;
    if (borough && !force) return change.fail(`No police force we hold crime data for polices that ${district}.`);
    setProgress({ done: 0, total: 1 });
    setDrafted(null);
    // The plain client, not a react-query mutation: the answer is a stream of progress lines and then the result.
    const draft = async () => {
      let result: Result | null = null;
      const stream = force
        ? client.crimePacks.draftForBorough.mutate({ force, month, boroughCode: borough })
        : client.crimePacks.draftForLondon.mutate({ month });
      for await (const update of await stream) {
        setProgress({ done: update.done, total: update.total });
        if (update.kind === "done") result = update.result;
      }
      return result;
    };
    const done = (result: Result | null) =>
      result
        ? `Done: ${result.drafted} drafts made, ${result.existing} already there, ${result.noData} wards with no data for ${formatMonth(month)}, in ${(result.totalMs / 1000).toFixed(1)} s.`
        : "Done.";
    const failed = (reason: string) =>
      `Not finished: ${reason} The drafts made so far are kept; run it again to finish.`;
    if (await change.run(draft, { done, failed }))
      setDrafted(force ? { month, force, boroughCode: borough } : { month, force: null });
    else setProgress(null);
  };

  return (
    <div>
      <div className="mb-4 max-w-xs">
        <label htmlFor={`${id}-month`} className="block font-semibold">
          Month
        </label>
        <input
          id={`${id}-month`}
          type="month"
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          className={inputClass}
        />
      </div>
      <div className="mb-4 max-w-md">
        <label htmlFor={`${id}-borough`} className="block font-semibold">
          Borough
        </label>
        <select
          id={`${id}-borough`}
          value={borough}
          onChange={(e) => setBorough(e.target.value)}
          className={inputClass}
        >
          <BoroughOptions emptyLabel={isAdmin ? `All of ${area}` : `Choose a ${district}`} />
        </select>
      </div>
      <button type="button" className={buttonClass} onClick={run} disabled={change.pending}>
        Draft the packs
      </button>
      {progress && (
        <div className="mt-4">
          <label htmlFor={`${id}-progress`} className="block font-semibold">
            Drafting progress
          </label>
          <progress id={`${id}-progress`} max={progress.total} value={progress.done} className="h-4 w-full max-w-md" />
          {/* Not a live region: one announcement per ward would drown the reader; the end is announced below. */}
          <p>
            {progress.done} of {progress.total} wards
          </p>
        </div>
      )}
      <div className="mt-4">
        <ChangeStatus change={change} />
      </div>
      {drafted && <PacksToReview area={drafted} />}
    </div>
  );
}
