import type { Db } from "@wardpanel/db/client";
import { getFeedHead, pruneFeedChanges } from "@wardpanel/db/queries/feed";
import {
  type DueDelivery,
  enqueueWebhookDelivery,
  getEndpointHighWater,
  listDueDeliveries,
  listLiveEndpoints,
  listScopedChangesAfter,
  markAttemptFailed,
  markDelivered,
  pruneDeliveredWebhooks,
  type WebhookPayload,
} from "@wardpanel/db/queries/webhooks";
import { Webhook } from "standardwebhooks";

import type { AllowedNetwork } from "./webhook-networks";
import { postWebhook } from "./webhook-post";
import { BlockedTargetError, type Resolver, systemResolver } from "./webhook-target";

/**
 * Tells control rooms' webhook endpoints that the feed changed. Each tick it (1) scans the change
 * log past each endpoint's high-water mark and queues one small signed notice for the in-scope
 * changes found, (2) sends the notices that are due, and (3) now and then prunes old history.
 *
 * Scanning the log, rather than hooking the lifecycle functions, means no change is missed
 * whichever process made it (the CLI, a test, a second server), and the queue in the database
 * means nothing is lost across a restart. Delivery is at least once: a receiver dedupes on the
 * webhook-id header. Retries follow Standard Webhooks' suggested schedule
 * (https://www.standardwebhooks.com/, "Retry schedule"), then give up. A notice whose target is
 * not allowed (webhook-target.ts) is given up at once, its reason kept as the delivery's error.
 */

type WebhookWorkerOptions = {
  /** How often to look for changes and due notices. */
  intervalMs?: number;
  /** Wait before each retry; after the last, the notice is given up. */
  retryScheduleMs?: readonly number[];
  timeoutMs?: number;
  /** Change history kept for /changes; older cursors get 410. */
  retentionDays?: number;
  pruneEveryMs?: number;
  /** Private networks webhooks may reach (WEBHOOK_ALLOWED_NETWORKS); default none: public addresses only. */
  allowedNetworks?: readonly AllowedNetwork[];
  /** Resolves webhook hosts; default the system's. Tests answer with their own. */
  resolver?: Resolver;
  now?: () => Date;
  log?: { warn(object: object, message: string): void; error(object: object, message: string): void };
};

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const STANDARD_RETRY_SCHEDULE_MS = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR];
const DEFAULT_RETENTION_DAYS = 30;
const BATCH = 20;
const MAX_IDS_PER_NOTICE = 100;

export function startWebhookWorker(db: Db, options: WebhookWorkerOptions = {}): () => Promise<void> {
  const intervalMs = options.intervalMs ?? SECOND;
  const schedule = options.retryScheduleMs ?? STANDARD_RETRY_SCHEDULE_MS;
  const timeoutMs = options.timeoutMs ?? 10 * SECOND;
  const retentionMs = (options.retentionDays ?? DEFAULT_RETENTION_DAYS) * 24 * HOUR;
  const pruneEveryMs = options.pruneEveryMs ?? HOUR;
  const allowedNetworks = options.allowedNetworks ?? [];
  const resolver = options.resolver ?? systemResolver;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? { warn: () => {}, error: () => {} };
  // Where each endpoint's scan got to. Rebuilt from the queue after a restart (getEndpointHighWater).
  const highWater = new Map<number, number>();
  let lastPruned = 0;
  let stopped = false;
  let running: Promise<void> | null = null;
  // Aborts sends in flight at shutdown; they are retried after the restart.
  const stopping = new AbortController();

  function enqueueNotices(): void {
    for (const endpoint of listLiveEndpoints(db)) {
      // One read transaction: the head and the scan see the same log, so nothing slips between them.
      const { head, changes } = db.transaction(() => {
        const after = highWater.get(endpoint.id) ?? getEndpointHighWater(db, endpoint);
        return {
          head: Math.max(after, getFeedHead(db).cursor),
          changes: listScopedChangesAfter(db, {
            after,
            boroughCodes: endpoint.boroughCodes,
            limit: MAX_IDS_PER_NOTICE,
          }),
        };
      });
      const last = changes.at(-1);
      if (!last) {
        highWater.set(endpoint.id, head);
        continue;
      }
      const payload: WebhookPayload = {
        type: "priorities.changed",
        timestamp: now().toISOString(),
        data: {
          cursor: String(last.id),
          changeCount: changes.length,
          priorityIds: [...new Set(changes.map((c) => String(c.priorityId)))],
        },
      };
      enqueueWebhookDelivery(db, {
        endpointId: endpoint.id,
        messageId: `msg_${endpoint.id}_${last.id}`,
        payload,
        now: now(),
      });
      highWater.set(endpoint.id, last.id);
    }
  }

  async function deliver(delivery: DueDelivery): Promise<void> {
    const body = JSON.stringify(delivery.payload);
    const sentAt = now();
    let error: string | null = null;
    let blocked = false;
    try {
      const status = await postWebhook({
        url: delivery.url,
        headers: {
          "content-type": "application/json",
          "user-agent": "WardPanel-Webhooks/1",
          "webhook-id": delivery.messageId,
          "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
          "webhook-signature": new Webhook(delivery.secret).sign(delivery.messageId, sentAt, body),
        },
        body,
        signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), stopping.signal]),
        allowedNetworks,
        resolver,
      });
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (cause) {
      blocked = cause instanceof BlockedTargetError;
      error = blocked
        ? `Not sent, and not retried: ${(cause as Error).message}`
        : cause instanceof Error
          ? cause.message
          : String(cause);
    }
    if (error === null) return markDelivered(db, { id: delivery.id, now: now() });
    const wait = blocked ? undefined : schedule[delivery.attempts];
    const retryAt = wait === undefined ? null : new Date(now().getTime() + wait);
    markAttemptFailed(db, { id: delivery.id, error, retryAt, now: now() });
    log.warn(
      { endpointId: delivery.endpointId, messageId: delivery.messageId, error, retryAt },
      blocked
        ? "webhook target not allowed; giving up"
        : retryAt
          ? "webhook delivery failed; will retry"
          : "webhook delivery failed; giving up",
    );
  }

  async function tick(): Promise<void> {
    try {
      if (now().getTime() - lastPruned >= pruneEveryMs) {
        lastPruned = now().getTime();
        const before = new Date(lastPruned - retentionMs);
        pruneFeedChanges(db, { before });
        pruneDeliveredWebhooks(db, { before });
      }
      enqueueNotices();
      await Promise.all(listDueDeliveries(db, { now: now(), limit: BATCH }).map(deliver));
    } catch (error) {
      // A closed database at shutdown, or a locked one under load: the next tick tries again.
      if (!stopped) log.error({ err: error }, "webhook worker tick failed");
    }
  }

  const timer = setInterval(() => {
    if (running || stopped) return;
    running = tick().finally(() => {
      running = null;
    });
  }, intervalMs);
  timer.unref();

  return async function stop() {
    stopped = true;
    clearInterval(timer);
    stopping.abort(new Error("server stopping"));
    await running;
  };
}
