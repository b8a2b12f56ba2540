import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { createApiKey } from "@wardpanel/db/queries/api-keys";
import { getFeedHead } from "@wardpanel/db/queries/feed";
import { createWebhookEndpoint, listDeliveries } from "@wardpanel/db/queries/webhooks";
import { seedActivePriority, seedPanel } from "@wardpanel/db/testing";
import { afterEach, describe, expect, it } from "vitest";
import { createFeedTestDb } from "./feed-test-server";
import { startWebhookWorker } from "./webhook-worker";

const CAMDEN = "E09000007";
const BLOOMSBURY = "E05013653";
const ST_JAMES = "E05013806"; // Westminster
const NOW = new Date();

type Received = { headers: IncomingHttpHeaders; body: string };

/** A control room's receiver: answers each request with the next status in `statuses` (then 204). */
async function startReceiver(statuses: number[] = []) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(statuses.shift() ?? 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function waitFor(condition: () => boolean, what: string, ms = 5000) {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function setUp(statuses: number[] = []) {
  const { db } = createFeedTestDb();
  seedPanel(db, BLOOMSBURY);
  const key = createApiKey(db, { name: "Camden CAD", boroughCodes: [CAMDEN], now: NOW });
  return { db, key, receiver: startReceiver(statuses) };
}

describe("the webhook worker", () => {
  it("sends one signed notice per change in the key's boroughs, which the receiver verifies", async () => {
    const { db, key, receiver: starting } = setUp();
    const receiver = await starting;
    cleanups.push(receiver.close);
    const endpoint = createWebhookEndpoint(db, { apiKeyId: key.id, url: receiver.url, now: new Date(Date.now() - 1) });
    cleanups.push(startWebhookWorker(db, { intervalMs: 20 }));

    seedActivePriority(db, { wardCode: ST_JAMES, now: new Date() });
    const priorityId = seedActivePriority(db, { wardCode: BLOOMSBURY, now: new Date() });
    await waitFor(() => receiver.received.length === 1, "the notice");
    const [notice] = receiver.received;
    const payload = new Webhook(endpoint.secret).verify(notice!.body, notice!.headers as Record<string, string>);
    expect(payload).toEqual({ type: "priorities.changed", timestamp: expect.any(String), data: { cursor: String(getFeedHead(db).cursor), changeCount: 1, priorityIds: [String(priorityId)] } });
    expect(notice!.headers["webhook-id"]).toBe(`msg_${endpoint.id}_${getFeedHead(db).cursor}`);
    // A forged signature fails verification.
    expect(() => new Webhook(endpoint.secret).verify(notice!.body.replace("priorities", "Priorities"), notice!.headers as Record<string, string>)).toThrow();

    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(receiver.received).toHaveLength(1);
  });

  it("retries a failed notice with back-off, and a restarted worker neither loses nor repeats it", async () => {
    const { db, key, receiver: starting } = setUp([503]);
    const receiver = await starting;
    cleanups.push(receiver.close);
    const endpoint = createWebhookEndpoint(db, { apiKeyId: key.id, url: receiver.url, now: new Date(Date.now() - 1) });
    const stopFirst = startWebhookWorker(db, { intervalMs: 20, retryScheduleMs: [400] });
    seedActivePriority(db, { wardCode: BLOOMSBURY, now: new Date() });
    await waitFor(() => receiver.received.length === 1, "the first attempt");
    await stopFirst();
    expect(listDeliveries(db, endpoint.id)[0]).toMatchObject({ attempts: 1, deliveredAt: null, lastError: "HTTP 503" });

    // A new worker, as after a restart: it has no memory but the queue.
    cleanups.push(startWebhookWorker(db, { intervalMs: 20, retryScheduleMs: [400] }));
    await waitFor(() => receiver.received.length === 2, "the retry");
    expect(receiver.received[1]!.headers["webhook-id"]).toBe(receiver.received[0]!.headers["webhook-id"]);
    await waitFor(() => listDeliveries(db, endpoint.id)[0]!.deliveredAt !== null, "delivered");
    expect(listDeliveries(db, endpoint.id)).toHaveLength(1);
    expect(listDeliveries(db, endpoint.id)[0]).toMatchObject({ attempts: 2, lastError: null });
  });

  it("gives a notice up after the last retry", async () => {
    const { db, key, receiver: starting } = setUp([500, 500]);
    const receiver = await starting;
    cleanups.push(receiver.close);
    const endpoint = createWebhookEndpoint(db, { apiKeyId: key.id, url: receiver.url, now: new Date(Date.now() - 1) });
    cleanups.push(startWebhookWorker(db, { intervalMs: 20, retryScheduleMs: [50] }));
    seedActivePriority(db, { wardCode: BLOOMSBURY, now: new Date() });
    await waitFor(() => listDeliveries(db, endpoint.id)[0]?.failedAt != null, "given up");
    expect(listDeliveries(db, endpoint.id)[0]).toMatchObject({ attempts: 2, lastError: "HTTP 500" });
    expect(receiver.received).toHaveLength(2);
  });
});
