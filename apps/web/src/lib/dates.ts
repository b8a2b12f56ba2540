/**
 * Every date and time the web app shows, in one place, so pages never mix "2026-12-15",
 * "15 December 2026" and "29/11/2026". Ward panels meet in London: instants are shown on the
 * Europe/London clock, whatever the reader's computer is set to.
 *
 * A value is either an instant (a `Date`, or an ISO string with a time such as
 * "2026-12-15T19:00:00.000Z") or a calendar day stored without a time ("2026-12-15"), which is
 * shown as that day with no time-zone arithmetic. Dates are written in the language the page is
 * shown in (`i18next.language`), so every page's dates follow the language switch. A month is "YYYY-MM". Text that is none of these
 * is shown as it is rather than as "Invalid Date"; an empty value gives "".
 *
 * ISO forms ("2026-12-15") are for machines only: `<input type="date">` values and the
 * `dateTime` attribute of `<time>` (see `components/when.tsx`).
 */

import { SOURCE_LANGUAGE } from "@wardpanel/i18n";
import i18next from "i18next";

export type DateValue = Date | string | null | undefined;

const LONDON = "Europe/London";
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

// Formatters are built once per language: Intl.DateTimeFormat is slow to construct and pages format many dates.
const dayFormat = (locale: string, timeZone: string) =>
  new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone });
const weekdayFormat = (locale: string, timeZone: string) =>
  new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone });
const formatsFor = (locale: string) => ({
  day: { london: dayFormat(locale, LONDON), utc: dayFormat(locale, "UTC") },
  weekday: { london: weekdayFormat(locale, LONDON), utc: weekdayFormat(locale, "UTC") },
  month: new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }),
  clock: new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", hourCycle: "h12", timeZone: LONDON }),
});
type Formats = ReturnType<typeof formatsFor>;
const built = new Map<string, Formats>();
const ISO = new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: LONDON });

/**
 * The Intl locale for the language the page is shown in (`i18next.language`): English dates are
 * British ("en-GB"); any other language by its own code ("cy": "Dydd Mawrth 15 Rhagfyr 2026").
 */
function locale(): string {
  const language = i18next.language || SOURCE_LANGUAGE;
  return language === SOURCE_LANGUAGE ? "en-GB" : language;
}

function formats(): Formats {
  const code = locale();
  let found = built.get(code);
  if (!found) {
    found = formatsFor(code);
    built.set(code, found);
  }
  return found;
}

/** Morning and evening after a clock time: "pm" in English, "yh" (yr hwyr) and "yb" (y bore) in Welsh. */
const DAY_PERIODS: Record<string, { am: string; pm: string }> = { cy: { am: "yb", pm: "yh" } };

/** A calendar day ("2026-12-15") as midnight UTC, so formatting in UTC gives back the same day. */
function calendarDay(value: string): Date | null {
  const match = DAY.exec(value);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
}

function instant(value: Date | string): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function formatDay(value: DateValue, format: { london: Intl.DateTimeFormat; utc: Intl.DateTimeFormat }): string {
  if (value == null || value === "") return "";
  const day = typeof value === "string" ? calendarDay(value) : null;
  if (day) return format.utc.format(day);
  const at = instant(value);
  return at ? format.london.format(at) : String(value);
}

/** "15 December 2026". */
export function formatDate(value: DateValue): string {
  return formatDay(value, formats().day);
}

/** "Tuesday 15 December 2026", for meetings and deadlines people plan their week around. */
export function formatWeekdayDate(value: DateValue): string {
  return formatDay(value, formats().weekday).replace(",", "");
}

/**
 * "7pm", "7:30pm": the style of a meeting's "7pm to 8:30pm" (describeLondonSpan in
 * @wardpanel/meetings), so a page never shows "19:00" beside "7pm". Instants only.
 */
export function formatTime(value: Date | string | null | undefined): string {
  if (value == null || value === "") return "";
  const at = instant(value);
  if (!at) return String(value);
  const parts = Object.fromEntries(
    formats()
      .clock.formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const minutes = parts.minute === "00" ? "" : `:${parts.minute}`;
  const period = (parts.dayPeriod ?? "").toLowerCase().replace(/\s|\./g, "");
  const own = DAY_PERIODS[locale()];
  return `${parts.hour}${minutes}${own ? own[period === "am" ? "am" : "pm"] : period}`;
}

/**
 * "7pm", "7:30pm" ("7yh" in Welsh) for a London clock time stored as "HH:MM" (a meeting's start
 * and end): no time-zone arithmetic. Text that is not "HH:MM" is shown as it is.
 */
export function formatClockTime(time: string): string {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return time;
  const hour = Number(match[1]);
  const minutes = match[2] === "00" ? "" : `:${match[2]}`;
  const period = hour < 12 ? "am" : "pm";
  const own = DAY_PERIODS[locale()];
  return `${hour % 12 || 12}${minutes}${own ? own[period] : period}`;
}

/** "15 December 2026, 7:30pm". Instants only. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (value == null || value === "") return "";
  return instant(value) ? `${formatDate(value)}, ${formatTime(value)}` : String(value);
}

/** "December 2026" for a month stored as "YYYY-MM" (crime packs, priority progress). */
export function formatMonth(month: string): string {
  const match = MONTH.exec(month);
  return match ? formats().month.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1))) : month;
}

/** A length of time in whole minutes, as an agenda gives it: "1 minute", "15 minutes". */
export function formatMinutes(minutes: number): string {
  return i18next.t("dates.minutes", { count: minutes });
}

/** "2026-12-15": the London calendar day of an instant, for `<input type="date">` values. */
export function isoDate(value: Date | string = new Date()): string {
  const at = instant(value);
  if (!at) return String(value);
  const parts = Object.fromEntries(ISO.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** "2026-12": the London month of an instant, for month inputs and pack addresses. */
export function isoMonth(value: Date | string = new Date()): string {
  return isoDate(value).slice(0, 7);
}

/** The machine form for `<time dateTime>`: a calendar day or month as it is, an instant in full ISO. */
export function machineDate(value: Date | string): string {
  if (typeof value === "string" && (DAY.test(value) || MONTH.test(value))) return value;
  const at = instant(value);
  return at ? at.toISOString() : String(value);
}
