import type { ForceWords } from "@wardpanel/validators";
import type { FastifyBaseLogger } from "fastify";

import type { PackTransport } from "../mail/mail-transport";
import { repeat, type Repeating } from "./repeat";

/** What every mail queue's worker needs: where to send, the site's address, its token key, how often. */
export type MailerOptions = {
  transport: PackTransport;
  baseUrl: string;
  tokenSecret: string;
  pollMs: number;
  /** How e-mails name the team and district: `forceWordsOf(POLICE_FORCE_ID)`; London's words when absent. */
  forceWords?: ForceWords;
  logger?: Pick<FastifyBaseLogger, "info" | "warn" | "error">;
  now?: () => Date;
};

type SendEachSteps<T> = {
  /** Renders and sends one e-mail; throws when it was not sent. */
  send(item: T): Promise<void>;
  markSent(item: T): void;
  /** Records the failure (the queue decides on a retry) and says whether another attempt follows. */
  markFailed(item: T, error: string): { willRetry: boolean };
  /** The fields that name the e-mail in the log line of a failure, e.g. `{ emailId }`. */
  logFields(item: T): Record<string, unknown>;
  /** "a pack e-mail": the failure's log line says it "was not sent". */
  what: string;
};

/**
 * Sends claimed e-mails one at a time, marking each sent or failed as it goes, so one bad address
 * or a mail server's refusal never stops the rest. Resolves to how many were sent and failed.
 */
export async function sendEach<T>(
  claimed: readonly T[],
  steps: SendEachSteps<T>,
  logger?: MailerOptions["logger"],
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (const item of claimed) {
    try {
      await steps.send(item);
      steps.markSent(item);
      sent += 1;
    } catch (error) {
      const { willRetry } = steps.markFailed(item, error instanceof Error ? error.message : String(error));
      logger?.warn({ ...steps.logFields(item), willRetry, err: error }, `${steps.what} was not sent`);
      failed += 1;
    }
  }
  return { sent, failed };
}

/**
 * Polls a mail queue and sends what is due, one batch at a time. Changes only queue (in their own
 * transaction), so a slow or failing mail server never holds anyone up; stopping waits for the
 * batch in hand to finish. `name` names the worker in its error log ("the pack mailer").
 */
export function startMailQueue(name: string, options: MailerOptions, sendDue: () => Promise<unknown>): Repeating {
  return repeat({
    firstDelayMs: Math.min(options.pollMs, 1000),
    intervalMs: options.pollMs,
    task: async () => {
      await sendDue();
    },
    onError: (error) => options.logger?.error({ err: error }, `${name} failed a round`),
  });
}
