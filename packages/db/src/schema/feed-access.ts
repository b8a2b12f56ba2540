import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

// Type only: the notice is built by the queries, declared once there.
import type { WebhookPayload } from "../queries/webhooks";
import { createdAt, timestamp } from "./columns";
import { priorities } from "./priorities";

/** A control room's key to the feed: stored as a SHA-256 hash, scoped to boroughs, revocable. */
export const apiKeys = sqliteTable("api_keys", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  keyHash: text("key_hash").notNull().unique(),
  /** The first characters of the key, to tell keys apart in lists without storing the key. */
  prefix: text("prefix").notNull(),
  /** Borough codes (E09…) this key may read; empty means all of London. */
  boroughCodes: text("borough_codes", { mode: "json" }).$type<string[]>().notNull().default([]),
  createdAt: createdAt(),
  revokedAt: timestamp("revoked_at"),
  lastUsedAt: timestamp("last_used_at"),
});

/** Where a control room wants a small signed notice on each change (Standard Webhooks). */
export const webhookEndpoints = sqliteTable("webhook_endpoints", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  apiKeyId: integer("api_key_id")
    .notNull()
    .references(() => apiKeys.id, { onDelete: "cascade" }),
  url: text("url").notNull(),
  /** Standard Webhooks secret ("whsec_…"), shown once when registered. */
  secret: text("secret").notNull(),
  createdAt: createdAt(),
  disabledAt: timestamp("disabled_at"),
});

/** The delivery queue: survives restarts; retried with back-off until delivered or given up. */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    endpointId: integer("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    messageId: text("message_id").notNull().unique(),
    payload: text("payload", { mode: "json" }).$type<WebhookPayload>().notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at").notNull(),
    deliveredAt: timestamp("delivered_at"),
    failedAt: timestamp("failed_at"),
    lastError: text("last_error"),
    createdAt: createdAt(),
  },
  (table) => [index("webhook_deliveries_due_idx").on(table.deliveredAt, table.nextAttemptAt)],
);

/** A control room's report of a call that matched a priority, and whether a unit got there in time. */
export const callResponses = sqliteTable(
  "call_responses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    apiKeyId: integer("api_key_id")
      .notNull()
      .references(() => apiKeys.id),
    callReference: text("call_reference").notNull(),
    priorityId: integer("priority_id")
      .notNull()
      .references(() => priorities.id),
    receivedAt: timestamp("received_at").notNull(),
    arrivedAt: timestamp("arrived_at"),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("call_responses_key_call_priority").on(table.apiKeyId, table.callReference, table.priorityId),
    index("call_responses_priority_idx").on(table.priorityId),
  ],
);
