import { DomainError } from "@wardpanel/validators";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

import { createRecognisedSignIns } from "./recognised-sign-ins";

/**
 * How many password checks sign-in allows (decision 0012). Counts are per client address as the
 * server resolves it (TRUST_PROXY), and per lower-cased email address.
 */
type SignInLimits = {
  /** Tries for one account from one address per window; a right password clears them. */
  perAccount: number;
  /** Tries from one address across accounts per window before the address is slowed. */
  perAddress: number;
  /** Once slowed, an address gets one try per this many seconds, shared by everyone at it. */
  slowedSeconds: number;
  /** The window both counts run over, in seconds. */
  windowSeconds: number;
  /** An account that signed in from an address this recently is not slowed by others at it. */
  recogniseDays: number;
};

const DEFAULT_LIMITS: SignInLimits = {
  perAccount: 5,
  perAddress: 50,
  slowedSeconds: 30,
  windowSeconds: 15 * 60,
  recogniseDays: 30,
};
const DAY_MS = 24 * 60 * 60 * 1000;

/** One sign-in try, already counted. Call `succeeded()` once the password is right; a wrong one needs nothing. */
type SignInAttempt = { succeeded(): Promise<void> };
export type SignInLimiter = ReturnType<typeof createSignInLimiter>;

/**
 * Limits password guessing as OWASP's Authentication Cheat Sheet and rate-limiter-flexible's
 * "login endpoint protection" describe: consecutive failures per account and address stop a
 * brute force on one account; a budget per address stops spraying many accounts — but a spent
 * budget slows the address to one try per `slowedSeconds` instead of shutting it, and accounts
 * that signed in from it lately skip that budget, so a shared address is never locked out by
 * someone else's junk. Each try is taken before its password is checked and given back on
 * success, so a parallel burst or a tRPC batch gets at most the limit of checks.
 * In memory: one server process (decision 0001); a restart forgets the counts.
 */
export function createSignInLimiter(limits: Partial<SignInLimits> = {}) {
  const { perAccount, perAddress, slowedSeconds, windowSeconds, recogniseDays } = { ...DEFAULT_LIMITS, ...limits };
  const byAccount = new RateLimiterMemory({
    keyPrefix: "sign-in-account",
    points: perAccount,
    duration: windowSeconds,
  });
  const byAddress = new RateLimiterMemory({
    keyPrefix: "sign-in-address",
    points: perAddress,
    duration: windowSeconds,
  });
  const slowed = new RateLimiterMemory({ keyPrefix: "sign-in-slowed", points: 1, duration: slowedSeconds });
  const recognised = createRecognisedSignIns(recogniseDays * DAY_MS);

  /** Takes a try from the address's budget, or once that is spent its slowed try; returns the count it came from. */
  async function takeAtAddress(address: string): Promise<RateLimiterMemory> {
    if ((await take(byAddress, address)) === null) return byAddress;
    const slowedWait = await take(slowed, address);
    if (slowedWait !== null)
      throw tooMany(
        `Too many sign-in attempts from your network. Wait ${duration(slowedWait, "second")} and try again.`,
      );
    return slowed;
  }

  return {
    /**
     * Takes one try for `email` (lower-cased) from `address` before the password is checked.
     * @throws DomainError "too_many_requests" saying how long to wait, when the address has used
     *   its budget and its slowed try, or the account has used its tries from this address.
     */
    async begin(email: string, address: string): Promise<SignInAttempt> {
      // The address first, so tries it refuses leave no per-account entry behind to fill memory.
      const heldAtAddress = recognised.has(email, address) ? null : await takeAtAddress(address);
      const accountKey = `${email}|${address}`;
      const accountWait = await take(byAccount, accountKey);
      if (accountWait !== null) {
        if (heldAtAddress) await giveBack(heldAtAddress, address);
        throw tooMany(`Too many sign-in attempts. Wait ${duration(accountWait, "minute")} and try again.`);
      }
      return {
        async succeeded() {
          recognised.remember(email, address);
          await byAccount.delete(accountKey);
          if (heldAtAddress) await giveBack(heldAtAddress, address);
        },
      };
    },
  };
}

/** Takes one point; null when allowed, else the milliseconds until one is free (the point is given back). */
async function take(limiter: RateLimiterMemory, key: string): Promise<number | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    await giveBack(limiter, key);
    return error.msBeforeNext;
  }
}

/** Returns a point, unless its window has ended: a reward then would open the next window below zero. */
async function giveBack(limiter: RateLimiterMemory, key: string): Promise<void> {
  const current = await limiter.get(key);
  if (current && current.consumedPoints > 0) await limiter.reward(key);
}

function tooMany(message: string): DomainError {
  return new DomainError("too_many_requests", message);
}

/** "3 minutes" or "1 second", rounded up so the wait is never too short. */
function duration(ms: number, unit: "minute" | "second"): string {
  const count = Math.max(1, Math.ceil(ms / (unit === "minute" ? 60_000 : 1000)));
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}
