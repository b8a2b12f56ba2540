import * as z from "zod";

import { FeedPriority } from "./priority.js";

/** The response bodies of the feed's HTTP interface (see README, "Wire contract"). */

/** Opaque position in the feed's change history. Clients store and send it back, never parse it. */
export const FeedCursor = z.string().min(1).describe("Opaque; store it and send it back unchanged");

export const FeedSnapshot = z
  .object({
    schemaVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
    cursor: FeedCursor.describe("Ask for changes after this cursor to stay up to date"),
    generatedAt: z.iso.datetime({ offset: true }),
    items: z.array(FeedPriority),
  })
  .describe("Every priority the key may see: GET /feed/v1/priorities");

export const UpsertChange = z.object({
  cursor: FeedCursor,
  kind: z.literal("upsert"),
  item: FeedPriority,
});

export const RemoveChange = z.object({
  cursor: FeedCursor,
  kind: z.literal("remove"),
  id: z.string().min(1),
  reason: z.string().min(1).describe('Why it left the feed, e.g. "deleted" or "out-of-scope"'),
});

export const FeedChange = z.discriminatedUnion("kind", [UpsertChange, RemoveChange]);

export const FeedChangesPage = z
  .object({
    schemaVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
    changes: z.array(FeedChange).describe("Oldest first"),
    next: FeedCursor.describe("Cursor to ask from next; equals the request's when nothing changed"),
    hasMore: z.boolean(),
  })
  .describe("Changes after a cursor: GET /feed/v1/priorities/changes?after=&limit=");

/** RFC 9457 problem details, as every error response carries them. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    field: z.string().optional(),
  })
  .describe("application/problem+json (RFC 9457)");

export type FeedCursor = z.infer<typeof FeedCursor>;
export type FeedSnapshot = z.infer<typeof FeedSnapshot>;
export type UpsertChange = z.infer<typeof UpsertChange>;
export type RemoveChange = z.infer<typeof RemoveChange>;
export type FeedChange = z.infer<typeof FeedChange>;
export type FeedChangesPage = z.infer<typeof FeedChangesPage>;
export type Problem = z.infer<typeof Problem>;
