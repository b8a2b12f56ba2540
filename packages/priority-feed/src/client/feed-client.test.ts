import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { buildPriority, rectangle } from "../testing/build-priority.js";
import { startTestFeedServer, type TestFeedServer } from "../testing/feed-server.js";
import { createFeedClient, type FeedClientOptions, type FeedWarning } from "./feed-client.js";
import { FeedError } from "./feed-error.js";

const camden = rectangle(-0.15, 51.53, -0.13, 51.55);
const hackney = rectangle(-0.08, 51.54, -0.05, 51.56);
const inCamden = { lon: -0.14, lat: 51.54, at: "2025-06-01T12:00:00Z" };
const inHackney = { lon: -0.06, lat: 51.55, at: "2025-06-01T12:00:00Z" };

let dir: string;
let server: TestFeedServer;
let cachePath: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "priority-feed-client-"));
  cachePath = join(dir, "feed-cache.json");
  server = await startTestFeedServer({
    items: [buildPriority({ id: "camden-asb", area: { geometry: camden } })],
    apiKeys: ["good-key"],
    outOfScopeKeys: ["other-force-key"],
  });
});

afterEach(async () => {
  await server.close().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

function client(overrides: Partial<FeedClientOptions> = {}) {
  return createFeedClient({ baseUrl: server.url, apiKey: "good-key", cachePath, ...overrides });
}

function ids(matches: { priority: { id: string } }[]): string[] {
  return matches.map((m) => m.priority.id);
}

describe("first sync", () => {
  it("fetches the snapshot with the key, matches from it and saves it", async () => {
    const feed = client();
    expect(feed.match(inCamden)).toEqual([]); // nothing yet, and says so:
    expect(feed.staleness()).toMatchObject({ lastSyncedAt: null, ageSeconds: null, itemCount: 0 });

    expect(await feed.sync()).toEqual({ mode: "snapshot", applied: 1, itemCount: 1 });
    expect(server.requests).toMatchObject([
      { path: "/feed/v1/priorities", status: 200, authorization: "Bearer good-key" },
    ]);
    expect(ids(feed.match(inCamden))).toEqual(["camden-asb"]);
    // Just synced: under a second old, or one if the clock's second turned meanwhile.
    expect(feed.staleness()).toMatchObject({ lastError: null, itemCount: 1 });
    expect(feed.staleness().ageSeconds).toBeLessThanOrEqual(1);

    const saved = JSON.parse(await readFile(cachePath, "utf8"));
    expect(saved.items.map((i: { id: string }) => i.id)).toEqual(["camden-asb"]);
    expect(saved.etag).toMatch(/^".+"$/);
    // The write went through a temporary file, and none is left behind.
    expect(await readdir(dir)).toEqual(["feed-cache.json"]);
  });
});

describe("later syncs", () => {
  it("ask only for changes, follow pages until hasMore is false, and apply upserts and removals", async () => {
    const feed = client({ pageSize: 2 });
    await feed.sync();
    server.upsert(buildPriority({ id: "hackney-drugs", category: "drugs", area: { geometry: hackney } }));
    server.upsert(
      buildPriority({ id: "camden-asb", version: 2, title: "Moped ASB, Parkway", area: { geometry: camden } }),
    );
    server.upsert(buildPriority({ id: "temporary", area: { geometry: hackney } }));
    server.remove("temporary", "deleted");
    server.requests.length = 0;

    expect(await feed.sync()).toEqual({ mode: "changes", applied: 4, itemCount: 2 });
    expect(server.requests.map((r) => r.path)).toEqual([
      "/feed/v1/priorities/changes?after=c0&limit=2",
      "/feed/v1/priorities/changes?after=c2&limit=2",
    ]);
    expect(ids(feed.match(inHackney))).toEqual(["hackney-drugs"]);
    expect(feed.match(inCamden)[0]?.priority).toMatchObject({ version: 2, title: "Moped ASB, Parkway" });

    server.requests.length = 0;
    expect(await feed.sync()).toEqual({ mode: "unchanged", applied: 0, itemCount: 2 });
    expect(server.requests.map((r) => r.path)).toEqual(["/feed/v1/priorities/changes?after=c4&limit=2"]);
  });

  it("re-fetches the snapshot when the server answers 410 Gone for an old cursor", async () => {
    const feed = client();
    await feed.sync();
    server.upsert(buildPriority({ id: "hackney-drugs", area: { geometry: hackney } }));
    server.forgetHistory();
    server.requests.length = 0;

    expect(await feed.sync()).toEqual({ mode: "snapshot", applied: 2, itemCount: 2 });
    expect(server.requests.map((r) => [r.path.split("?")[0], r.status])).toEqual([
      ["/feed/v1/priorities/changes", 410],
      ["/feed/v1/priorities", 200],
    ]);
    expect(ids(feed.match(inHackney))).toEqual(["hackney-drugs"]);
  });

  it("sends the ETag on a snapshot request and treats 304 as unchanged", async () => {
    const feed = client();
    await feed.sync();
    const etag = JSON.parse(await readFile(cachePath, "utf8")).etag as string;
    server.requests.length = 0;

    expect(await feed.sync({ full: true })).toEqual({ mode: "unchanged", applied: 0, itemCount: 1 });
    expect(server.requests).toMatchObject([{ path: "/feed/v1/priorities", status: 304, ifNoneMatch: etag }]);
    expect(ids(feed.match(inCamden))).toEqual(["camden-asb"]);
  });

  it("shares one request between overlapping sync calls", async () => {
    const feed = client();
    const [a, b] = await Promise.all([feed.sync(), feed.sync()]);
    expect(a).toBe(b);
    expect(server.requests).toHaveLength(1);
  });
});

describe("when the server is down", () => {
  it("keeps matching from the last good copy and reports the failure in staleness", async () => {
    let clock = new Date("2025-06-01T12:00:00Z");
    const feed = client({ now: () => clock });
    await feed.sync();
    const before = await readFile(cachePath, "utf8");
    await server.close();
    clock = new Date("2025-06-01T12:10:00Z");

    const failure = await feed.sync().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FeedError);
    expect((failure as FeedError).code).toBe("network");
    expect(ids(feed.match(inCamden))).toEqual(["camden-asb"]);
    expect(feed.staleness()).toMatchObject({
      lastSyncedAt: "2025-06-01T12:00:00.000Z",
      ageSeconds: 600,
      lastError: { code: "network", at: "2025-06-01T12:10:00.000Z" },
    });
    expect(await readFile(cachePath, "utf8")).toBe(before);
  });
});

describe("after a restart", () => {
  it("matches from the saved copy before any sync, then continues from its cursor", async () => {
    const first = client();
    await first.sync();
    server.upsert(buildPriority({ id: "hackney-drugs", area: { geometry: hackney } }));
    server.requests.length = 0;

    const second = client();
    expect(ids(second.match(inCamden))).toEqual(["camden-asb"]);
    expect(second.staleness().lastSyncedAt).toBe(first.staleness().lastSyncedAt);
    expect(second.warnings).toEqual([]);

    expect(await second.sync()).toEqual({ mode: "changes", applied: 1, itemCount: 2 });
    expect(server.requests.map((r) => r.path.split("?")[0])).toEqual(["/feed/v1/priorities/changes"]);
  });
});

describe("a damaged cache file", () => {
  it.each([
    ["cut short", (text: string) => text.slice(0, Math.floor(text.length / 2))],
    [
      "valid JSON of the wrong shape",
      (text: string) => text.replace('"callHandling":{"flagged":true', '"callHandling":{"flagged":"yes"'),
    ],
    ["empty", () => ""],
  ])("(%s) is reported and replaced by a fresh snapshot", async (_, damage) => {
    await client().sync();
    await writeFile(cachePath, damage(await readFile(cachePath, "utf8")));
    server.requests.length = 0;

    const seen: FeedWarning[] = [];
    const feed = client({ onWarning: (warning) => seen.push(warning) });
    expect(feed.warnings).toHaveLength(1);
    expect(feed.warnings[0]).toMatchObject({ code: "cache-unreadable" });
    expect(feed.warnings[0]?.message).toContain(cachePath);
    expect(seen).toEqual(feed.warnings);
    expect(feed.match(inCamden)).toEqual([]); // never half a copy

    expect(await feed.sync()).toMatchObject({ mode: "snapshot" });
    expect(server.requests.map((r) => r.path)).toEqual(["/feed/v1/priorities"]);
    expect(ids(feed.match(inCamden))).toEqual(["camden-asb"]);
    expect(client().warnings).toEqual([]); // the file is whole again
  });
});

describe("refusals", () => {
  it("reports an unknown key as unauthorised, with the server's problem detail", async () => {
    const failure = await client({ apiKey: "revoked" })
      .sync()
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "unauthorised", status: 401, problem: { title: "Unauthorised" } });
  });

  it("reports an out-of-scope key as forbidden", async () => {
    const failure = await client({ apiKey: "other-force-key" })
      .sync()
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "forbidden", status: 403 });
  });

  it("refuses a feed of a newer major schema version and keeps the copy it has", async () => {
    const feed = client();
    await feed.sync();
    server.schemaVersion = "2.0.0";
    server.upsert(buildPriority({ id: "hackney-drugs", area: { geometry: hackney } }));

    await expect(feed.sync()).rejects.toMatchObject({ code: "unsupported-schema-version" });
    expect(ids(feed.match(inCamden))).toEqual(["camden-asb"]);
    expect(feed.match(inHackney)).toEqual([]);
  });
});
