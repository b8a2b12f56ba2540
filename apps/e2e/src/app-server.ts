import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { closeDb, type Db } from "@wardpanel/db/client";
import { createTestDbFile } from "@wardpanel/db/testing";
import { type RunningServer, startServerProcess } from "@wardpanel/server/testing";

export type App = RunningServer & { stop(): Promise<void> };

/**
 * The real server on a free port over a fresh SQLite file that the test seeds first, with the
 * same factories as the unit tests. No demo data: each journey sees only what it made. `env` is
 * added to the server's environment.
 */
export async function startAppWith(
  seed: (db: Db) => Promise<void> | void,
  env: Record<string, string> = {},
): Promise<App> {
  const databasePath = join(mkdtempSync(join(tmpdir(), "wardpanel-e2e-")), "wardpanel.sqlite");
  const db = createTestDbFile(databasePath);
  await seed(db);
  closeDb(db);
  const server = await startServerProcess({ ...env, DATABASE_PATH: databasePath, DEMO_DATA: "false" });
  return {
    ...server,
    async stop() {
      server.process.kill("SIGTERM");
      await server.exited;
    },
  };
}
