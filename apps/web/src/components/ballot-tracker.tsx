import type { Translate } from "@wardpanel/i18n";
import { useState } from "react";

import { englishWords } from "./ballot-language";
import { secondaryButtonClass } from "./field";

/**
 * A ballot's tracker (decision 0038) for its voter to keep, with Copy and Print. `label` says whose
 * it is ("Your ballot tracker", "Paper ballot 2"). The tracker shows that the ballot was counted; in
 * a secret vote it is random and kept apart from the ballot, so it never shows how it voted.
 */
export function BallotTracker({
  tracker,
  label,
  t = englishWords().t,
}: {
  tracker: string;
  label: string;
  /** The page's translate function; English (staff pages) when absent. */
  t?: Translate;
}) {
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
          {t("ballotPage.tracker.copy")}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={() => window.print()}>
          {t("ballotPage.tracker.print")}
        </button>
      </div>
      <p role="status" className="mt-1">
        {copied === "yes"
          ? t("ballotPage.tracker.copied")
          : copied === "failed"
            ? t("ballotPage.tracker.copyFailed")
            : ""}
      </p>
    </div>
  );
}
