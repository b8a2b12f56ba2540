import { sql } from "drizzle-orm";
import { integer, text } from "drizzle-orm/sqlite-core";

/** Milliseconds since the epoch, read and written as a Date. */
export const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

export const createdAt = () =>
  timestamp("created_at")
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

/** A row of an e-mail queue (concern and message events): no e-mail, due, sent, or given up on. */
export const MAIL_QUEUE_STATES = ["none", "due", "sent", "failed"] as const;

/**
 * The columns that make an event table an e-mail queue (workers/mail-queue.ts sends from it,
 * queries/mail-retry.ts retries it): its state, how often sending was tried, when to try next, and
 * the last failure. Spread into the table: `{ ...mailQueueColumns() }`.
 */
export const mailQueueColumns = () => ({
  mail: text("mail", { enum: MAIL_QUEUE_STATES }).notNull().default("none"),
  attempts: integer("attempts").notNull().default(0),
  nextAttemptAt: timestamp("next_attempt_at"),
  lastError: text("last_error"),
});
