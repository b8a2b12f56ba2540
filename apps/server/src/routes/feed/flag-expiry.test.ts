import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

import { createApiKey } from "@wardpanel/db/queries/api-keys";
import { getFeedHead } from "@wardpanel/db/queries/feed";
import { lapseOverdueFlags } from "@wardpanel/db/queries/flag-expiry";
import { getPriorityInWard, updatePriority } from "@wardpanel/db/queries/priorities";
import { addDays } from "@wardpanel/db/queries/review-expiry";
import { createWebhookEndpoint } from "@wardpanel/db/queries/webhooks";
import { buildPriorityFields, seedActivePriority, seedPanel, squareAroundWard } from "@wardpanel/db/testing";
import { londonInstant, londonParts } from "@wardpanel/meetings/london-time";
import { FeedChangesPage, FeedSnapshot } from "@wardpanel/priority-feed";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readEnv } from "../../env";
import { startFlagExpirySweep } from "../../workers/flag-expiry";
import { createFeedTestDb, listenWholeServer } from "./feed-test-server";

/**
 * Issue 14 item 5 end to end: a flagged priority nobody reviews stops being flagged at its review
 * date + the force's grace, and that change reaches control rooms through the snapshot,
 * `/changes`, a signed webhook, `/match` and the GIS layer; a review brings the flag back. Real
 * SQLite, the whole server on real HTTP, a real receiver; the clock is the sweep's injected `now`.
 */

const BLOOMSBURY = "E05013653";
const GRACE_DAYS = 10;
const SILENT = { info: () => undefined, error: () => undefined };

// Dates relative to today, so the server's own sweep (real clock) never lapses anything here.
const today = londonParts(new Date()).date;
const START = addDays(today, -30);
const REVIEW = addDays(today, 20);
/** Review date + 10 days of grace, lapsing at the start of the next London day. */
const EXPIRY = londonInstant(addDays(REVIEW, GRACE_DAYS + 1), "00:00");
const JUST_BEFORE = new Date(EXPIRY.getTime() - 1);
const AFTER = new Date(EXPIRY.getTime() + 60 * 60 * 1000);

type Received = { headers: IncomingHttpHeaders; body: string };

async function startReceiver() {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/hooks`, received, close: () => new Promise((r) => server.close(r)) };
}

async function waitFor(condition: () => boolean, what: string, ms = 8000) {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("a flag nobody reviews stops flagging, through the feed", () => {
  const { db } = createFeedTestDb();
  let server: Awaited<ReturnType<typeof listenWholeServer>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let key: string;
  let secret: string;
  let priorityId: number;
  const area = squareAroundWard(db, BLOOMSBURY);
  const ring = area.type === "Polygon" ? area.coordinates[0] : area.coordinates[0]?.[0];
  // The middle of the drawn square: a call there is inside the priority's area.
  const [lon, lat] = [
    ((ring?.[0]?.[0] ?? 0) + (ring?.[2]?.[0] ?? 0)) / 2,
    ((ring?.[0]?.[1] ?? 0) + (ring?.[2]?.[1] ?? 0)) / 2,
  ];

  beforeAll(async () => {
    seedPanel(db, BLOOMSBURY);
    const seededAt = new Date(Date.now() - 60_000);
    priorityId = seedActivePriority(db, {
      wardCode: BLOOMSBURY,
      now: seededAt,
      fields: { area, startDate: START, reviewDate: REVIEW },
      isCallHandlingFlagged: true,
    });
    const apiKey = createApiKey(db, { name: "Camden CAD", boroughCodes: [], now: seededAt });
    key = apiKey.key;
    receiver = await startReceiver();
    secret = createWebhookEndpoint(db, { apiKeyId: apiKey.id, url: receiver.url, now: new Date() }).secret;
    // As `PRIORITY_REVIEW_GRACE_DAYS=10 WEBHOOK_ALLOWED_NETWORKS=127.0.0.0/8 pnpm start` would set them.
    const settings = readEnv({
      PRIORITY_REVIEW_GRACE_DAYS: String(GRACE_DAYS),
      WEBHOOK_ALLOWED_NETWORKS: "127.0.0.0/8",
    });
    server = await listenWholeServer(db, {
      PRIORITY_REVIEW_GRACE_DAYS: settings.PRIORITY_REVIEW_GRACE_DAYS,
      WEBHOOK_ALLOWED_NETWORKS: settings.WEBHOOK_ALLOWED_NETWORKS,
    });
  });
  afterAll(async () => {
    await server.close();
    await receiver.close();
  });

  const request = async (path: string, body?: object) => {
    const response = await fetch(`${server.url}/feed/v1${path}`, {
      method: body ? "POST" : "GET",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: body ? JSON.stringify(body) : undefined,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as unknown;
  };
  const snapshot = async () => FeedSnapshot.parse(await request("/priorities"));
  const changesAfter = async (cursor: string) =>
    FeedChangesPage.parse(await request(`/priorities/changes?after=${cursor}`));
  const match = async (at: Date) =>
    (await request("/match", { lon, lat, at: at.toISOString() })) as {
      matches: { id: string; responseTargetMinutes: number | null; responseTarget: object | null }[];
    };
  const layerIds = async (at: Date) => {
    const page = (await request(
      `/ogc/collections/priorities/items?datetime=${encodeURIComponent(at.toISOString())}`,
    )) as {
      features: { id: string }[];
    };
    return page.features.map((f) => f.id);
  };

  it("carries the expiry in every item and every matcher honours it, before any sweep", async () => {
    const [item] = (await snapshot()).items;
    expect(item).toMatchObject({
      id: String(priorityId),
      reviewDate: REVIEW,
      expiresAt: EXPIRY.toISOString(),
      callHandling: { flagged: true, lapsed: false, responseTargetMinutes: 60 },
    });
    // Valid until the last millisecond of the grace, and not after: a cached feed stops on time too.
    expect((await match(JUST_BEFORE)).matches).toMatchObject([{ id: String(priorityId), responseTargetMinutes: 60 }]);
    expect((await match(EXPIRY)).matches).toEqual([]);
    expect(await layerIds(JUST_BEFORE)).toEqual([String(priorityId)]);
    expect(await layerIds(EXPIRY)).toEqual([]);
    const feature = (await request(`/ogc/collections/priorities/items/${priorityId}`)) as { properties: object };
    expect(feature.properties).toMatchObject({ expire: EXPIRY.toISOString(), review: REVIEW, flagged: true });
  });

  it("lapses the flag past review + grace as one change, in /changes and a signed webhook", async () => {
    const { cursor: before, items } = await snapshot();
    const version = items[0]?.version ?? 0;
    expect(lapseOverdueFlags(db, { now: JUST_BEFORE, graceDays: GRACE_DAYS })).toEqual([]);
    expect(String(getFeedHead(db).cursor)).toBe(before);

    // The scheduled sweep, its clock past the expiry.
    const sweep = startFlagExpirySweep(db, { graceDays: GRACE_DAYS, log: SILENT, intervalMs: 20, now: () => AFTER });
    await waitFor(() => String(getFeedHead(db).cursor) !== before, "the lapse");
    await new Promise((resolve) => setTimeout(resolve, 100));
    await sweep.stop();
    // Run again (another process, the next tick): nothing more to write.
    expect(lapseOverdueFlags(db, { now: AFTER, graceDays: GRACE_DAYS })).toEqual([]);
    expect(getFeedHead(db).cursor).toBe(Number(before) + 1);

    const page = await changesAfter(before);
    expect(page.changes).toHaveLength(1);
    const [change] = page.changes;
    expect(change).toMatchObject({
      kind: "upsert",
      item: {
        id: String(priorityId),
        version: version + 1,
        expiresAt: EXPIRY.toISOString(),
        callHandling: { flagged: false, lapsed: true, responseTargetMinutes: null, responseTarget: null },
      },
    });
    expect(change?.kind === "upsert" && change.item.popupText).not.toMatch(/minute response/);
    expect((await snapshot()).items[0]?.callHandling.flagged).toBe(false);

    await waitFor(() => receiver.received.some((r) => r.body.includes(page.next)), "the webhook notice");
    const notice = receiver.received.find((r) => r.body.includes(page.next));
    const payload = new Webhook(secret).verify(notice?.body ?? "", notice?.headers as Record<string, string>);
    expect(payload).toMatchObject({
      type: "priorities.changed",
      data: { cursor: page.next, changeCount: 1, priorityIds: [String(priorityId)] },
    });

    // Still on the ward's list until the panel ends it, but no pop-up and no promise: unflagged
    // while it is valid, and no match at all after its expiry.
    expect((await match(JUST_BEFORE)).matches).toMatchObject([
      { id: String(priorityId), responseTargetMinutes: null, responseTarget: null },
    ]);
    expect((await match(AFTER)).matches).toEqual([]);
    const feature = (await request(`/ogc/collections/priorities/items/${priorityId}`)) as { properties: object };
    expect(feature.properties).toMatchObject({ expire: EXPIRY.toISOString(), flagged: false, resp_min: null });
    expect(await layerIds(AFTER)).toEqual([]);
  });

  it("brings the flag back when the sergeant reviews it, and the next sweep leaves it", async () => {
    const before = (await snapshot()).cursor;
    const reviewedOn = AFTER;
    const newReview = addDays(londonParts(reviewedOn).date, 90);
    const current = getPriorityInWard(db, BLOOMSBURY, priorityId);
    updatePriority(db, {
      wardCode: BLOOMSBURY,
      priorityId,
      fields: buildPriorityFields({ area: current.area, startDate: START, reviewDate: newReview }),
      now: reviewedOn,
    });
    const newExpiry = londonInstant(addDays(newReview, GRACE_DAYS + 1), "00:00");
    const page = await changesAfter(before);
    expect(page.changes).toMatchObject([
      {
        kind: "upsert",
        item: {
          reviewDate: newReview,
          expiresAt: newExpiry.toISOString(),
          callHandling: { flagged: true, lapsed: false, responseTargetMinutes: 60 },
        },
      },
    ]);
    expect(lapseOverdueFlags(db, { now: AFTER, graceDays: GRACE_DAYS })).toEqual([]);
    expect((await match(AFTER)).matches).toMatchObject([{ id: String(priorityId), responseTargetMinutes: 60 }]);
    expect(await layerIds(AFTER)).toEqual([String(priorityId)]);
  });

  it("names the setting when it is not a number of days", () => {
    expect(readEnv({}).PRIORITY_REVIEW_GRACE_DAYS).toBe(14);
    expect(() => readEnv({ PRIORITY_REVIEW_GRACE_DAYS: "-1" })).toThrow(/PRIORITY_REVIEW_GRACE_DAYS: at least 0 days/);
    expect(() => readEnv({ PRIORITY_REVIEW_GRACE_DAYS: "two weeks" })).toThrow(/PRIORITY_REVIEW_GRACE_DAYS/);
  });
});
