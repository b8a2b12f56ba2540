import { useState } from "react";

import { secondaryButtonClass } from "./field";

/**
 * A ballot's tracker (decision 0038) for its voter to keep, with Copy and Print. `label` says whose
 * it is ("Your ballot tracker", "Paper ballot 2"). The tracker shows that the ballot was counted; in
 * a secret vote it is random and kept apart from the ballot, so it never shows how it voted.
 */
export function BallotTracker({ tracker, label }: { tracker: string; label: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  return (
    <div className="my-2 rounded border-2 border-slate-700 p-3">
      <p className="font-semibold">{label}</p>
      <p className="my-1 font-mono text-2xl font-bold tracking-wider" data-testid="ballot-tracker">
        {tracker}
      </p>
      <div className="flex flex-wrap gap-2 print:hidden">
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() =>
            navigator.clipboard.writeText(tracker).then(
              () => setCopied("yes"),
              () => setCopied("failed"),
            )
          }
        >
          Copy the tracker
        </button>
        <button type="button" className={secondaryButtonClass} onClick={() => window.print()}>
          Print it
        </button>
      </div>
      <p role="status" className="mt-1">
        {copied === "yes" ? "Copied." : copied === "failed" ? "Could not copy: write it down instead." : ""}
      </p>
    </div>
  );
}
