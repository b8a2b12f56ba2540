import { unsubscribeTokenFor } from "@wardpanel/auth";
import type { Db } from "@wardpanel/db/client";
import { claimDueEmails, markEmailFailed, markEmailSent } from "@wardpanel/db/queries/packs-emails";
import { buildPackView, renderPackEmail } from "@wardpanel/packs";
import type { FastifyBaseLogger } from "fastify";

import type { PackTransport } from "../mail/mail-transport";
import { repeat, type Repeating } from "./repeat";

type PackMailerOptions = {
  transport: PackTransport;
  baseUrl: string;
  tokenSecret: string;
  pollMs: number;
  logger?: Pick<FastifyBaseLogger, "info" | "warn" | "error">;
  now?: () => Date;
};

/**
 * The headers and link for one-click unsubscribe (RFC 8058, RFC 2369). The List-Unsubscribe URL
 * is a plain HTTP route (routes/packs/unsubscribe-route.ts): mail programs POST to it.
 */
function unsubscribeHeaders(baseUrl: string, token: string) {
  const url = new URL(`/api/subscriptions/unsubscribe/${token}`, baseUrl).toString();
  return {
    pageUrl: new URL(`/unsubscribe/${token}`, baseUrl).toString(),
    headers: { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}

/** Sends what is due once; returns how many were sent and how many failed. */
async function sendDuePackEmails(db: Db, options: PackMailerOptions): Promise<{ sent: number; failed: number }> {
  const now = options.now ?? (() => new Date());
  const views = new Map<number, ReturnType<typeof buildPackView>>();
  let sent = 0;
  let failed = 0;
  for (const email of claimDueEmails(db, { now: now() })) {
    try {
      let view = views.get(email.packId);
      if (!view) {
        // Only published packs are claimed, and publishing freezes their data: a null here is a bug.
        if (!email.published) throw new Error(`pack ${email.packId} is published without its frozen data`);
        view = buildPackView(email.published);
        views.set(email.packId, view);
      }
      const { pageUrl, headers } = unsubscribeHeaders(
        options.baseUrl,
        unsubscribeTokenFor(options.tokenSecret, email.wardCode, email.email),
      );
      const message = renderPackEmail(view, { baseUrl: options.baseUrl, unsubscribeUrl: pageUrl });
      await options.transport.send({
        to: email.email,
        subject: message.subject,
        html: message.html,
        text: message.text,
        headers,
      });
      markEmailSent(db, { emailId: email.emailId, now: now() });
      sent += 1;
    } catch (error) {
      const { willRetry } = markEmailFailed(db, {
        emailId: email.emailId,
        attempts: email.attempts,
        error: error instanceof Error ? error.message : String(error),
        now: now(),
      });
      options.logger?.warn({ emailId: email.emailId, willRetry, err: error }, "a pack e-mail was not sent");
      failed += 1;
    }
  }
  return { sent, failed };
}

/**
 * Polls the pack e-mail queue and sends what is due, one batch at a time. Publishing only queues
 * (in its own transaction), so a slow or failing mail server never holds up a sergeant. Stopping
 * waits for the batch in hand to finish.
 */
export function startPackMailer(db: Db, options: PackMailerOptions): Repeating {
  return repeat({
    firstDelayMs: Math.min(options.pollMs, 1000),
    intervalMs: options.pollMs,
    task: async () => {
      await sendDuePackEmails(db, options);
    },
    onError: (error) => options.logger?.error({ err: error }, "the pack mailer failed a round"),
  });
}
