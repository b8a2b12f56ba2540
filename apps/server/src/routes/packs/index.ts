import type { FastifyInstance, FastifyRequest } from "fastify";
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

export type PackRouteOptions = {
  secureCookies: boolean;
  /** Tests pass their own; otherwise the mail settings from env.ts (shape in mail-config.ts) are used. */
  mail?: { transport: PackTransport; tokenSecret: string; publicBaseUrl?: string; pollMs: number };
  mailSettings?: MailSettings;
};

/** Monthly packs as web, PDF and e-mail; crime uploads; subscriptions (issue 6). */
export async function registerPackRoutes(app: FastifyInstance, db: Db, options: PackRouteOptions): Promise<void> {
  const mail = options.mail ?? fromSettings(options.mailSettings ?? {});
  const baseUrlOf = (request: FastifyRequest) => mail.publicBaseUrl ?? `${request.protocol}://${request.host}`;

  registerPublicPackRoutes(app, db);
  await registerStaffPackRoutes(app, db, options.secureCookies);
  await registerSubscriptionRoutes(app, db, { transport: mail.transport, tokenSecret: mail.tokenSecret, baseUrlOf });

  // The queue worker starts once the server listens (so links can use its own address) and stops on close.
  let stop: (() => Promise<void>) | null = null;
  app.addHook("onListen", async () => {
    const address = app.addresses()[0];
    const own = address && typeof address !== "string" ? `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}` : "http://localhost:3000";
    const baseUrl = mail.publicBaseUrl ?? own.replace("0.0.0.0", "localhost").replace("127.0.0.1", "localhost");
    stop = startPackMailer(db, { transport: mail.transport, baseUrl, tokenSecret: mail.tokenSecret, pollMs: mail.pollMs, logger: app.log });
    app.log.info({ mail: mail.transport.describe }, "pack mailer started");
  });
  app.addHook("onClose", async () => {
    await stop?.();
  });
}

function fromSettings(settings: MailSettings): NonNullable<PackRouteOptions["mail"]> {
  const config = readMailConfig(settings);
  return {
    transport: createPackTransport(config),
    tokenSecret: config.PACK_TOKEN_SECRET,
    ...(config.PUBLIC_BASE_URL ? { publicBaseUrl: config.PUBLIC_BASE_URL } : {}),
    pollMs: config.PACK_MAIL_POLL_MS,
  };
}
