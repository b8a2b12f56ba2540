import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { DomainError } from "@wardpanel/validators";

/**
 * Limits failed sign-ins the way OWASP's authentication cheat sheet suggests: a few tries per
 * account from one address, and a larger budget per address across accounts (against spraying).
 * A successful sign-in clears the account's count. Kept in memory: one server process.
 */
export type SignInLimiter = ReturnType<typeof createSignInLimiter>;

const WINDOW_SECONDS = 15 * 60;

export function createSignInLimiter({ perAccount = 5, perAddress = 50 } = {}) {
  const byAccount = new RateLimiterMemory({ keyPrefix: "sign-in-account", points: perAccount, duration: WINDOW_SECONDS });
  const byAddress = new RateLimiterMemory({ keyPrefix: "sign-in-address", points: perAddress, duration: WINDOW_SECONDS });
  const accountKey = (email: string, address: string) => `${email}|${address}`;

  function tooMany(res: RateLimiterRes | null, limit: number): number | null {
    if (!res || res.consumedPoints < limit) return null;
    return Math.max(1, Math.ceil(res.msBeforeNext / 60_000));
  }

  return {
    /** Throws before any password is checked if this account or address has used its tries. */
    async assertAllowed(email: string, address: string): Promise<void> {
      const [account, addr] = await Promise.all([byAccount.get(accountKey(email, address)), byAddress.get(address)]);
      const minutes = tooMany(account, perAccount) ?? tooMany(addr, perAddress);
      if (minutes !== null) {
        throw new DomainError(
          "too_many_requests",
          `Too many sign-in attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
        );
      }
    },
    async recordFailure(email: string, address: string): Promise<void> {
      await Promise.all([
        byAccount.penalty(accountKey(email, address), 1),
        byAddress.penalty(address, 1),
      ]);
    },
    async recordSuccess(email: string, address: string): Promise<void> {
      await byAccount.delete(accountKey(email, address));
    },
  };
}
