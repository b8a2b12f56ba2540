import type { PriorityStatus } from "./priority-lifecycle";

/**
 * A current priority is reviewed at least every 90 days (issue 12: the panel reports back on the
 * priorities it agreed, domain.md "effective report back"); one not reviewed for longer is shown
 * as out of date on the ward's page and on oversight.
 */
export const REVIEW_WITHIN_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

/** "2026-12-15" plus `days` calendar days (the dates are London calendar days; no clock is involved). */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

type ReviewFacts = {
  status: PriorityStatus;
  /** London calendar days (YYYY-MM-DD) on which the priority was looked at again: published, progress reported, status changed. */
  reviewedOn: (string | null)[];
  /** The review date the panel set, if any. */
  reviewDate: string | null;
};

export type PriorityReview = {
  lastReviewed: string | null;
  nextReviewBy: string | null;
  isOutOfDate: boolean;
};

/**
 * When an active priority was last reviewed (the latest of the days given), when its next review
 * is due (the panel's review date, but never more than 90 days after the last review), and whether
 * it is out of date: more than 90 days since the last review on `today`. A draft or ended priority
 * is never out of date.
 */
export function priorityReview(facts: ReviewFacts, today: string): PriorityReview {
  const days = facts.reviewedOn.filter((d): d is string => d !== null).sort();
  const lastReviewed = days.at(-1) ?? null;
  if (facts.status !== "active" || lastReviewed === null)
    return { lastReviewed, nextReviewBy: null, isOutOfDate: false };
  const latest = addDays(lastReviewed, REVIEW_WITHIN_DAYS);
  const planned = facts.reviewDate !== null && facts.reviewDate > lastReviewed ? facts.reviewDate : null;
  return {
    lastReviewed,
    nextReviewBy: planned !== null && planned < latest ? planned : latest,
    isOutOfDate: today > latest,
  };
}
