import { randomBytes } from "node:crypto";

import { DomainError } from "@wardpanel/validators";
import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, lt, lte, max, sql } from "drizzle-orm";

import type { Db } from "../client";
import { returnedRow } from "../returned-row";
import { apiKeys, feedChanges, priorities, wards, webhookDeliveries, webhookEndpoints } from "../schema";

/**
 * Control rooms' webhook endpoints and the delivery queue (Standard Webhooks,
 * https://www.standardwebhooks.com/). The queue lives in the database so a restart loses nothing;
 * apps/server's worker fills and drains it.
 */

type WebhookEndpointSummary = { id: number; url: string; createdAt: Date; disabledAt: Date | null };

/** What a notice says: the feed moved; fetch changes after your cursor. Small on purpose. */
export type WebhookPayload = {
  type: "priorities.changed";
  timestamp: string;
  data: { cursor: string; changeCount: number; priorityIds: string[] };
};

const MAX_ENDPOINTS_PER_KEY = 5;

/** A Standard Webhooks secret: "whsec_" and base64 of 24 random bytes. */
function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

/** Registers an endpoint for a key; the secret is returned here and never listed again. */
export function createWebhookEndpoint(
  db: Db,
  params: { apiKeyId: number; url: string; now: Date },
): WebhookEndpointSummary & { secret: string } {
  return db.transaction(() => {
    const existing =
      db
        .select({ n: count() })
        .from(webhookEndpoints)
        .where(and(eq(webhookEndpoints.apiKeyId, params.apiKeyId), isNull(webhookEndpoints.disabledAt)))
        .get()?.n ?? 0;
    if (existing >= MAX_ENDPOINTS_PER_KEY)
      throw new DomainError(
        "conflict",
        `A key may have at most ${MAX_ENDPOINTS_PER_KEY} webhook endpoints; delete one first`,
        "url",
      );
    const secret = generateWebhookSecret();
    const row = returnedRow(
      db
        .insert(webhookEndpoints)
        .values({ apiKeyId: params.apiKeyId, url: params.url, secret, createdAt: params.now })
        .returning(),
    );
    return { id: row.id, url: row.url, createdAt: row.createdAt, disabledAt: row.disabledAt, secret };
  });
}

export function listWebhookEndpointsForKey(db: Db, apiKeyId: number): WebhookEndpointSummary[] {
  return db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      createdAt: webhookEndpoints.createdAt,
      disabledAt: webhookEndpoints.disabledAt,
    })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.apiKeyId, apiKeyId))
    .orderBy(asc(webhookEndpoints.id))
    .all();
}

/** Deletes one of the key's own endpoints, and its queue with it. */
export function deleteWebhookEndpoint(db: Db, params: { apiKeyId: number; endpointId: number }): void {
  const deleted = db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, params.endpointId), eq(webhookEndpoints.apiKeyId, params.apiKeyId)))
    .run().changes;
  if (deleted === 0) throw new DomainError("not_found", "This key has no such webhook endpoint", "id");
}

type WebhookEndpointOverview = WebhookEndpointSummary & {
  apiKeyId: number;
  apiKeyName: string;
  isKeyRevoked: boolean;
  pending: number;
  failed: number;
  lastDeliveredAt: Date | null;
};

/** Every endpoint with the health of its queue, for admins. */
export function listWebhookEndpointOverview(db: Db): WebhookEndpointOverview[] {
  const endpoints = db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      createdAt: webhookEndpoints.createdAt,
      disabledAt: webhookEndpoints.disabledAt,
      apiKeyId: apiKeys.id,
      apiKeyName: apiKeys.name,
      revokedAt: apiKeys.revokedAt,
    })
    .from(webhookEndpoints)
    .innerJoin(apiKeys, eq(apiKeys.id, webhookEndpoints.apiKeyId))
    .orderBy(asc(apiKeys.name), asc(webhookEndpoints.id))
    .all();
  const stats = db
    .select({
      endpointId: webhookDeliveries.endpointId,
      pending: sql<number>`sum(case when ${webhookDeliveries.deliveredAt} is null and ${webhookDeliveries.failedAt} is null then 1 else 0 end)`,
      failed: sql<number>`sum(case when ${webhookDeliveries.failedAt} is not null then 1 else 0 end)`,
      lastDeliveredAt: max(webhookDeliveries.deliveredAt),
    })
    .from(webhookDeliveries)
    .groupBy(webhookDeliveries.endpointId)
    .all();
  const byEndpoint = new Map(stats.map((s) => [s.endpointId, s]));
  return endpoints.map(({ revokedAt, ...endpoint }) => {
    const s = byEndpoint.get(endpoint.id);
    return {
      ...endpoint,
      isKeyRevoked: revokedAt !== null,
      pending: s?.pending ?? 0,
      failed: s?.failed ?? 0,
      lastDeliveredAt: s?.lastDeliveredAt ?? null,
    };
  });
}

// ─── The worker's side ──────────────────────────────────────────────────────────────────────

type LiveEndpoint = { id: number; url: string; secret: string; boroughCodes: string[]; createdAt: Date };

/** Endpoints that should hear about changes: not disabled, and their key not revoked. */
export function listLiveEndpoints(db: Db): LiveEndpoint[] {
  return db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      secret: webhookEndpoints.secret,
      boroughCodes: apiKeys.boroughCodes,
      createdAt: webhookEndpoints.createdAt,
    })
    .from(webhookEndpoints)
    .innerJoin(apiKeys, eq(apiKeys.id, webhookEndpoints.apiKeyId))
    .where(and(isNull(webhookEndpoints.disabledAt), isNull(apiKeys.revokedAt)))
    .all();
}

/**
 * The newest change an endpoint has already been told about: the cursor in its newest queued
 * notice, or, before its first notice, the last change made before it was registered. Derived
 * from the queue rather than stored, so it is right after a restart by construction.
 */
export function getEndpointHighWater(db: Db, endpoint: Pick<LiveEndpoint, "id" | "createdAt">): number {
  const newest = db
    .select({
      cursor: sql<number | null>`max(cast(json_extract(${webhookDeliveries.payload}, '$.data.cursor') as integer))`,
    })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpoint.id))
    .get()?.cursor;
  if (newest !== null && newest !== undefined) return newest;
  return (
    db
      .select({ id: max(feedChanges.id) })
      .from(feedChanges)
      .where(lt(feedChanges.at, endpoint.createdAt))
      .get()?.id ?? 0
  );
}

/** Changes after `after` for priorities in the boroughs (empty = all), oldest first. */
export function listScopedChangesAfter(
  db: Db,
  params: { after: number; boroughCodes: readonly string[]; limit: number },
): { id: number; priorityId: number }[] {
  const inScope = params.boroughCodes.length > 0 ? inArray(wards.boroughCode, [...params.boroughCodes]) : undefined;
  return db
    .select({ id: feedChanges.id, priorityId: feedChanges.priorityId })
    .from(feedChanges)
    .innerJoin(priorities, eq(priorities.id, feedChanges.priorityId))
    .innerJoin(wards, eq(wards.code, priorities.wardCode))
    .where(and(gt(feedChanges.id, params.after), inScope))
    .orderBy(asc(feedChanges.id))
    .limit(params.limit)
    .all();
}

/** Queues a notice once: the message id is unique, so enqueuing twice is harmless. */
export function enqueueWebhookDelivery(
  db: Db,
  params: { endpointId: number; messageId: string; payload: WebhookPayload; now: Date },
): void {
  db.insert(webhookDeliveries)
    .values({
      endpointId: params.endpointId,
      messageId: params.messageId,
      payload: params.payload,
      nextAttemptAt: params.now,
      createdAt: params.now,
    })
    .onConflictDoNothing()
    .run();
}

export type DueDelivery = ReturnType<typeof listDueDeliveries>[number];

/** Notices whose next attempt has come, oldest first, for endpoints still live. */
export function listDueDeliveries(db: Db, params: { now: Date; limit: number }) {
  return db
    .select({
      id: webhookDeliveries.id,
      endpointId: webhookDeliveries.endpointId,
      url: webhookEndpoints.url,
      secret: webhookEndpoints.secret,
      messageId: webhookDeliveries.messageId,
      payload: webhookDeliveries.payload,
      attempts: webhookDeliveries.attempts,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .innerJoin(apiKeys, eq(apiKeys.id, webhookEndpoints.apiKeyId))
    .where(
      and(
        isNull(webhookDeliveries.deliveredAt),
        isNull(webhookDeliveries.failedAt),
        lte(webhookDeliveries.nextAttemptAt, params.now),
        isNull(webhookEndpoints.disabledAt),
        isNull(apiKeys.revokedAt),
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
    .limit(params.limit)
    .all();
}

export function markDelivered(db: Db, params: { id: number; now: Date }): void {
  db.update(webhookDeliveries)
    .set({ deliveredAt: params.now, attempts: sql`${webhookDeliveries.attempts} + 1`, lastError: null })
    .where(eq(webhookDeliveries.id, params.id))
    .run();
}

/** Records a failed attempt: tried again at `retryAt`, or given up when it is null. */
export function markAttemptFailed(
  db: Db,
  params: { id: number; error: string; retryAt: Date | null; now: Date },
): void {
  db.update(webhookDeliveries)
    .set({
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      lastError: params.error.slice(0, 500),
      ...(params.retryAt ? { nextAttemptAt: params.retryAt } : { failedAt: params.now }),
    })
    .where(eq(webhookDeliveries.id, params.id))
    .run();
}

/** The deliveries of one endpoint, newest first (for tests and support). */
export function listDeliveries(db: Db, endpointId: number) {
  return db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.id))
    .all();
}

/** Delivered notices older than `before`, except each endpoint's newest (it holds the high-water mark). */
export function pruneDeliveredWebhooks(db: Db, params: { before: Date }): number {
  const newestPerEndpoint = db
    .select({ id: max(webhookDeliveries.id) })
    .from(webhookDeliveries)
    .groupBy(webhookDeliveries.endpointId);
  return db
    .delete(webhookDeliveries)
    .where(
      and(
        isNotNull(webhookDeliveries.deliveredAt),
        lt(webhookDeliveries.createdAt, params.before),
        sql`${webhookDeliveries.id} not in ${newestPerEndpoint}`,
      ),
    )
    .run().changes;
}
