import { DateTime } from "luxon";

/** Ward panels meet in London: every wall-clock time in Ward Panel is Europe/London, stored as an instant. */
export const LONDON = "Europe/London";

export class LocalTimeError extends Error {}

/**
 * The instant of a London wall-clock time. A time that does not exist (the hour skipped when the
 * clocks go forward in March) is refused rather than silently moved.
 */
export function londonInstant(date: string, time: string): Date {
  const local = DateTime.fromISO(`${date}T${time}`, { zone: LONDON });
  if (!local.isValid) throw new LocalTimeError(`${date} ${time} is not a valid date and time`);
  if (local.toFormat("yyyy-MM-dd'T'HH:mm") !== `${date}T${time}`) {
    throw new LocalTimeError(`${time} on ${date} does not exist in London: the clocks go forward then`);
  }
  return local.toJSDate();
}

/** The London date and time of an instant, as the forms and pages show it. */
export function londonParts(instant: Date): { date: string; time: string } {
  const local = DateTime.fromJSDate(instant, { zone: LONDON });
  return { date: local.toFormat("yyyy-MM-dd"), time: local.toFormat("HH:mm") };
}

/** "Tuesday 8 December 2026, 7pm to 8:30pm" in plain English. */
export function describeLondonSpan(start: Date, end: Date): string {
  const s = DateTime.fromJSDate(start, { zone: LONDON });
  const e = DateTime.fromJSDate(end, { zone: LONDON });
  const clock = (t: DateTime) => (t.minute === 0 ? t.toFormat("ha") : t.toFormat("h:mma")).toLowerCase();
  return `${s.toFormat("cccc d LLLL yyyy")}, ${clock(s)} to ${clock(e)}`;
}

/** An instant as ISO 8601 on the London clock, to the second, with its offset: "2026-10-25T01:30:00+01:00". */
export function londonIsoTime(instant: Date): string {
  return (
    DateTime.fromJSDate(instant, { zone: LONDON }).toISO({ suppressMilliseconds: true, includeOffset: true }) ?? ""
  );
}
