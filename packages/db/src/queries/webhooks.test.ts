import { describe, expect, it } from "vitest";

import { createTestDb, seedActivePriority } from "../testing";
import { createApiKey, revokeApiKey } from "./api-keys";
import { getFeedHead } from "./feed";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  enqueueWebhookDelivery,
  getEndpointHighWater,
  listDeliveries,
  listDueDeliveries,
  listLiveEndpoints,
  listScopedChangesAfter,
  listWebhookEndpointOverview,
  listWebhookEndpointsForKey,
  markAttemptFailed,
  markDelivered,
  type WebhookPayload,
} from "./webhooks";

const CAMDEN = "E09000007";
const BLOOMSBURY = "E05013653";
const ST_JAMES = "E05013806"; // Westminster
const T0 = new Date("2026-11-25T12:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);
const notice = (cursor: number): WebhookPayload => ({
  type: "priorities.changed",
  timestamp: T0.toISOString(),
  data: { cursor: String(cursor), changeCount: 1, priorityIds: ["1"] },
});

describe("webhook endpoints and their queue", () => {
  it("registers an endpoint with a Standard Webhooks secret shown once, lists and deletes only the key's own", () => {
    const db = createTestDb();
    const mine = createApiKey(db, { name: "Mine", boroughCodes: [], now: T0 });
    const theirs = createApiKey(db, { name: "Theirs", boroughCodes: [], now: T0 });
    const endpoint = createWebhookEndpoint(db, {
      apiKeyId: mine.id,
      url: "https://cad.example.police.uk/hooks",
      now: T0,
    });
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(listWebhookEndpointsForKey(db, mine.id)).toEqual([
      { id: endpoint.id, url: "https://cad.example.police.uk/hooks", createdAt: T0, disabledAt: null },
    ]);
    expect(JSON.stringify(listWebhookEndpointsForKey(db, mine.id))).not.toContain("whsec_");
    expect(() => deleteWebhookEndpoint(db, { apiKeyId: theirs.id, endpointId: endpoint.id })).toThrow(
      "This key has no such webhook endpoint",
    );
    deleteWebhookEndpoint(db, { apiKeyId: mine.id, endpointId: endpoint.id });
    expect(listWebhookEndpointsForKey(db, mine.id)).toEqual([]);
  });

  it("derives the high-water mark: changes before registration are not news; afterwards the newest notice's cursor", () => {
    const db = createTestDb();
    seedActivePriority(db, { wardCode: BLOOMSBURY, now: T0 });
    const before = getFeedHead(db).cursor;
    const key = createApiKey(db, { name: "Camden", boroughCodes: [CAMDEN], now: T0 });
    const endpoint = createWebhookEndpoint(db, {
      apiKeyId: key.id,
      url: "https://cad.example/hooks",
      now: later(1000),
    });
    expect(getEndpointHighWater(db, endpoint)).toBe(before);
    seedActivePriority(db, { wardCode: ST_JAMES, now: later(2000) });
    seedActivePriority(db, { wardCode: BLOOMSBURY, now: later(3000) });
    const inScope = listScopedChangesAfter(db, { after: before, boroughCodes: [CAMDEN], limit: 100 });
    expect(inScope).toHaveLength(1);
    enqueueWebhookDelivery(db, {
      endpointId: endpoint.id,
      messageId: `msg_${endpoint.id}_${inScope[0]!.id}`,
      payload: notice(inScope[0]!.id),
      now: later(3000),
    });
    enqueueWebhookDelivery(db, {
      endpointId: endpoint.id,
      messageId: `msg_${endpoint.id}_${inScope[0]!.id}`,
      payload: notice(inScope[0]!.id),
      now: later(3000),
    });
    expect(listDeliveries(db, endpoint.id)).toHaveLength(1);
    expect(getEndpointHighWater(db, endpoint)).toBe(inScope[0]!.id);
  });

  it("hands out due deliveries, retries at the given time, gives up, and stops for a revoked key", () => {
    const db = createTestDb();
    const key = createApiKey(db, { name: "Camden", boroughCodes: [], now: T0 });
    const endpoint = createWebhookEndpoint(db, { apiKeyId: key.id, url: "https://cad.example/hooks", now: T0 });
    enqueueWebhookDelivery(db, { endpointId: endpoint.id, messageId: "msg_a", payload: notice(1), now: T0 });
    const [due] = listDueDeliveries(db, { now: T0, limit: 10 });
    expect(due).toMatchObject({
      messageId: "msg_a",
      url: "https://cad.example/hooks",
      secret: endpoint.secret,
      attempts: 0,
      payload: notice(1),
    });
    markAttemptFailed(db, { id: due!.id, error: "HTTP 503", retryAt: later(5000), now: T0 });
    expect(listDueDeliveries(db, { now: later(4999), limit: 10 })).toEqual([]);
    expect(listDueDeliveries(db, { now: later(5000), limit: 10 })).toHaveLength(1);
    markDelivered(db, { id: due!.id, now: later(5000) });
    expect(listDueDeliveries(db, { now: later(9999), limit: 10 })).toEqual([]);
    expect(listDeliveries(db, endpoint.id)[0]).toMatchObject({
      attempts: 2,
      deliveredAt: later(5000),
      lastError: null,
    });

    enqueueWebhookDelivery(db, { endpointId: endpoint.id, messageId: "msg_b", payload: notice(2), now: T0 });
    const [second] = listDueDeliveries(db, { now: T0, limit: 10 });
    markAttemptFailed(db, { id: second!.id, error: "timeout", retryAt: null, now: T0 });
    expect(listWebhookEndpointOverview(db)[0]).toMatchObject({
      apiKeyName: "Camden",
      pending: 0,
      failed: 1,
      lastDeliveredAt: later(5000),
    });

    enqueueWebhookDelivery(db, { endpointId: endpoint.id, messageId: "msg_c", payload: notice(3), now: T0 });
    revokeApiKey(db, { id: key.id, now: T0 });
    expect(listDueDeliveries(db, { now: T0, limit: 10 })).toEqual([]);
    expect(listLiveEndpoints(db)).toEqual([]);
  });
});
