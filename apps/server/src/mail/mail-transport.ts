import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import nodemailer, { type SendMailOptions } from "nodemailer";

import { type MailConfig, type MailSettings, readMailConfig } from "./mail-config";

export type PackTransport = { send(message: SendMailOptions): Promise<void>; describe: string };

/**
 * SMTP when SMTP_URL is set; otherwise every message is written to the outbox folder as an .eml
 * file (open it in any mail program), so development and the demo never send real mail.
 */
export function createPackTransport(
  config: Pick<MailConfig, "SMTP_URL" | "PACK_OUTBOX_DIR" | "MAIL_FROM">,
): PackTransport {
  if (config.SMTP_URL) {
    const transport = nodemailer.createTransport(config.SMTP_URL);
    return {
      describe: `SMTP ${new URL(config.SMTP_URL).host}`,
      async send(message) {
        await transport.sendMail({ from: config.MAIL_FROM, ...message });
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  let n = 0;
  return {
    describe: `outbox folder ${config.PACK_OUTBOX_DIR}`,
    async send(message) {
      const info = await transport.sendMail({ from: config.MAIL_FROM, ...message });
      mkdirSync(config.PACK_OUTBOX_DIR, { recursive: true });
      const to = String(message.to ?? "unknown").replace(/[^a-z0-9@._-]+/gi, "_");
      writeFileSync(
        join(config.PACK_OUTBOX_DIR, `${new Date().toISOString().replace(/[:.]/g, "-")}-${++n}-${to}.eml`),
        info.message as Buffer,
      );
    },
  };
}

/** The mail side of the server: where messages go, the unsubscribe-token key, how often the pack queue is read. */
export type ServerMail = { transport: PackTransport; tokenSecret: string; pollMs: number };

/** The transport and settings from env.ts's mail settings (shape in mail-config.ts). */
export function mailFromSettings(settings: MailSettings): ServerMail {
  const config = readMailConfig(settings);
  return {
    transport: createPackTransport(config),
    tokenSecret: config.PACK_TOKEN_SECRET,
    pollMs: config.PACK_MAIL_POLL_MS,
  };
}
