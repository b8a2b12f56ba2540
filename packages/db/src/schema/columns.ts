import { sql } from "drizzle-orm";
import { integer } from "drizzle-orm/sqlite-core";

/** Milliseconds since the epoch, read and written as a Date. */
export const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

export const createdAt = () =>
  timestamp("created_at")
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

/** A row of an e-mail queue (concern and message events): no e-mail, due, sent, or given up on. */
export const MAIL_QUEUE_STATES = ["none", "due", "sent", "failed"] as const;
