import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

import { z } from "zod";

import { fromInvocation, REPO_ROOT } from "../invocation-path";

/**
 * Mail settings for pack e-mails and subscriptions. env.ts folds this shape into the one schema
 * that reads the environment; the server passes the parsed values here.
 */
export const MailSchema = z.object({
  /** smtp://user:pass@host:587 or smtps://…; when absent, mail is written to PACK_OUTBOX_DIR as .eml files. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().default("Ward Panel <updates@wardpanel.invalid>"),
  PACK_OUTBOX_DIR: z.string().default(resolve(REPO_ROOT, "data/outbox")).transform(fromInvocation),
  /**
   * The address people reach the site at, for every link in an e-mail. env.ts requires it unless
   * the demo runs, which uses the server's own address; it is never taken from a request.
   */
  PUBLIC_BASE_URL: z
    .url({ protocol: /^https?$/, error: "the site's address, like https://wardpanel.example.org" })
    .refine(
      (value) => /^https?:\/\/[^/?#]+\/?$/.test(value),
      "the site's address only, like https://wardpanel.example.org (no path)",
    )
    .optional(),
  /** Keys the one-click unsubscribe tokens; when absent, one is made and kept beside the outbox. */
  PACK_TOKEN_SECRET: z.string().min(32).optional(),
  PACK_MAIL_POLL_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
});

export type MailConfig = Omit<z.infer<typeof MailSchema>, "PACK_TOKEN_SECRET"> & { PACK_TOKEN_SECRET: string };

export type MailSettings = z.input<typeof MailSchema>;

export function readMailConfig(source: MailSettings): MailConfig {
  const parsed = MailSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Ward Panel cannot start: fix these mail settings\n${problems}`);
  }
  return {
    ...parsed.data,
    PACK_TOKEN_SECRET: parsed.data.PACK_TOKEN_SECRET ?? localSecret(parsed.data.PACK_OUTBOX_DIR),
  };
}

/** A secret made once and kept on disk (mode 600), so unsubscribe links survive restarts. */
function localSecret(outboxDir: string): string {
  const path = resolve(dirname(outboxDir), "pack-token.secret");
  if (existsSync(path)) return readFileSync(path, "utf8").trim();
  mkdirSync(dirname(path), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(path, secret, { mode: 0o600 });
  return secret;
}
