import type { FastifyInstance } from "fastify";
import { createMailLimiter, SUBSCRIPTION_LIMITS } from "@wardpanel/api";
import type { Db } from "@wardpanel/db/client";
import { readMailConfig, type MailSettings } from "./mail-config";
import { createPackTransport, type PackTransport } from "./mail-transport";
import { startPackMailer } from "./mailer";
import { registerPublicPackRoutes } from "./public-routes";
import { registerStaffPackRoutes } from "./staff-routes";
import { registerSubscriptionRoutes } from "./subscription-routes";

export { startPackMailer, sendDuePackEmails, unsubscribeHeaders } from "./mailer";
export { readMailConfig } from "./mail-config";
export { unsubscribeTokenFor } from "./tokens";

/** The mail side of packs: where messages go, the unsubscribe-token key, how often the queue is read. */
export type PackMail = { transport: PackTransport; tokenSecret: string; pollMs: number };

export type PackRouteOptions = {
  secureCookies: boolean;
  mail: PackMail;
  /** The site's address for links in e-mails (public-base-url.ts), read when a link is made. */
  publicBaseUrl: () => string;
};

/** Monthly packs as web, PDF and e-mail; crime uploads; subscriptions (issue 6). */
export async function registerPackRoutes(app: FastifyInstance, db: Db, { secureCookies, mail, publicBaseUrl }: PackRouteOptions): Promise<void> {
  registerPublicPackRoutes(app, db);
  await registerStaffPackRoutes(app, db, secureCookies);
  // The limits live as long as the server.
  const limiter = createMailLimiter(SUBSCRIPTION_LIMITS);
  await registerSubscriptionRoutes(app, db, { transport: mail.transport, tokenSecret: mail.tokenSecret, baseUrl: publicBaseUrl, limiter });

  // The queue worker starts once the server listens (so the demo's links can use its own address) and stops on close.
  let stop: (() => Promise<void>) | null = null;
  app.addHook("onListen", async () => {
    stop = startPackMailer(db, { transport: mail.transport, baseUrl: publicBaseUrl(), tokenSecret: mail.tokenSecret, pollMs: mail.pollMs, logger: app.log });
    app.log.info({ mail: mail.transport.describe }, "pack mailer started");
  });
  app.addHook("onClose", async () => {
    await stop?.();
  });
}

/** The transport and settings from env.ts's mail settings (shape in mail-config.ts). */
export function packMailFromSettings(settings: MailSettings): PackMail {
  const config = readMailConfig(settings);
  return { transport: createPackTransport(config), tokenSecret: config.PACK_TOKEN_SECRET, pollMs: config.PACK_MAIL_POLL_MS };
}
