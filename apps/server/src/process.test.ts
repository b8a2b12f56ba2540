import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { DEMO_PASSWORD } from "@wardpanel/db/seed";
import { describe, expect, it } from "vitest";
import { startServerProcess } from "./testing/server-process";

const freshDatabasePath = () => join(mkdtempSync(join(tmpdir(), "wardpanel-process-")), "wardpanel.sqlite");

const signIn = (url: string) =>
  fetch(`${url}/trpc/auth.signIn`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "sergeant@demo.wardpanel.test", password: DEMO_PASSWORD }),
  });

describe("the server process", () => {
  it("starts on an empty file with demo data, prints where to open it and the demo sign-ins", async () => {
    const server = await startServerProcess({ DATABASE_PATH: freshDatabasePath(), DEMO_DATA: "true" });
    try {
      expect(server.output()).toMatch(/Ward Panel is running: open http:\/\/localhost:\d+/);
      expect(server.output()).toContain("sergeant@demo.wardpanel.test");
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      expect((await signIn(server.url)).status).toBe(200);
    } finally {
      server.process.kill("SIGTERM");
      await server.exited;
    }
  });

  it("on SIGTERM finishes the request in flight, then closes the database and exits 0", async () => {
    const databasePath = freshDatabasePath();
    const server = await startServerProcess({ DATABASE_PATH: databasePath, DEMO_DATA: "true", LOG_LEVEL: "info" });
    // Argon2 makes a sign-in take tens of milliseconds: long enough to be in flight at the signal.
    const inFlight = signIn(server.url);
    while (!server.output().includes('"url":"/trpc/auth.signIn"')) await new Promise((resolve) => setTimeout(resolve, 1));
    server.process.kill("SIGTERM");
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain("stopped cleanly");
    // A cleanly closed WAL database leaves no -wal file behind.
    const { existsSync } = await import("node:fs");
    expect(existsSync(`${databasePath}-wal`)).toBe(false);
  });

  it("killed with SIGKILL in the middle of writes, leaves a database that passes integrity_check and serves again", async () => {
    const databasePath = freshDatabasePath();
    const server = await startServerProcess({ DATABASE_PATH: databasePath, DEMO_DATA: "true" });
    const writes: Promise<unknown>[] = [];
    const stopAt = Date.now() + 1500;
    // Keep many session-creating writes going, then kill without warning.
    const writer = async () => {
      while (Date.now() < stopAt) await signIn(server.url).catch(() => undefined);
    };
    for (let i = 0; i < 4; i++) writes.push(writer());
    await new Promise((resolve) => setTimeout(resolve, 700));
    server.process.kill("SIGKILL");
    await server.exited;
    await Promise.all(writes);

    const sqlite = new Database(databasePath);
    expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    const sessions = sqlite.prepare("select count(*) as n from sessions").get() as { n: number };
    expect(sessions.n).toBeGreaterThan(0);
    sqlite.close();

    const again = await startServerProcess({ DATABASE_PATH: databasePath, DEMO_DATA: "true" });
    try {
      expect((await fetch(`${again.url}/readyz`)).status).toBe(200);
      expect((await signIn(again.url)).status).toBe(200);
    } finally {
      again.process.kill("SIGTERM");
      await again.exited;
    }
  });
});
