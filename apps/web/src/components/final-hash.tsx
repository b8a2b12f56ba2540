import { useState } from "react";
import { useTranslation } from "react-i18next";

import { groupHash } from "../lib/hash-groups";
import { secondaryButtonClass } from "./field";

/**
 * A vote's final hash as the chair read it out, in groups of four, with the plain form (no spaces)
 * beneath to select or copy into a checker. `size` "large" on the result page, "small" in the minutes.
 */
export function FinalHash({ hash, size }: { hash: string; size: "large" | "small" }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  return (
    <div data-testid="final-hash">
      <p className={`font-mono font-bold break-words ${size === "large" ? "text-xl" : "text-base"}`}>
        {groupHash(hash)}
      </p>
      <p className="mt-1 text-sm">
        {t("finalHash.plain")} <code className="font-mono break-all select-all">{hash}</code>
      </p>
      <div className="flex flex-wrap items-center gap-2 print:hidden">
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() =>
            navigator.clipboard.writeText(hash).then(
              () => setCopied("yes"),
              () => setCopied("failed"),
            )
          }
        >
          {t("finalHash.copy")}
        </button>
        <span role="status">
          {copied === "yes" ? t("finalHash.copied") : copied === "failed" ? t("finalHash.copyFailed") : ""}
        </span>
      </div>
    </div>
  );
}
