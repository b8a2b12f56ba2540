/**
 * Every date and time the web app shows, in one place, so pages never mix "2026-12-15",
 * "15 December 2026" and "29/11/2026". Ward panels meet in London: instants are shown on the
 * Europe/London clock, whatever the reader's computer is set to.
 *
 * A value is either an instant (a `Date`, or an ISO string with a time such as
 * "2026-12-15T19:00:00.000Z") or a calendar day stored without a time ("2026-12-15"), which is
 * shown as that day with no time-zone arithmetic. A month is "YYYY-MM". Text that is none of these
 * is shown as it is rather than as "Invalid Date"; an empty value gives "".
 *
 * Dates are written in the language the page is shown in (`i18next.language`), so every page's
 * dates follow the language switch: English by Intl's "en-GB"; any other language with the month
 * and day names, word order and "am"/"pm" of its catalogue (`dates.*`), because browsers' Intl
 * data does not always hold the language (Chromium has no Welsh month names).
 *
 * ISO forms ("2026-12-15") are for machines only: `<input type="date">` values and the
 * `dateTime` attribute of `<time>` (see `components/when.tsx`).
 */

import { MONTH_KEYS, SOURCE_LANGUAGE, WEEKDAY_KEYS } from "@wardpanel/i18n";
import i18next from "i18next";

export type DateValue = Date | string | null | undefined;

const LONDON = "Europe/London";
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

// Formatters are built once: Intl.DateTimeFormat is slow to construct and pages format many dates.
const dayFormat = (timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone });
const weekdayFormat = (timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone });
/** The numbers (and English weekday) of a day, for languages written from their catalogue. */
const partsFormat = (timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "numeric", year: "numeric", timeZone });
const FORMATS = {
  day: { london: dayFormat(LONDON), utc: dayFormat("UTC") },
  weekday: { london: weekdayFormat(LONDON), utc: weekdayFormat("UTC") },
  parts: { london: partsFormat(LONDON), utc: partsFormat("UTC") },
  month: new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }),
  clock: new Intl.DateTimeFormat("en-GB", { hour: "numeric", minute: "2-digit", hourCycle: "h12", timeZone: LONDON }),
  iso: new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: LONDON }),
};

/** True while the page is in English: dates as Intl's British English writes them. */
function inEnglish(): boolean {
  return (i18next.language || SOURCE_LANGUAGE) === SOURCE_LANGUAGE;
}

/** "Rhagfyr": month 1 to 12 in the page's language. */
function monthName(month: number): string {
  return i18next.t(`dates.months.${MONTH_KEYS[month - 1] ?? "january"}`);
}

/** A day in the page's language from its catalogue: "15 Rhagfyr 2026", "Dydd Mawrth 15 Rhagfyr 2026". */
function dayInWords(at: Date, numbers: Intl.DateTimeFormat, withWeekday: boolean): string {
  const parts = Object.fromEntries(numbers.formatToParts(at).map((p) => [p.type, p.value]));
  // en-GB writes numeric days and months with a leading zero ("01/02/2027"): "1 Chwefror", not "01".
  const fields = { day: Number(parts.day), month: monthName(Number(parts.month)), year: parts.year };
  if (!withWeekday) return i18next.t("dates.dayPattern", fields);
  const weekday = WEEKDAY_KEYS.find((key) => key === parts.weekday?.toLowerCase()) ?? "monday";
  return i18next.t("dates.weekdayPattern", { ...fields, weekday: i18next.t(`dates.weekdays.${weekday}`) });
}

/** A calendar day ("2026-12-15") as midnight UTC, so formatting in UTC gives back the same day. */
function calendarDay(value: string): Date | null {
  const match = DAY.exec(value);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
}

function instant(value: Date | string): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function formatDay(value: DateValue, kind: "day" | "weekday"): string {
  if (value == null || value === "") return "";
  const day = typeof value === "string" ? calendarDay(value) : null;
  const at = day ?? instant(value);
  if (!at) return String(value);
  const zone = day ? "utc" : "london";
  if (!inEnglish()) return dayInWords(at, FORMATS.parts[zone], kind === "weekday");
  return FORMATS[kind][zone].format(at);
}

/** "am" or "pm" after a clock time, in the page's language ("yb", "yh" in Welsh). */
function dayPeriod(period: "am" | "pm"): string {
  return inEnglish() ? period : i18next.t(period === "am" ? "dates.am" : "dates.pm");
}

/** "15 December 2026". */
export function formatDate(value: DateValue): string {
  return formatDay(value, "day");
}

/** "Tuesday 15 December 2026", for meetings and deadlines people plan their week around. */
export function formatWeekdayDate(value: DateValue): string {
  return formatDay(value, "weekday").replace(",", "");
}

/**
 * "7pm", "7:30pm": the style of a meeting's "7pm to 8:30pm" (describeLondonSpan in
 * @wardpanel/meetings), so a page never shows "19:00" beside "7pm". Instants only.
 */
export function formatTime(value: Date | string | null | undefined): string {
  if (value == null || value === "") return "";
  const at = instant(value);
  if (!at) return String(value);
  const parts = Object.fromEntries(FORMATS.clock.formatToParts(at).map((p) => [p.type, p.value]));
  const minutes = parts.minute === "00" ? "" : `:${parts.minute}`;
  const period = (parts.dayPeriod ?? "").toLowerCase().replace(/\s|\./g, "");
  return `${parts.hour}${minutes}${dayPeriod(period === "am" ? "am" : "pm")}`;
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
  return `${hour % 12 || 12}${minutes}${dayPeriod(hour < 12 ? "am" : "pm")}`;
}

/** "15 December 2026, 7:30pm". Instants only. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (value == null || value === "") return "";
  return instant(value) ? `${formatDate(value)}, ${formatTime(value)}` : String(value);
}

/** "December 2026" for a month stored as "YYYY-MM" (crime packs, priority progress). */
export function formatMonth(month: string): string {
  const match = MONTH.exec(month);
  if (!match) return month;
  if (!inEnglish()) return i18next.t("dates.monthPattern", { month: monthName(Number(match[2])), year: match[1] });
  return FORMATS.month.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}

/** A length of time in whole minutes, as an agenda gives it: "1 minute", "15 minutes". */
export function formatMinutes(minutes: number): string {
  return i18next.t("dates.minutes", { count: minutes });
}

/** "2026-12-15": the London calendar day of an instant, for `<input type="date">` values. */
export function isoDate(value: Date | string = new Date()): string {
  const at = instant(value);
  if (!at) return String(value);
  const parts = Object.fromEntries(FORMATS.iso.formatToParts(at).map((p) => [p.type, p.value]));
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
