import type { Db } from "@wardpanel/db/client";
import type { ForceWords } from "@wardpanel/validators";
import type { FastifyInstance } from "fastify";

import type { ServerMail } from "../mail/mail-transport";
import { startConcernMailer } from "./concern-mailer";
import { startFlagExpirySweep } from "./flag-expiry";
import { startMessageMailer } from "./message-mailer";
import { startPackMailer } from "./pack-mailer";
import type { Repeating } from "./repeat";
import type { AllowedNetwork } from "./webhook-networks";
import { startWebhookWorker } from "./webhook-worker";

type ServerWorkerOptions = {
  mail: ServerMail;
  /** The site's address for links in e-mails (public-base-url.ts), read once the server listens. */
  publicBaseUrl: () => string;
  /** Private networks webhooks may reach (WEBHOOK_ALLOWED_NETWORKS). */
  allowedNetworks: readonly AllowedNetwork[];
  /** RESPONSE_TARGET_HOURS, which the acknowledgement of a message to the team promises. */
  responseTargetHours: number;
  /** PRIORITY_REVIEW_GRACE_DAYS: how long a flag outlives an unreviewed review date. */
  reviewGraceDays: number;
  /** How e-mails name the team and district: `forceWordsOf(POLICE_FORCE_ID)`. */
  forceWords: ForceWords;
};

/**
 * The server's background work beside its requests: the feed's webhook notices, the expiry
 * sweep that lapses unreviewed call-handling flags (flag-expiry.ts), and the pack, concern and
 * message e-mail queues. Both poll the database, so queued work survives a restart and whatever process
 * queued it. They stop when the server closes, after the batch in hand. (The daily retention run
 * and scheduled backups are started by main.ts: retention.ts, backups.ts.)
 */
export function startServerWorkers(
  app: FastifyInstance,
  db: Db,
  { mail, publicBaseUrl, allowedNetworks, responseTargetHours, reviewGraceDays, forceWords }: ServerWorkerOptions,
): void {
  const stopWebhooks = startWebhookWorker(db, { log: app.log, allowedNetworks });
  const flagExpiry = startFlagExpirySweep(db, { graceDays: reviewGraceDays, log: app.log });
  // The mailer starts once the server listens, so the demo's links can use its own address.
  let mailers: Repeating[] = [];
  app.addHook("onListen", async () => {
    const options = {
      transport: mail.transport,
      baseUrl: publicBaseUrl(),
      tokenSecret: mail.tokenSecret,
      pollMs: mail.pollMs,
      forceWords,
      logger: app.log,
    };
    mailers = [
      startPackMailer(db, options),
      startConcernMailer(db, options),
      startMessageMailer(db, { ...options, responseTargetHours }),
    ];
    app.log.info({ mail: mail.transport.describe }, "pack, concern and message mailers started");
  });
  app.addHook("onClose", async () => {
    await Promise.all([stopWebhooks(), flagExpiry.stop(), ...mailers.map((m) => m.stop())]);
  });
}
