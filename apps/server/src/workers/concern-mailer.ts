import { renderConcernEmail } from "@wardpanel/api";
import type { Db } from "@wardpanel/db/client";
import {
  claimDueConcernEmails,
  markConcernEmailFailed,
  markConcernEmailSent,
  setFollowToken,
} from "@wardpanel/db/queries/concern-events";

import { type MailerOptions, sendEach, startMailQueue } from "./mail-queue";
import type { Repeating } from "./repeat";

/** Sends the concern e-mails that are due once; returns how many were sent and how many failed. */
export async function sendDueConcernEmails(
  db: Db,
  options: Omit<MailerOptions, "pollMs">,
): Promise<{ sent: number; failed: number }> {
  const now = options.now ?? (() => new Date());
  return sendEach(
    claimDueConcernEmails(db, { now: now() }),
    {
      async send(email) {
        // The token is an HMAC of the id: the same link every time. Setting its hash again is a no-op,
        // except for a concern recorded at a meeting, which gets its link with its first e-mail.
        const followToken = setFollowToken(db, { concernId: email.concernId, tokenSecret: options.tokenSecret });
        await options.transport.send(
          renderConcernEmail({
            ...email,
            to: email.email,
            followToken,
            baseUrl: options.baseUrl,
            forceWords: options.forceWords,
          }),
        );
      },
      markSent: (email) => markConcernEmailSent(db, { eventId: email.eventId }),
      markFailed: (email, error) =>
        markConcernEmailFailed(db, { eventId: email.eventId, attempts: email.attempts, error, now: now() }),
      logFields: (email) => ({ eventId: email.eventId }),
      what: "a concern e-mail",
    },
    options.logger,
  );
}

/** Polls the concern e-mail queue: changes to a concern only queue its e-mails; this sends them. */
export function startConcernMailer(db: Db, options: MailerOptions): Repeating {
  return startMailQueue("the concern mailer", options, () => sendDueConcernEmails(db, options));
}
