import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createSignInLimiter } from "@wardpanel/api";
import { closeDb, type Db } from "@wardpanel/db/client";
import { createTestDbFile } from "@wardpanel/db/testing";
import Fastify from "fastify";

import { buildServer } from "../../app";
import type { Env } from "../../env";
import { type FeedRouteOptions, registerFeedRoutes } from "./index";

/** For the feed's tests: a migrated SQLite file with the real wards, and its path. */
export function createFeedTestDb(): { db: Db; path: string } {
  const path = join(mkdtempSync(join(tmpdir(), "wardpanel-feed-")), "wardpanel.sqlite");
  return { db: createTestDbFile(path), path };
}

/** The whole server (as `pnpm start` builds it) listening on a free loopback port; `settings` as env.ts reads them. */
export async function listenWholeServer(
  db: Db,
  settings: Partial<
    Pick<
      Env,
      | "POLICE_FORCE_ID"
      | "CALL_RESPONSE_TARGET_MINUTES"
      | "WEB_DIST"
      | "PRIORITY_REVIEW_GRACE_DAYS"
      | "WEBHOOK_ALLOWED_NETWORKS"
    >
  > = {},
) {
  const app = await buildServer({
    db,
    env: { COOKIE_SECURE: false, TRUST_PROXY: false, WEB_DIST: "/nonexistent", LOG_LEVEL: "silent", ...settings },
    signInLimiter: createSignInLimiter(),
  });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    app,
    url,
    async close() {
      await app.close();
      closeDb(db);
    },
  };
}

/** Only the feed's routes, with options the whole server does not expose (a small rate limit, no worker). */
export async function listenFeedOnly(db: Db, options: Omit<FeedRouteOptions, "secureCookies">) {
  const app = Fastify({ logger: false });
  await registerFeedRoutes(app, db, { secureCookies: false, ...options });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, url };
}
