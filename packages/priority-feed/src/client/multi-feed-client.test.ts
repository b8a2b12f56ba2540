import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { buildPriority, rectangle } from "../testing/build-priority.js";
import { startTestFeedServer, type TestFeedServer } from "../testing/feed-server.js";
import { createMultiFeedClient, type FeedSource } from "./multi-feed-client.js";

/** Two neighbouring forces' areas that overlap along their border, so one call can match both. */
const metBorder = rectangle(-0.12, 51.5, -0.09, 51.52);
const cityBorder = rectangle(-0.1, 51.505, -0.08, 51.52);
const onTheBorder = { lon: -0.095, lat: 51.51, at: "2025-06-01T12:00:00Z", category: "drugs" };
const metOnly = { lon: -0.115, lat: 51.51, at: "2025-06-01T12:00:00Z" };

let dir: string;
let met: TestFeedServer;
let city: TestFeedServer;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "priority-feed-multi-"));
  met = await startTestFeedServer({
    items: [buildPriority({ id: "12", category: "anti-social-behaviour", area: { geometry: metBorder } })],
    apiKeys: ["met-key"],
  });
  city = await startTestFeedServer({
    items: [buildPriority({ id: "12", category: "drugs", area: { geometry: cityBorder } })],
    apiKeys: ["city-key"],
  });
});

afterEach(async () => {
  await met.close().catch(() => undefined);
  await city.close().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

function sources(): FeedSource[] {
  return [
    { name: "Metropolitan Police", baseUrl: met.url, apiKey: "met-key", cachePath: join(dir, "met.json") },
    { name: "City of London Police", baseUrl: city.url, apiKey: "city-key", cachePath: join(dir, "city.json") },
  ];
}

describe("a control room following two forces' feeds", () => {
  it("syncs each with its own key and matches a call across both, naming the feed of each match", async () => {
    const feeds = createMultiFeedClient({ feeds: sources() });
    const outcomes = await feeds.sync();
    expect(outcomes).toEqual([
      { feed: "Metropolitan Police", ok: true, result: { mode: "snapshot", applied: 1, itemCount: 1 } },
      { feed: "City of London Police", ok: true, result: { mode: "snapshot", applied: 1, itemCount: 1 } },
    ]);
    expect(met.requests.map((r) => r.authorization)).toEqual(["Bearer met-key"]);
    expect(city.requests.map((r) => r.authorization)).toEqual(["Bearer city-key"]);

    // Both forces have a priority "12": the feed name keeps them apart. The City's is about drugs,
    // as the call is, so it comes first although it is second in the list of feeds.
    const matches = feeds.match(onTheBorder);
    expect(matches.map((m) => [m.feed, m.priority.id, m.matchedOn])).toEqual([
      ["City of London Police", "12", ["area", "category"]],
      ["Metropolitan Police", "12", ["area"]],
    ]);
    expect(feeds.match(metOnly).map((m) => m.feed)).toEqual(["Metropolitan Police"]);
  });

  it("follows each feed's own cursor: a change on one is fetched from that one only", async () => {
    const feeds = createMultiFeedClient({ feeds: sources() });
    await feeds.sync();
    city.upsert(buildPriority({ id: "13", area: { geometry: rectangle(-0.119, 51.501, -0.111, 51.519) } }));
    met.requests.length = 0;
    city.requests.length = 0;

    const outcomes = await feeds.sync();
    expect(outcomes.map((o) => (o.ok ? [o.feed, o.result.mode] : [o.feed, "failed"]))).toEqual([
      ["Metropolitan Police", "unchanged"],
      ["City of London Police", "changes"],
    ]);
    expect(city.requests.map((r) => r.path.split("?")[0])).toEqual(["/feed/v1/priorities/changes"]);
    expect(feeds.match(metOnly).map((m) => `${m.feed} ${m.priority.id}`)).toEqual([
      "Metropolitan Police 12",
      "City of London Police 13",
    ]);
  });

  it("keeps serving a feed that is down from its last copy, with its age, while the other syncs", async () => {
    let clock = new Date("2025-06-01T12:00:00Z");
    const now = () => clock;
    const feeds = createMultiFeedClient({ feeds: sources().map((source) => ({ ...source, now })) });
    await feeds.sync();
    await met.close();
    clock = new Date("2025-06-01T12:10:00Z");
    city.upsert(buildPriority({ id: "14", category: "drugs", area: { geometry: cityBorder } }));

    const outcomes = await feeds.sync();
    const [metOutcome, cityOutcome] = outcomes;
    expect(metOutcome).toMatchObject({
      feed: "Metropolitan Police",
      ok: false,
      error: { code: "network" },
      staleness: { ageSeconds: 600, itemCount: 1, lastError: { code: "network" } },
    });
    expect(cityOutcome).toMatchObject({ feed: "City of London Police", ok: true, result: { mode: "changes" } });
    expect(feeds.staleness().map(({ feed, staleness }) => [feed, staleness.ageSeconds])).toEqual([
      ["Metropolitan Police", 600],
      ["City of London Police", 0],
    ]);
    // Stale but served: the Met's priority still matches, beside the City's new one.
    expect(feeds.match(onTheBorder).map((m) => `${m.feed} ${m.priority.id}`)).toEqual([
      "City of London Police 12",
      "City of London Police 14",
      "Metropolitan Police 12",
    ]);
  });

  it("refuses options that would mix feeds up, naming the option", () => {
    const [first, second] = sources() as [FeedSource, FeedSource];
    expect(() => createMultiFeedClient({ feeds: [] })).toThrow("feeds: give at least one feed");
    expect(() => createMultiFeedClient({ feeds: [first, { ...second, name: first.name }] })).toThrow(
      'feeds[1].name: "Metropolitan Police" is used twice',
    );
    expect(() => createMultiFeedClient({ feeds: [first, { ...second, cachePath: first.cachePath }] })).toThrow(
      "feeds[1].cachePath",
    );
    expect(() => createMultiFeedClient({ feeds: [first] }).client("Essex")).toThrow('no feed named "Essex"');
  });
});
