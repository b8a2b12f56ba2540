import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

import { createApiKey } from "@wardpanel/db/queries/api-keys";
import { getFeedHead } from "@wardpanel/db/queries/feed";
import { createWebhookEndpoint, listDeliveries, listWebhookEndpointOverview } from "@wardpanel/db/queries/webhooks";
import { seedActivePriority, seedPanel } from "@wardpanel/db/testing";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";

import { createFeedTestDb } from "../routes/feed/feed-test-server";
import { type AllowedNetwork, parseAllowedNetworks } from "./webhook-networks";
import type { Resolver } from "./webhook-target";
import { startWebhookWorker } from "./webhook-worker";

const CAMDEN = "E09000007";
const BLOOMSBURY = "E05013653";
const ST_JAMES = "E05013806"; // Westminster
const NOW = new Date();

function networks(text: string): AllowedNetwork[] {
  const parsed = parseAllowedNetworks(text);
  if (!("networks" in parsed)) throw new Error(parsed.problem);
  return parsed.networks;
}
/** The receivers below listen on 127.0.0.1, which an operator would open with WEBHOOK_ALLOWED_NETWORKS=127.0.0.0/8. */
const LOOPBACK_ALLOWED = networks("127.0.0.0/8");

type Received = { headers: IncomingHttpHeaders; body: string };

/** A control room's receiver: answers each request with the next status in `statuses` (then 204), and `headers`. */
async function startReceiver(statuses: number[] = [], headers: Record<string, string> = {}) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(statuses.shift() ?? 204, headers).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
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
    cleanups.push(startWebhookWorker(db, { intervalMs: 20, allowedNetworks: LOOPBACK_ALLOWED }));

    seedActivePriority(db, { wardCode: ST_JAMES, now: new Date() });
    const priorityId = seedActivePriority(db, { wardCode: BLOOMSBURY, now: new Date() });
    await waitFor(() => receiver.received.length === 1, "the notice");
    const [notice] = receiver.received;
    const payload = new Webhook(endpoint.secret).verify(notice!.body, notice!.headers as Record<string, string>);
    expect(payload).toEqual({
      type: "priorities.changed",
      timestamp: expect.any(String),
      data: { cursor: String(getFeedHead(db).cursor), changeCount: 1, priorityIds: [String(priorityId)] },
    });
    expect(notice!.headers["webhook-id"]).toBe(`msg_${endpoint.id}_${getFeedHead(db).cursor}`);
    // A forged signature fails verification.
    expect(() =>
      new Webhook(endpoint.secret).verify(
        notice!.body.replace("priorities", "Priorities"),
        notice!.headers as Record<string, string>,
      ),
    ).toThrow();

    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(receiver.received).toHaveLength(1);
  });

  it("retries a failed notice with back-off, and a restarted worker neither loses nor repeats it", async () => {
    const { db, key, receiver: starting } = setUp([503]);
    const receiver = await starting;
    cleanups.push(receiver.close);
    const endpoint = createWebhookEndpoint(db, { apiKeyId: key.id, url: receiver.url, now: new Date(Date.now() - 1) });
    const stopFirst = startWebhookWorker(db, {
      intervalMs: 20,
      retryScheduleMs: [400],
      allowedNetworks: LOOPBACK_ALLOWED,
    });
    seedActivePriority(db, { wardCode: BLOOMSBURY, now: new Date() });
    // Stopping aborts a send in flight, so wait until the answer to the first attempt is recorded.
    await waitFor(() => listDeliveries(db, endpoint.id)[0]?.attempts === 1, "the first attempt");
    await stopFirst();
    expect(listDeliveries(db, endpoint.id)[0]).toMatchObject({ attempts: 1, deliveredAt: null, lastError: "HTTP 503" });

    // A new worker, as after a restart: it has no memory but the queue.
    cleanups.push(
      startWebhookWorker(db, { intervalMs: 20, retryScheduleMs: [400], allowedNetworks: LOOPBACK_ALLOWED }),
    );
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
    cleanups.push(startWebhookWorker(db, { intervalMs: 20, retryScheduleMs: [50], allowedNetworks: LOOPBACK_ALLOWED }));
    seedActivePriority(db, { wardCode: BLOOMSBURY, now: new Date() });
    await waitFor(() => listDeliveries(db, endpoint.id)[0]?.failedAt != null, "given up");
    expect(listDeliveries(db, endpoint.id)[0]).toMatchObject({ attempts: 2, lastError: "HTTP 500" });
    expect(receiver.received).toHaveLength(2);
  });
});

/** A DNS answer set for test names (no DNS server here), counting how often each name is asked. */
function resolverOf(answers: Record<string, { address: string; family: number }[]>) {
  const asked: string[] = [];
  const resolver: Resolver = async (hostname) => {
    asked.push(hostname);
    const found = answers[hostname];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return found;
  };
  return { resolver, asked };
}

describe("where the webhook worker may send", () => {
  it.each([
    [
      "a loopback address",
      [{ address: "127.0.0.1", family: 4 }],
      "hooks.cad.test resolves to 127.0.0.1, a loopback address",
    ],
    [
      "the cloud metadata service, IPv4-mapped",
      [{ address: "::ffff:169.254.169.254", family: 6 }],
      "hooks.cad.test resolves to ::ffff:169.254.169.254, a link-local address",
    ],
    [
      "one public and one private address",
      [
        { address: "81.2.69.160", family: 4 },
        { address: "10.0.0.5", family: 4 },
      ],
      "hooks.cad.test resolves to 10.0.0.5, a private network address",
    ],
  ])(
    "refuses a host name that resolves to %s: not sent, not retried, and counted as given up",
    async (_what, answer, message) => {
      const { db, key, receiver: starting } = setUp();
      const receiver = await starting;
      cleanups.push(receiver.close);
      const endpoint = createWebhookEndpoint(db, {
        apiKeyId: key.id,
        url: `http://hooks.cad.test:${receiver.port}/hooks`,
        now: new Date(Date.now() - 1),
      });
      const dns = resolverOf({ "hooks.cad.test": answer });
      cleanups.push(startWebhookWorker(db, { intervalMs: 20, retryScheduleMs: [20, 20], resolver: dns.resolver }));
      seedActivePriority(db, { wardCode: BLOOMSBURY, now: new Date() });
      await waitFor(() => listDeliveries(db, endpoint.id)[0]?.failedAt != null, "given up");
      await new Promise((resolve) => setTimeout(resolve, 150));

      const [delivery] = listDeliveries(db, endpoint.id);
      expect(delivery).toMatchObject({ attempts: 1, deliveredAt: null });
      expect(delivery!.lastError).toContain(`Not sent, and not retried: ${message}`);
      expect(dns.asked).toEqual(["hooks.cad.test"]);
      expect(receiver.received).toHaveLength(0);
      // Staff → Control rooms shows it as given up, like any failed notice.
      expect(listWebhookEndpointOverview(db)).toEqual([
        expect.objectContaining({ id: endpoint.id, pending: 0, failed: 1 }),
      ]);
    },
  );

  it("delivers to a host name in an allowed private network, connecting to the very address it checked", async () => {
    const { db, key, receiver: starting } = setUp();
    const receiver = await starting;
    cleanups.push(receiver.close);
    const endpoint = createWebhookEndpoint(db, {
      apiKeyId: key.id,
      url: `http://hooks.cad.test:${receiver.port}/hooks`,
      now: new Date(Date.now() - 1),
    });
    const dns = resolverOf({ "hooks.cad.test": [{ address: "127.0.0.1", family: 4 }] });
    cleanups.push(
      startWebhookWorker(db, { intervalMs: 20, allowedNetworks: LOOPBACK_ALLOWED, resolver: dns.resolver }),
    );
    seedActivePriority(db, { wardCode: BLOOMSBURY, now: new Date() });
    await waitFor(() => listDeliveries(db, endpoint.id)[0]?.deliveredAt != null, "delivered");

    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.headers.host).toBe(`hooks.cad.test:${receiver.port}`);
    // One answer per attempt, used for both the check and the connection: nothing to rebind between them.
    expect(dns.asked).toEqual(["hooks.cad.test"]);
  });

  it("checks a stored address again at delivery, so an endpoint saved before the check (or a network since closed) gets nothing", async () => {
    const { db, key, receiver: starting } = setUp();
    const receiver = await starting;
    cleanups.push(receiver.close);
    const endpoint = createWebhookEndpoint(db, { apiKeyId: key.id, url: receiver.url, now: new Date(Date.now() - 1) });
    cleanups.push(startWebhookWorker(db, { intervalMs: 20, retryScheduleMs: [20] }));
    seedActivePriority(db, { wardCode: BLOOMSBURY, now: new Date() });
    await waitFor(() => listDeliveries(db, endpoint.id)[0]?.failedAt != null, "given up");

    expect(listDeliveries(db, endpoint.id)[0]).toMatchObject({ attempts: 1 });
    expect(listDeliveries(db, endpoint.id)[0]!.lastError).toContain(
      "Not sent, and not retried: url points to 127.0.0.1, a loopback address",
    );
    expect(receiver.received).toHaveLength(0);
  });

  it("does not follow a redirect, so a receiver cannot bounce a notice to a blocked address", async () => {
    const { db, key } = setUp();
    const inside = await startReceiver();
    cleanups.push(inside.close);
    const bouncer = await startReceiver([307, 307], { location: `http://localhost:${inside.port}/hooks` });
    cleanups.push(bouncer.close);
    const endpoint = createWebhookEndpoint(db, { apiKeyId: key.id, url: bouncer.url, now: new Date(Date.now() - 1) });
    cleanups.push(startWebhookWorker(db, { intervalMs: 20, retryScheduleMs: [20], allowedNetworks: LOOPBACK_ALLOWED }));
    seedActivePriority(db, { wardCode: BLOOMSBURY, now: new Date() });
    await waitFor(() => listDeliveries(db, endpoint.id)[0]?.failedAt != null, "given up");

    expect(listDeliveries(db, endpoint.id)[0]).toMatchObject({ attempts: 2, lastError: "HTTP 307" });
    expect(bouncer.received).toHaveLength(2);
    expect(inside.received).toHaveLength(0);
  });
});
