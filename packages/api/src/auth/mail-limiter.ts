import { DomainError } from "@wardpanel/validators";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

type MailLimits = {
  /** Names this limiter's counters, so two limiters never share them. */
  name: string;
  /** E-mails to one recipient address per hour, from anywhere. */
  perRecipient: number;
  /** E-mails asked for from one client address per hour, to anyone. */
  perClientAddress: number;
};

/** "Forgot your password?" e-mails. */
export const PASSWORD_RESET_LIMITS: MailLimits = { name: "password-reset", perRecipient: 3, perClientAddress: 10 };
/** Subscription confirmation e-mails. */
export const SUBSCRIPTION_LIMITS: MailLimits = { name: "subscription", perRecipient: 3, perClientAddress: 20 };

export type MailLimiter = ReturnType<typeof createMailLimiter>;

/**
 * Limits e-mails that anyone can ask us to send, so the site cannot be used to flood an inbox
 * (per recipient) or to send from one place to many (per client address). Counted per hour in
 * memory (one server process). The recipient is counted whether or not it has an account, so the
 * limit says nothing about who has one.
 */
export function createMailLimiter({ name, perRecipient, perClientAddress }: MailLimits) {
  const byRecipient = new RateLimiterMemory({
    keyPrefix: `${name}-recipient`,
    points: perRecipient,
    duration: 60 * 60,
  });
  const byClient = new RateLimiterMemory({ keyPrefix: `${name}-client`, points: perClientAddress, duration: 60 * 60 });
  return {
    /**
     * Counts one e-mail to `recipient` asked for from `clientAddress`; throws a too_many_requests
     * DomainError (HTTP 429) that says how long to wait when either has had its share this hour.
     */
    async consume(recipient: string, clientAddress: string): Promise<void> {
      // The recipient first, so flooding one inbox does not also use up the connection's share.
      try {
        await byRecipient.consume(recipient.trim().toLowerCase());
      } catch (error) {
        throw tooMany(error, "Too many e-mails have been sent to this address recently.");
      }
      try {
        await byClient.consume(clientAddress);
      } catch (error) {
        throw tooMany(error, "Too many e-mails have been asked for from your connection.");
      }
    },
  };
}

function tooMany(error: unknown, what: string): unknown {
  if (!(error instanceof RateLimiterRes)) return error;
  const minutes = Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
  return new DomainError(
    "too_many_requests",
    `${what} Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
    "email",
  );
}
