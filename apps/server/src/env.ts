import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { MailSchema } from "./routes/packs/mail-config";
import { TrustProxySetting } from "./trust-proxy";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** pnpm runs scripts in the package folder; relative paths mean the folder the command was typed in. */
const fromInvocation = (path: string) => (isAbsolute(path) ? path : resolve(process.env.INIT_CWD ?? process.cwd(), path));

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => ["true", "1", "yes"].includes(value));

/** Every setting Ward Panel reads from the environment, and the only place that reads it. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_PATH: z.string().default(resolve(REPO_ROOT, "data/wardpanel.sqlite")).transform(fromInvocation),
  /** Loads the demo borough into an empty database. On by default so the quick start shows something. */
  DEMO_DATA: flag.default(true),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Set to true behind HTTPS so session cookies are never sent in clear. */
  COOKIE_SECURE: flag.default(false),
  /** Whose X-Forwarded-For to believe, so rate limits see the real address: false, a hop count, or proxies' addresses/CIDRs (see trust-proxy.ts). */
  TRUST_PROXY: TrustProxySetting.default(false),
  /** data.police.uk force id for the priorities API at /api/{force}/{wardCode}/priorities. */
  POLICE_FORCE_ID: z.string().regex(/^[a-z-]+$/, "a police.uk force id, like metropolitan").default("metropolitan"),
  WEB_DIST: z.string().default(resolve(REPO_ROOT, "apps/web/dist")).transform(fromInvocation),
}).extend(MailSchema.shape);

export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Ward Panel cannot start: fix these environment variables\n${problems}`);
  }
  return parsed.data;
}
