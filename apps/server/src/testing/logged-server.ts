import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";

import { createSignInLimiter } from "@wardpanel/api";
import type { Db } from "@wardpanel/db/client";
import { createTestDbFile } from "@wardpanel/db/testing";

import { buildServer } from "../app";

/** A migrated SQLite file with the real wards in a new temporary folder, as the server runs on. */
export function createFileDb(): { db: Db; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), "wardpanel-"));
  return { db: createTestDbFile(join(dir, "wardpanel.sqlite")), dir };
}

/**
 * The whole server on a free loopback port, keeping its JSON log lines (pino) for the test to
 * read. Behind a trusted proxy, so a test can send requests from many addresses with
 * X-Forwarded-For; mail goes to an outbox folder inside `dir`.
 */
export async function listenLogged(db: Db, dir: string) {
  const logs: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n"))
        if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const app = await buildServer({
    db,
    env: {
      COOKIE_SECURE: false,
      TRUST_PROXY: 1,
      WEB_DIST: "/nonexistent",
      LOG_LEVEL: "info",
      PACK_OUTBOX_DIR: join(dir, "outbox"),
      PACK_TOKEN_SECRET: "a-test-secret-of-at-least-thirty-two-chars",
      PACK_MAIL_POLL_MS: 3_600_000,
    },
    signInLimiter: createSignInLimiter(),
    logger: { level: "info", stream },
  });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, url, logs };
}
