import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { closeDb } from "@wardpanel/db/client";
import { DEMO_PASSWORD } from "@wardpanel/db/seed";
import { createTestDbFile, seedUser, TEST_PASSWORD } from "@wardpanel/db/testing";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

import { startServerProcess } from "./testing/server-process";

const freshDatabasePath = () => join(mkdtempSync(join(tmpdir(), "wardpanel-process-")), "wardpanel.sqlite");

const DEMO_SERGEANT = { email: "sergeant@demo.wardpanel.test", password: DEMO_PASSWORD };
const SERGEANT = { email: "sergeant@example.test", password: TEST_PASSWORD };

/** A migrated file with the wards and one sergeant: what the test of a kill needs, without seeding the demo. */
async function databaseWithSergeant(): Promise<string> {
  const path = freshDatabasePath();
  const db = createTestDbFile(path);
  await seedUser(db, { email: SERGEANT.email, roles: [{ role: "sergeant", wardCode: "E05013653" }] });
  closeDb(db);
  return path;
}

const signIn = (url: string, { email, password } = SERGEANT) =>
  fetch(`${url}/trpc/auth.signIn`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });

describe("the server process", () => {
  // One server for starting and stopping: each start of a process costs seconds (and seeding the
  // demo is the slowest start there is), and stopping cleanly needs a server that has started.
  it("starts on an empty file with demo data, prints where to open it and the demo sign-ins; on SIGTERM finishes the request in flight, then closes the database and exits 0", async () => {
    const databasePath = freshDatabasePath();
    // Allow for a machine busy with other tests.
    const server = await startServerProcess(
      { DATABASE_PATH: databasePath, DEMO_DATA: "true", LOG_LEVEL: "info" },
      { startTimeoutMs: 170_000 },
    );
    let isStopped = false;
    try {
      expect(server.output()).toMatch(/Ward Panel is running: open http:\/\/localhost:\d+/);
      expect(server.output()).toContain("sergeant@demo.wardpanel.test");
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      expect((await signIn(server.url, DEMO_SERGEANT)).status).toBe(200);

      // Argon2 makes a sign-in take tens of milliseconds: long enough to be in flight at the signal.
      const signInsLogged = () =>
        server
          .output()
          .split("\n")
          .filter((line) => line.includes('"url":"/trpc/auth.signIn"') && line.includes("incoming request")).length;
      const before = signInsLogged();
      const inFlight = signIn(server.url, DEMO_SERGEANT);
      while (signInsLogged() === before) await new Promise((resolve) => setTimeout(resolve, 1));
      server.process.kill("SIGTERM");
      isStopped = true;
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(await server.exited).toBe(0);
      expect(server.output()).toContain("stopped cleanly");
      // A cleanly closed WAL database leaves no -wal file behind.
      expect(existsSync(`${databasePath}-wal`)).toBe(false);
    } finally {
      if (!isStopped) server.process.kill("SIGTERM");
      await server.exited;
    }
  });

  it("killed with SIGKILL in the middle of writes, leaves a database that passes integrity_check and serves again", async () => {
    const databasePath = await databaseWithSergeant();
    const server = await startServerProcess({ DATABASE_PATH: databasePath, DEMO_DATA: "false" });
    const writes: Promise<unknown>[] = [];
    let killed = false;
    let signedIn = 0;
    // Keep many session-creating writes going until the kill, which comes without warning once
    // some have been committed (on a loaded machine the first sign-in can take seconds).
    const writer = async () => {
      while (!killed) if ((await signIn(server.url).catch(() => undefined))?.status === 200) signedIn++;
    };
    for (let i = 0; i < 4; i++) writes.push(writer());
    const deadline = Date.now() + 150_000;
    while (signedIn < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    server.process.kill("SIGKILL");
    killed = true;
    await server.exited;
    await Promise.all(writes);

    const sqlite = new Database(databasePath);
    expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    const sessions = sqlite.prepare("select count(*) as n from sessions").get() as { n: number };
    expect(sessions.n).toBeGreaterThan(0);
    sqlite.close();

    const again = await startServerProcess({ DATABASE_PATH: databasePath, DEMO_DATA: "false" });
    try {
      expect((await fetch(`${again.url}/readyz`)).status).toBe(200);
      expect((await signIn(again.url)).status).toBe(200);
    } finally {
      again.process.kill("SIGTERM");
      await again.exited;
    }
  });
});
