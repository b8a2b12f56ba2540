import { z } from "zod";

/*
 * The values of date, time and month inputs: ISO 8601 forms, on the London calendar and clock.
 * The messages do not show those forms: people pick from the browser's own date and time
 * controls, which display them in their locale; only a broken form or a script sends another
 * shape, and the field named with the message is enough for it.
 */

/** A day, as `<input type="date">` sends it: "2026-12-15". */
export const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date");

/** A time of day on the 24-hour clock, as `<input type="time">` sends it: "19:00". */
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a time");

/** A calendar month, as `<input type="month">` sends it: "2026-12". */
export const CalendarMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Enter a month");
