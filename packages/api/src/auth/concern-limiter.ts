import { DomainError, formMessage } from "@wardpanel/validators";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export type ConcernLimiter = ReturnType<typeof createConcernLimiter>;

/**
 * A public form (concerns, messages to the team): a handful per hour from one address, so a script
 * cannot flood a queue. `what` names what is sent, in the refusal ("concerns", "messages").
 */
export function createConcernLimiter({ perHour = 10, what = "concerns" as "concerns" | "messages" } = {}) {
  const limiter = new RateLimiterMemory({ keyPrefix: what, points: perHour, duration: 60 * 60 });
  return {
    async consume(address: string): Promise<void> {
      try {
        await limiter.consume(address);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        const minutes = Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
        const code = what === "messages" ? "tooManyMessages" : "tooManyConcerns";
        throw new DomainError("too_many_requests", formMessage(code, { minutes }));
      }
    },
  };
}
