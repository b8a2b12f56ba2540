import { Writable } from "node:stream";

import { closeDb } from "@wardpanel/db/client";
import { createTestDb } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { buildServer } from "./app";

describe("request logs", () => {
  // The server's own logger (app.ts) over real HTTP, in this process: a connection over TCP from
  // 127.0.0.1 is what gives a request an address to leave out. main.ts adds nothing to logging.
  it("record each request without the client's IP address", async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split("\n").filter(Boolean));
        done();
      },
    });
    const db = createTestDb();
    const app = await buildServer({
      db,
      env: { COOKIE_SECURE: false, TRUST_PROXY: false, WEB_DIST: "/nonexistent", LOG_LEVEL: "info" },
      logger: { stream },
    });
    try {
      const url = await app.listen({ port: 0, host: "127.0.0.1" });
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      while (!lines.some((line) => line.includes('"url":"/healthz"')))
        await new Promise((resolve) => setTimeout(resolve, 10));
      const requestLines = lines.filter((line) => line.includes('"url":"/healthz"'));
      expect(requestLines.length).toBeGreaterThan(0);
      for (const line of requestLines) {
        expect(line).not.toContain("remoteAddress");
        expect(line).not.toContain("remotePort");
        expect(line).not.toContain('"127.0.0.1"');
      }
    } finally {
      await app.close();
      closeDb(db);
    }
  });
});
