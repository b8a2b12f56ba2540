/**
 * The feed's schema version. A consumer refuses a feed whose major version it does not know.
 * 1.1.0 added `callHandling.responseTarget` (the force's own target, as data); 1.2.0 sets
 * `expiresAt` on every item (review date + the force's grace) and adds `callHandling.lapsed`.
 */
export const FEED_SCHEMA_VERSION = "1.2.0";

/**
 * The response target the Policing Pledge set for calls about an agreed neighbourhood priority
 * (point 6), and the default of a force's own setting; the only value schema 1.0's
 * `responseTargetMinutes` can carry.
 */
export const PRIORITY_RESPONSE_TARGET_MINUTES = 60;

/**
 * The minutes of attendance a feed item promises: `responseTarget` (schema 1.1), else the 1.0
 * field; null when it promises none.
 */
export function promisedMinutes(callHandling: {
  responseTargetMinutes: number | null;
  responseTarget?: { minutes: number } | null | undefined;
}): number | null {
  if (callHandling.responseTarget !== undefined) return callHandling.responseTarget?.minutes ?? null;
  return callHandling.responseTargetMinutes;
}

/** Whether this package can read a feed of the given schema version (same major version). */
export function canReadSchemaVersion(version: string): boolean {
  const [major] = version.split(".");
  return /^\d+\.\d+\.\d+$/.test(version) && major === FEED_SCHEMA_VERSION.split(".")[0];
}
