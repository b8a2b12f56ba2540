import { useTranslation } from "react-i18next";

import { formatDate, formatDateTime, formatMonth, formatTime, formatWeekdayDate, machineDate } from "../lib/dates";

const FORMATS = {
  date: formatDate,
  weekday: formatWeekdayDate,
  time: formatTime,
  dateTime: formatDateTime,
  month: formatMonth,
};

/**
 * A date shown to people, with its machine form in `<time dateTime>` for assistive technology and
 * anything that reads the page. `as`: "date" (15 December 2026, the default), "weekday"
 * (Tuesday 15 December 2026), "time" (7:30pm), "dateTime" (15 December 2026, 7:30pm) or
 * "month" (December 2026, for a "YYYY-MM" value). Nothing is rendered for an empty value.
 */
export function When({ value, as = "date" }: { value: Date | string | null | undefined; as?: keyof typeof FORMATS }) {
  useTranslation(); // formats in the page's language, and shows again in another when it is switched
  if (value == null || value === "") return null;
  const text = as === "month" ? formatMonth(String(value)) : FORMATS[as](value);
  return <time dateTime={machineDate(value)}>{text}</time>;
}
