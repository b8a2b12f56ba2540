import { renderConcernEmail } from "@wardpanel/api";
import type { Db } from "@wardpanel/db/client";
import {
  claimDueConcernEmails,
  markConcernEmailFailed,
  markConcernEmailSent,
  setFollowToken,
} from "@wardpanel/db/queries/concern-events";
import type { FastifyBaseLogger } from "fastify";

import type { PackTransport } from "../mail/mail-transport";
import { repeat, type Repeating } from "./repeat";

type ConcernMailerOptions = {
  transport: PackTransport;
  baseUrl: string;
  tokenSecret: string;
  pollMs: number;
  logger?: Pick<FastifyBaseLogger, "info" | "warn" | "error">;
  now?: () => Date;
};

/** Sends the concern e-mails that are due once; returns how many were sent and how many failed. */
export async function sendDueConcernEmails(
  db: Db,
  options: Omit<ConcernMailerOptions, "pollMs">,
): Promise<{ sent: number; failed: number }> {
  const now = options.now ?? (() => new Date());
  let sent = 0;
  let failed = 0;
  for (const email of claimDueConcernEmails(db, { now: now() })) {
    try {
      // The token is an HMAC of the id: the same link every time. Setting its hash again is a no-op,
      // except for a concern recorded at a meeting, which gets its link with its first e-mail.
      const followToken = setFollowToken(db, { concernId: email.concernId, tokenSecret: options.tokenSecret });
      const message = renderConcernEmail({ ...email, to: email.email, followToken, baseUrl: options.baseUrl });
      await options.transport.send(message);
      markConcernEmailSent(db, { eventId: email.eventId });
      sent += 1;
    } catch (error) {
      const { willRetry } = markConcernEmailFailed(db, {
        eventId: email.eventId,
        attempts: email.attempts,
        error: error instanceof Error ? error.message : String(error),
        now: now(),
      });
      options.logger?.warn({ eventId: email.eventId, willRetry, err: error }, "a concern e-mail was not sent");
      failed += 1;
    }
  }
  return { sent, failed };
}

/** Polls the concern e-mail queue, as the pack mailer polls its own: changes only queue, this sends. */
export function startConcernMailer(db: Db, options: ConcernMailerOptions): Repeating {
  return repeat({
    firstDelayMs: Math.min(options.pollMs, 1000),
    intervalMs: options.pollMs,
    task: async () => {
      await sendDueConcernEmails(db, options);
    },
    onError: (error) => options.logger?.error({ err: error }, "the concern mailer failed a round"),
  });
}
