import type { TFunction } from "i18next";

/** How a past priority ended ("Achieved", "Wedi'i chyflawni"), in the reader's language; an unknown status as stored. */
export function outcomeInWords(t: TFunction, status: string): string {
  switch (status) {
    case "achieved":
      return t("priorityLibrary.outcome.achieved");
    case "withdrawn":
      return t("priorityLibrary.outcome.withdrawn");
    case "superseded":
      return t("priorityLibrary.outcome.superseded");
    default:
      return status;
  }
}

/**
 * How long a priority ran, in the unit a resident would use and the reader's language: "12 days",
 * "5 weeks", "4 months" ("4 mis"). Null when either date is missing or the end is before the start.
 */
export function durationInWords(t: TFunction, start: string | null, end: string | null): string | null {
  if (!start || !end) return null;
  const days = Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000);
  if (!Number.isFinite(days) || days < 0) return null;
  if (days < 14) return t("priorityLibrary.days", { count: days });
  if (days < 61) return t("priorityLibrary.weeks", { count: Math.round(days / 7) });
  return t("priorityLibrary.months", { count: Math.round(days / 30.44) });
}
