import { resolve } from "node:path";

import { policesLondon } from "@wardpanel/crime-data";
import { DEFAULT_RESPONSE_TARGET_HOURS, PoliceForceId } from "@wardpanel/validators";
import { z } from "zod";

import { fromInvocation, REPO_ROOT } from "./invocation-path";
import { MailSchema } from "./mail/mail-config";
import { MapTileSchema } from "./map-tiles";
import { TrustProxySetting } from "./trust-proxy";
import { IntervalSetting } from "./workers/interval";
import { AllowedNetworksSetting } from "./workers/webhook-networks";

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => ["true", "1", "yes"].includes(value));

/** Every setting Ward Panel reads from the environment, and the only place that reads it. */
const SettingsSchema = z.object({
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
  /**
   * The deployment's own police force, by its data.police.uk id (decision 0023): it polices every
   * loaded ward outside London, a police.uk API answer is about its area, and the priorities API
   * answers at /api/{force}/{wardCode}/priorities.
   */
  POLICE_FORCE_ID: PoliceForceId.default("metropolitan"),
  /**
   * Minutes within which the force promises attendance for calls about a priority flagged for
   * call handling (Policing Pledge point 6 set 60): carried in the feed as data (decision 0023).
   */
  CALL_RESPONSE_TARGET_MINUTES: z.coerce
    .number()
    .int("a whole number of minutes")
    .min(1, "at least 1 minute")
    .max(1440, "at most 1440 minutes (a day)")
    .default(60),
  /**
   * Days after a priority's review date that its call-handling flag still holds when nobody
   * reviews it; then it lapses until the sergeant moves the review date on (decision 0029).
   * The feed carries the end as each item's `expiresAt`.
   */
  PRIORITY_REVIEW_GRACE_DAYS: z.coerce
    .number()
    .int("a whole number of days")
    .min(0, "at least 0 days")
    .max(365, "at most 365 days (a year)")
    .default(14),
  WEB_DIST: z.string().default(resolve(REPO_ROOT, "apps/web/dist")).transform(fromInvocation),
  /** Folder for scheduled backups; unset or empty (the default) turns them off. */
  BACKUP_DIR: z
    .string()
    .trim()
    .optional()
    .transform((dir) => (dir ? fromInvocation(dir) : undefined)),
  /** How often the server makes a backup into BACKUP_DIR. */
  BACKUP_INTERVAL: IntervalSetting.prefault("24h"),
  /** How many scheduled backups to keep in BACKUP_DIR; older ones are deleted. */
  BACKUP_KEEP: z.coerce.number().int("a whole number").min(1, "at least 1").default(14),
  /** Months public sign-ins and concern contact details are kept (docs/personal-data.md). */
  RETENTION_MONTHS: z.coerce.number().int("a whole number").min(1, "at least 1").max(120, "at most 120").default(12),
  /** Hours within which every message to a team should have its first reply (the Neighbourhood Policing Guarantee: 72). */
  RESPONSE_TARGET_HOURS: z.coerce
    .number()
    .int("a whole number of hours")
    .min(1, "at least 1 hour")
    .max(8760, "at most 8760 hours (a year)")
    .default(DEFAULT_RESPONSE_TARGET_HOURS),
  /** Private networks (comma-separated CIDRs) that feed webhooks may reach; by default only public addresses. */
  WEBHOOK_ALLOWED_NETWORKS: AllowedNetworksSetting,
});

const EnvSchema = SettingsSchema.extend(MailSchema.shape)
  .extend(MapTileSchema.shape)
  .superRefine((env, ctx) => {
    // Tile licences (OS, OpenStreetMap) require the map's source to be shown on the map.
    if (env.MAP_TILE_URL && !env.MAP_ATTRIBUTION) {
      ctx.addIssue({
        code: "custom",
        path: ["MAP_ATTRIBUTION"],
        message:
          'required when MAP_TILE_URL is set: who the map is from, shown on every map, like "© OpenStreetMap contributors"',
      });
    }
    // The demo is Camden's, in the Met's area: it would put London's wards into another force's database.
    if (env.DEMO_DATA && !policesLondon(env.POLICE_FORCE_ID)) {
      ctx.addIssue({
        code: "custom",
        path: ["DEMO_DATA"],
        message: `must be false when POLICE_FORCE_ID is ${env.POLICE_FORCE_ID}: the demo is Camden's, policed by the Metropolitan Police Service. Load your force's wards with pnpm cli wards load --file (docs/other-forces.md)`,
      });
    }
    // Links in e-mails must not come from a request's Host header, which anyone can forge.
    if (!env.DEMO_DATA && !env.PUBLIC_BASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["PUBLIC_BASE_URL"],
        message:
          "required when DEMO_DATA is false: the address people reach Ward Panel at, like https://wardpanel.example.org (links in e-mails use it)",
      });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  return parseSettings(EnvSchema, source);
}

const DataSettingsSchema = SettingsSchema.pick({ DATABASE_PATH: true, POLICE_FORCE_ID: true });

/** The settings a command that only reads and writes the database needs: where it is, and whose force. */
export type DataSettings = z.infer<typeof DataSettingsSchema>;

/**
 * DATABASE_PATH and POLICE_FORCE_ID alone (issue 13): `pnpm cli wards load --check` and other data
 * commands need no PUBLIC_BASE_URL or mail settings. Throws as readEnv does when these two are invalid.
 */
export function readDataSettings(source: Record<string, string | undefined> = process.env): DataSettings {
  return parseSettings(DataSettingsSchema, source);
}

/**
 * Settings that cannot be read: `problems` names each variable and what is wrong with it. The
 * message is the server's (one problem a line); the CLI prints `problems` on one line instead.
 */
export class SettingsError extends Error {
  override name = "SettingsError";
  constructor(readonly problems: Array<{ variable: string; message: string }>) {
    super(
      `Ward Panel cannot start: fix these environment variables\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join("\n")}`,
    );
  }
}

function parseSettings<T extends z.ZodType>(schema: T, source: Record<string, string | undefined>): z.infer<T> {
  const parsed = schema.safeParse(source);
  if (!parsed.success)
    throw new SettingsError(
      parsed.error.issues.map((issue) => ({ variable: issue.path.join("."), message: issue.message })),
    );
  return parsed.data;
}
