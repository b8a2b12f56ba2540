import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

import { createApiKey } from "@wardpanel/db/queries/api-keys";
import { seedActivePriority, seedPanel, squareAroundWard } from "@wardpanel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createFeedTestDb, listenWholeServer } from "../feed-test-server";

const run = promisify(execFile);
const BLOOMSBURY = "E05013653";
const NOW = new Date("2026-11-25T12:00:00Z");

/** A control room's script, run by plain Node in the folder the tarball was installed into. */
const CONSUMER = `
import { createMultiFeedClient } from "@wardpanel/priority-feed";
const { feeds, call } = JSON.parse(process.argv[2]);
const client = createMultiFeedClient({ feeds });
const outcomes = await client.sync();
const matches = client.match(call);
console.log(JSON.stringify({
  outcomes: outcomes.map((o) => ({ feed: o.feed, ok: o.ok, mode: o.ok ? o.result.mode : o.error.message })),
  matches: matches.map((m) => ({ feed: m.feed, title: m.priority.title, matchedOn: m.matchedOn })),
}));
`;

type Server = Awaited<ReturnType<typeof listenWholeServer>>;

/**
 * Issue 14's "done when": the tarball the server offers at /feed/v1/package.tgz installs with
 * `npm install <url>` into an empty folder (its dependencies from the npm registry, no workspace
 * links), and plain Node there follows two real Ward Panel servers — two neighbouring forces —
 * and matches a call across them. About 30 s, most of it npm.
 */
describe("npm install https://<server>/feed/v1/package.tgz", () => {
  const servers: { server: Server; key: string }[] = [];
  /** A call at the centre of the Bloomsbury square both forces' priorities cover. */
  let call: { lon: number; lat: number; at: string };

  beforeAll(async () => {
    for (const title of ["Drug dealing in Russell Square gardens", "Cycle theft at Russell Square station"]) {
      const { db } = createFeedTestDb();
      seedPanel(db, BLOOMSBURY);
      const area = squareAroundWard(db, BLOOMSBURY);
      const [[west, south], , [east, north]] = area.coordinates[0] as [[number, number], unknown, [number, number]];
      call = { lon: (west + east) / 2, lat: (south + north) / 2, at: "2026-12-01T12:00:00Z" };
      seedActivePriority(db, { wardCode: BLOOMSBURY, now: NOW, fields: { title, area }, isCallHandlingFlagged: true });
      const key = createApiKey(db, { name: "Neighbouring control room", boroughCodes: [], now: NOW }).key;
      servers.push({ server: await listenWholeServer(db), key });
    }
  }, 60_000);

  afterAll(async () => {
    for (const { server } of servers) await server.close();
  });

  it("installs into an empty folder and matches a call across two forces' feeds from plain Node", async () => {
    const [first, second] = servers as [(typeof servers)[0], (typeof servers)[0]];
    const url = `${first.server.url}/feed/v1/package.tgz`;
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/gzip");
    const etag = response.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await fetch(url, { headers: { "if-none-match": etag ?? "" } })).status).toBe(304);

    const folder = mkdtempSync(join(tmpdir(), "control-room-"));
    writeFileSync(
      join(folder, "package.json"),
      JSON.stringify({ name: "control-room", private: true, type: "module" }),
    );
    await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", url], { cwd: folder });

    const installed = JSON.parse(
      readFileSync(join(folder, "node_modules/@wardpanel/priority-feed/package.json"), "utf8"),
    ) as { dependencies: Record<string, string> };
    expect(JSON.stringify(installed.dependencies)).not.toMatch(/workspace:|catalog:/);
    expect(readFileSync(join(folder, "node_modules/@wardpanel/priority-feed/dist/index.d.ts"), "utf8")).toContain(
      "createMultiFeedClient",
    );

    const feeds = [
      { name: "Force A", baseUrl: first.server.url, apiKey: first.key, cachePath: join(folder, "a.json") },
      { name: "Force B", baseUrl: second.server.url, apiKey: second.key, cachePath: join(folder, "b.json") },
    ];
    writeFileSync(join(folder, "consumer.mjs"), CONSUMER);
    const { stdout } = await run(process.execPath, ["consumer.mjs", JSON.stringify({ feeds, call })], { cwd: folder });

    expect(JSON.parse(stdout)).toEqual({
      outcomes: [
        { feed: "Force A", ok: true, mode: "snapshot" },
        { feed: "Force B", ok: true, mode: "snapshot" },
      ],
      matches: [
        { feed: "Force A", title: "Drug dealing in Russell Square gardens", matchedOn: ["area"] },
        { feed: "Force B", title: "Cycle theft at Russell Square station", matchedOn: ["area"] },
      ],
    });
  }, 120_000);
});
