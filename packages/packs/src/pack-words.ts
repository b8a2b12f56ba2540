import { MONTH_KEYS, type Translate, WEEKDAY_KEYS } from "@wardpanel/i18n";

/**
 * Dates in a pack's language, written from the catalogue's `dates` block (month and day names,
 * word order, "am"/"pm") as the web app's `lib/dates.ts` does, because Node's Intl data may not
 * hold the language. Numbers come from Intl's "en-GB" parts; names and order from `t`.
 */

const monthKey = (month: number) => MONTH_KEYS[month - 1] ?? "january";

/** "December 2024" / "Rhagfyr 2024" for a "YYYY-MM" month; "Dec" / "Rhag" with `short`. */
export function monthLabel(t: Translate, month: string, style: "long" | "short" = "long"): string {
  const [year = 1970, number = 1] = month.split("-").map(Number);
  if (style === "short") return t(`packView.shortMonths.${monthKey(number)}`);
  return t("dates.monthPattern", { month: t(`dates.months.${monthKey(number)}`), year });
}

const LONDON_PARTS = new Intl.DateTimeFormat("en-GB", {
  weekday: "long",
  day: "numeric",
  month: "numeric",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  hourCycle: "h12",
  timeZone: "Europe/London",
});

function londonParts(at: Date): Record<string, string> {
  return Object.fromEntries(LONDON_PARTS.formatToParts(at).map((p) => [p.type, p.value]));
}

/** "7pm", "8:30pm" (or "yh") on the London clock. */
function clock(t: Translate, parts: Record<string, string>): string {
  const period = (parts.dayPeriod ?? "").toLowerCase().startsWith("p") ? t("dates.pm") : t("dates.am");
  return `${parts.hour ?? ""}${parts.minute === "00" || !parts.minute ? "" : `:${parts.minute}`}${period}`;
}

/** "Tuesday 11 February 2025, 7pm to 8:30pm" in London time, in the translator's language. */
export function londonSpan(t: Translate, start: Date, end: Date): string {
  const parts = londonParts(start);
  const weekday = WEEKDAY_KEYS.find((key) => key === parts.weekday?.toLowerCase()) ?? "monday";
  const date = t("dates.weekdayPattern", {
    weekday: t(`dates.weekdays.${weekday}`),
    day: Number(parts.day),
    month: t(`dates.months.${monthKey(Number(parts.month))}`),
    year: parts.year,
  });
  return t("packView.span", { date, start: clock(t, parts), end: clock(t, londonParts(end)) });
}
