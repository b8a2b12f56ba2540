import { renderMessageEmail } from "@wardpanel/api";
import { messageThreadTokenFor } from "@wardpanel/auth";
import type { Db } from "@wardpanel/db/client";
import {
  claimDueMessageEmails,
  markMessageEmailFailed,
  markMessageEmailSent,
} from "@wardpanel/db/queries/message-mail";

import { type MailerOptions, sendEach, startMailQueue } from "./mail-queue";
import type { Repeating } from "./repeat";

type MessageMailerOptions = MailerOptions & {
  /** RESPONSE_TARGET_HOURS: the acknowledgement says when to expect a reply. */
  responseTargetHours: number;
};

/** Sends the due e-mails to residents about their messages once; returns how many were sent and how many failed. */
export async function sendDueMessageEmails(
  db: Db,
  options: Omit<MessageMailerOptions, "pollMs">,
): Promise<{ sent: number; failed: number }> {
  const now = options.now ?? (() => new Date());
  return sendEach(
    claimDueMessageEmails(db, { now: now() }),
    {
      async send(email) {
        // The token is an HMAC of the id: the same private link in every e-mail, never stored.
        const threadToken = messageThreadTokenFor(options.tokenSecret, email.messageId);
        await options.transport.send(
          renderMessageEmail({
            ...email,
            to: email.email,
            threadToken,
            baseUrl: options.baseUrl,
            targetHours: options.responseTargetHours,
            forceWords: options.forceWords,
          }),
        );
      },
      markSent: (email) => markMessageEmailSent(db, { eventId: email.eventId }),
      markFailed: (email, error) =>
        markMessageEmailFailed(db, { eventId: email.eventId, attempts: email.attempts, error, now: now() }),
      logFields: (email) => ({ eventId: email.eventId }),
      what: "a message e-mail",
    },
    options.logger,
  );
}

/** Polls the message e-mail queue: replies only queue their e-mails; this sends them. */
export function startMessageMailer(db: Db, options: MessageMailerOptions): Repeating {
  return startMailQueue("the message mailer", options, () => sendDueMessageEmails(db, options));
}
