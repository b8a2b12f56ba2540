import { defined } from "@wardpanel/validators";
import { DateTime } from "luxon";

import { LONDON } from "./london-time";

/** "The second Tuesday of each month": ordinal 1–4, or -1 for the last. Weekday 1 = Monday … 7 = Sunday (ISO). */
export type MonthlyRule = {
  ordinal: 1 | 2 | 3 | 4 | -1;
  weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  firstMonth: string;
  months: number;
};

const ORDINALS: Record<MonthlyRule["ordinal"], string> = {
  1: "first",
  2: "second",
  3: "third",
  4: "fourth",
  [-1]: "last",
};
const WEEKDAYS = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** The dates (YYYY-MM-DD, London) of each month's occurrence, starting with `firstMonth` (YYYY-MM). */
export function monthlyDates(rule: MonthlyRule): string[] {
  const first = DateTime.fromISO(`${rule.firstMonth}-01`, { zone: LONDON });
  return Array.from({ length: rule.months }, (_, i) => {
    const month = first.plus({ months: i });
    if (rule.ordinal === -1) {
      const last = month.endOf("month").startOf("day");
      return defined(last.minus({ days: (last.weekday - rule.weekday + 7) % 7 }).toISODate(), "a valid date");
    }
    const offset = (rule.weekday - month.weekday + 7) % 7;
    return defined(month.plus({ days: offset + (rule.ordinal - 1) * 7 }).toISODate(), "a valid date");
  });
}

export function describeRule(rule: MonthlyRule): string {
  return `the ${ORDINALS[rule.ordinal]} ${WEEKDAYS[rule.weekday]} of each month for ${rule.months} month${rule.months === 1 ? "" : "s"}`;
}
