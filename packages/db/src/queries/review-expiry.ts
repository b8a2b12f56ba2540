import { londonInstant, londonParts } from "@wardpanel/meetings/london-time";

/**
 * When a priority stops applying if nobody reviews it (issue 14 item 5, decision 0029): the end
 * of the London day `graceDays` after its review date, i.e. midnight London time at the start of
 * day reviewDate + graceDays + 1. Review date 2026-12-01 with the default 14 days: the flag holds
 * through 15 December and lapses at 2026-12-16T00:00 London time. The feed publishes this as
 * `expiresAt` (exclusive) and the GIS layer as `expire`.
 */

/** PRIORITY_REVIEW_GRACE_DAYS' default: two weeks after the review date. */
export const DEFAULT_REVIEW_GRACE_DAYS = 14;

/** Rendering thousands of items asks for the same few hundred dates: each is worked out once. */
const MAX_CACHED = 4096;
const expiries = new Map<string, string>();

/** `reviewDate` YYYY-MM-DD (a London calendar date) → the RFC 3339 instant (UTC, `Z`) the flag lapses. */
export function reviewExpiry(reviewDate: string, graceDays: number): string {
  const key = `${reviewDate}|${graceDays}`;
  const cached = expiries.get(key);
  if (cached !== undefined) return cached;
  const instant = londonInstant(addDays(reviewDate, graceDays + 1), "00:00").toISOString();
  if (expiries.size >= MAX_CACHED) expiries.clear();
  expiries.set(key, instant);
  return instant;
}

/**
 * The latest review date whose flag has lapsed at `now`: a priority with a review date on or
 * before it is past review + grace. (`now` ≥ expiry ⟺ London date of `now` ≥ reviewDate + grace + 1.)
 */
export function lastLapsedReviewDate(now: Date, graceDays: number): string {
  return addDays(londonParts(now).date, -(graceDays + 1));
}

/** Calendar arithmetic on YYYY-MM-DD, free of time zones (a date is not an instant). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + days)).toISOString().slice(0, 10);
}
