/**
 * Which accounts have signed in with the right password from which address lately: the
 * "known good" pairs of OWASP's device-cookie guidance, keyed by address instead of a cookie so a
 * shared address (a police station, a proxy) keeps working for the people who use it.
 * In memory, like the limiter's counts; a restart forgets them.
 */
export function createRecognisedSignIns(lifetimeMs: number, now: () => number = Date.now) {
  // Every entry lives equally long and is re-inserted when refreshed, so the Map's order is expiry order.
  const expiresAt = new Map<string, number>();
  const keyOf = (email: string, address: string) => `${email}|${address}`;

  function forgetExpired(): void {
    for (const [key, expiry] of expiresAt) {
      if (expiry > now()) return;
      expiresAt.delete(key);
    }
  }

  return {
    remember(email: string, address: string): void {
      const key = keyOf(email, address);
      expiresAt.delete(key);
      expiresAt.set(key, now() + lifetimeMs);
      forgetExpired();
    },
    has(email: string, address: string): boolean {
      return (expiresAt.get(keyOf(email, address)) ?? 0) > now();
    },
  };
}
