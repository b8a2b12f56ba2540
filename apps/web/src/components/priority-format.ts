export const OUTCOME_LABELS: Record<string, string> = {
  achieved: "Achieved",
  withdrawn: "Withdrawn",
  superseded: "Superseded",
};

/** How long a priority ran, in the unit a resident would use: "12 days", "5 weeks", "4 months". */
export function durationInWords(start: string | null, end: string | null): string | null {
  if (!start || !end) return null;
  const days = Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000);
  if (!Number.isFinite(days) || days < 0) return null;
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (days < 14) return plural(days, "day");
  if (days < 61) return plural(Math.round(days / 7), "week");
  return plural(Math.round(days / 30.44), "month");
}
