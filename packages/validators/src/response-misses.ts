import { z } from "zod";

/**
 * The managers' daily report of missed response targets (issue 14, item 8): a period of London
 * calendar days, both ends inclusive. Empty means yesterday, the daily report; the rules that need
 * today's date (defaults, order, length) are applied where the period is resolved
 * (@wardpanel/db queries/response-misses.ts), which names the field it refuses.
 */

/** The longest period one report covers, in days (a year, leap day included). */
export const MISSES_MAX_DAYS = 366;

const day = (what: "from" | "to") =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${what} must be a date written YYYY-MM-DD, e.g. 2026-12-07`)
    .refine(isCalendarDay, `${what} is not a date on the calendar`);

/** "2026-02-30" has the shape of a date but is not one. */
function isCalendarDay(s: string): boolean {
  const date = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === s;
}

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD`, each optional; the staff app's period form sends both. */
export const MissesPeriodInput = z.object({ from: day("from").optional(), to: day("to").optional() });
export type MissesPeriodInput = z.infer<typeof MissesPeriodInput>;
