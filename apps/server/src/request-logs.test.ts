import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeDb } from "@wardpanel/db/client";
import { createTestDbFile } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";
import { startServerProcess } from "./testing/server-process";

describe("request logs", { timeout: 300_000 }, () => {
  it("record each request without the client's IP address", async () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), "wardpanel-logs-")), "wardpanel.sqlite");
    closeDb(createTestDbFile(databasePath));
    const server = await startServerProcess({ DATABASE_PATH: databasePath, DEMO_DATA: "false", LOG_LEVEL: "info" }, { startTimeoutMs: 150_000 });
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      while (!server.output().includes('"url":"/healthz"')) await new Promise((resolve) => setTimeout(resolve, 10));
      const requestLines = server.output().split("\n").filter((line) => line.includes('"url":"/healthz"'));
      expect(requestLines.length).toBeGreaterThan(0);
      for (const line of requestLines) {
        expect(line).not.toContain("remoteAddress");
        expect(line).not.toContain("remotePort");
        expect(line).not.toContain('"127.0.0.1"');
      }
    } finally {
      server.process.kill("SIGTERM");
      await server.exited;
    }
  });
});
