/**
 * The keys of the catalogues' `dates.months` and `dates.weekdays` blocks, January first and Monday
 * first (ISO 8601 weekday order): one list for every writer of dates in a language Intl may not hold
 * (the web's lib/dates.ts, the packs' pack-words.ts).
 */
export const MONTH_KEYS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;

export const WEEKDAY_KEYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
