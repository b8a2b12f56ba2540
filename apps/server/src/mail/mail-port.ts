import type { MailPort } from "@wardpanel/api";
import type { FastifyBaseLogger } from "fastify";

import type { PackTransport } from "./mail-transport";

/**
 * The mail port procedures send e-mail through (invitations, new-password links, subscription
 * confirmations): the same transport as pack e-mails (SMTP_URL, or .eml files in PACK_OUTBOX_DIR).
 * A failure is logged without the message, whose link must never reach a log, and passed on.
 */
export function mailPort(transport: PackTransport, log: Pick<FastifyBaseLogger, "warn">): MailPort {
  return {
    async send(message) {
      try {
        await transport.send({
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
        });
      } catch (error) {
        log.warn({ err: error, subject: message.subject }, "an e-mail was not sent");
        throw error;
      }
    },
  };
}
