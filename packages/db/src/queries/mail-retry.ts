/** Waits before each retry: 1 min, 5 min, 30 min, 2 h, 12 h; then the e-mail is given up on. */
const RETRY_DELAYS_MS = [60_000, 300_000, 1_800_000, 7_200_000, 43_200_000] as const;

/** While one worker sends a queued e-mail, it is not due for anyone else. */
export const CLAIM_LEASE_MS = 5 * 60_000;

/**
 * What a queued e-mail's row becomes after a failed attempt, for every mail queue (packs,
 * concerns): the attempts made, when it is next due, and whether another attempt will be made.
 * `attempts` is the count before this failure; `lastError` is cut to 500 characters for the row.
 */
export function afterFailedAttempt({ attempts, error, now }: { attempts: number; error: string; now: Date }): {
  attempts: number;
  lastError: string;
  nextAttemptAt: Date;
  willRetry: boolean;
} {
  const made = attempts + 1;
  const delay = RETRY_DELAYS_MS[made - 1];
  return {
    attempts: made,
    lastError: error.slice(0, 500),
    nextAttemptAt: new Date(now.getTime() + (delay ?? 0)),
    willRetry: delay !== undefined,
  };
}
