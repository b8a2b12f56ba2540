import { createApiKey } from "@wardpanel/db/queries/api-keys";
import { getFeedHead } from "@wardpanel/db/queries/feed";
import { updatePriority } from "@wardpanel/db/queries/priorities";
import { buildPriorityFields, seedActivePriority, squareAroundWard } from "@wardpanel/db/testing";
import { FeedChangesPage, FeedSnapshot } from "@wardpanel/priority-feed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createFeedTestDb, listenFeedOnly } from "./feed-test-server";

const BLOOMSBURY = "E05013653";
const HOLBORN = "E05013662"; // Holborn & Covent Garden, Camden
const NOW = new Date("2026-11-25T12:00:00Z");

/**
 * Issue 14, item 7: no request waits for a rebuild of the feed's view, and the read routes are
 * cached, compressed and validated by ETag. A build is held part-way by the `beforeBuild` hook, as
 * a long build on a large feed would be, and requests made meanwhile must be answered at once.
 */
describe("the feed never makes a request wait for a rebuild", () => {
  const { db } = createFeedTestDb();
  let server: Awaited<ReturnType<typeof listenFeedOnly>>;
  let key: string;
  let bloomsbury: number;
  /** While set, every build waits for it at its start. */
  let gate: { promise: Promise<void>; open: () => void } | null = null;

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/feed/v1${path}`, { headers: { authorization: `Bearer ${key}`, ...headers } });
  const matchTitles = async () => {
    const response = await fetch(`${server.url}/feed/v1/match`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ street: "Bernard Street", ward: BLOOMSBURY }),
    });
    return ((await response.json()) as { matches: { title: string }[] }).matches.map((m) => m.title);
  };
  const rename = (title: string) =>
    updatePriority(db, {
      wardCode: BLOOMSBURY,
      priorityId: bloomsbury,
      fields: buildPriorityFields({ title, area: squareAroundWard(db, BLOOMSBURY), streets: ["Bernard Street"] }),
      now: NOW,
    });

  beforeAll(async () => {
    bloomsbury = seedActivePriority(db, {
      wardCode: BLOOMSBURY,
      now: NOW,
      fields: {
        title: "Drug dealing by the gardens",
        area: squareAroundWard(db, BLOOMSBURY),
        streets: ["Bernard Street"],
      },
      isCallHandlingFlagged: true,
    });
    seedActivePriority(db, {
      wardCode: HOLBORN,
      now: NOW,
      // Enough streets (a CSV row each) that every view is large enough to be worth compressing.
      fields: {
        title: "Bike theft around Covent Garden",
        area: squareAroundWard(db, HOLBORN),
        streets: Array.from({ length: 30 }, (_, i) => `Covent Garden Street ${i + 1}`),
      },
    });
    key = createApiKey(db, { name: "Camden CAD", boroughCodes: ["E09000007"], now: NOW }).key;
    server = await listenFeedOnly(db, {
      state: { pollMs: 0, beforeBuild: () => gate?.promise ?? Promise.resolve() },
    });
  });
  afterAll(() => server.app.close());

  it("answers from the previous view while the next is built, at once, then from the new one after the swap", async () => {
    const before = await get("/priorities");
    const etag = before.headers.get("etag") ?? "";
    const snapshot = FeedSnapshot.parse(await before.json());
    expect(await matchTitles()).toEqual(["Drug dealing by the gardens"]);

    let open = () => {};
    gate = { promise: new Promise<void>((resolve) => (open = resolve)), open };
    rename("Dealing on Bernard Street");
    const head = getFeedHead(db).cursor;
    expect(head).toBeGreaterThan(Number(snapshot.cursor));

    // The build is held: each request is answered from the old view, and none waits for it.
    const started = performance.now();
    const during = await get("/priorities");
    expect(FeedSnapshot.parse(await during.json()).cursor).toBe(snapshot.cursor);
    expect((await get("/priorities", { "if-none-match": etag })).status).toBe(304);
    expect(await matchTitles()).toEqual(["Drug dealing by the gardens"]);
    expect(performance.now() - started).toBeLessThan(2000);
    // /changes reads the change log itself: the change is there already.
    const page = FeedChangesPage.parse(await (await get(`/priorities/changes?after=${snapshot.cursor}`)).json());
    expect(page.next).toBe(String(head));
    expect(page.changes.map((c) => (c.kind === "upsert" ? c.item.title : c.id))).toEqual(["Dealing on Bernard Street"]);

    gate.open();
    gate = null;
    const after = await eventually(async () => {
      const response = await get("/priorities");
      const body = FeedSnapshot.parse(await response.json());
      return body.cursor === String(head) ? { body, etag: response.headers.get("etag") } : null;
    });
    expect(after.etag).not.toBe(etag);
    expect(after.body.items.find((i) => i.id === String(bloomsbury))?.title).toBe("Dealing on Bernard Street");
    expect(await matchTitles()).toEqual(["Dealing on Bernard Street"]);
  });

  it.each([
    ["/priorities/changes?after=0", "application/json"],
    ["/priorities", "application/json"],
    ["/priorities.geojson", "application/geo+json"],
    ["/priorities.csv", "text/csv"],
  ])(
    "serves %s with a strong ETag per encoding, 304 on If-None-Match, gzip and brotli as asked",
    async (path, type) => {
      const plain = await get(path, { "accept-encoding": "identity" });
      expect(plain.status).toBe(200);
      expect(plain.headers.get("content-type")).toContain(type);
      expect(plain.headers.get("content-encoding")).toBeNull();
      expect(plain.headers.get("vary")).toContain("accept-encoding");
      const etag = plain.headers.get("etag") ?? "";
      expect(etag).toMatch(/^"[\w-]{32}"$/);
      const text = await plain.text();

      const gzip = await get(path, { "accept-encoding": "gzip" });
      expect(gzip.headers.get("content-encoding")).toBe("gzip");
      expect(gzip.headers.get("etag")).toBe(`${etag.slice(0, -1)}-gzip"`);
      expect(await gzip.text()).toBe(text); // fetch decodes it
      const br = await get(path, { "accept-encoding": "gzip, deflate, br" });
      expect(br.headers.get("content-encoding")).toBe("br");
      expect(br.headers.get("etag")).toBe(`${etag.slice(0, -1)}-br"`);
      expect(await br.text()).toBe(text);
      expect((await get(path, { "accept-encoding": "br;q=0, gzip" })).headers.get("content-encoding")).toBe("gzip");

      for (const tag of [etag, gzip.headers.get("etag") ?? "", `W/${etag}`]) {
        const unchanged = await get(path, { "if-none-match": tag, "accept-encoding": "gzip" });
        expect(unchanged.status).toBe(304);
        expect(await unchanged.text()).toBe("");
      }
      // The same request again is the same bytes (served from the cache).
      expect(await (await get(path, { "accept-encoding": "identity" })).text()).toBe(text);
    },
  );
});

/** Polls `probe` every 10 ms until it returns something, for at most 5 s. */
async function eventually<T>(probe: () => Promise<T | null>): Promise<T> {
  for (let tries = 0; tries < 500; tries++) {
    const found = await probe();
    if (found !== null) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("The feed's view did not catch up within 5 s");
}
