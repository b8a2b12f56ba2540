import { useId, useState } from "react";
import { BoroughOptions } from "./borough-options";
import { buttonClass, inputClass } from "./field";

type Progress = { done: number; total: number };
type Result = { total: number; drafted: number; existing: number; noData: number; totalMs: number };

/** Drafts packs for every ward of a borough (or, for admins, of London) for a month, with a progress bar. */
export function PackDraftsForm({ initialMonth, isAdmin }: { initialMonth: string; isAdmin: boolean }) {
  const id = useId();
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
    setProgress({ done: 0, total: 1 });
    try {
      const response = await fetch("/api/staff/pack-drafts", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ month, boroughCode: borough || null }),
      });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => ({}))) as { error?: string };
        setProgress(null);
        return setError(body.error ?? "The drafts were not made. Try again.");
      }
      // NDJSON: one progress line at a time, then the result.
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const line of lines.filter(Boolean)) {
          const message = JSON.parse(line) as Progress & { result?: Result; error?: string };
          if (message.result) setResult(message.result);
          else if (message.error) setError(message.error);
          else setProgress({ done: message.done, total: message.total });
        }
      }
    } catch {
      setError("The connection dropped. The drafts made so far are kept; run it again to finish.");
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
