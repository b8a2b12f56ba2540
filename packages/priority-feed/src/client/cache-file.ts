import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, open, rename, unlink } from "node:fs/promises";
import { dirname } from "node:path";

import * as z from "zod";

import { FeedCursor } from "../schema/documents.js";
import { FeedPriority } from "../schema/priority.js";
import { canReadSchemaVersion } from "../version.js";

/**
 * The last good copy of the feed on disk, so matching works after a restart and while the
 * server is unreachable. It is validated in full when read: a file cut short by a crash or a
 * full disk, or edited by hand, is refused rather than half-used.
 */
export const CachedFeed = z.object({
  format: z.literal("wardpanel-priority-feed-cache"),
  formatVersion: z.literal(1),
  schemaVersion: z.string(),
  cursor: FeedCursor,
  etag: z.string().nullable(),
  generatedAt: z.iso.datetime({ offset: true }),
  lastSyncedAt: z.iso.datetime({ offset: true }),
  items: z.array(FeedPriority),
});
export type CachedFeed = z.infer<typeof CachedFeed>;

export type CacheReadResult =
  { kind: "loaded"; feed: CachedFeed } | { kind: "missing" } | { kind: "unreadable"; reason: string };

export function readCacheFile(path: string): CacheReadResult {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { kind: "missing" };
    return { kind: "unreadable", reason: `cannot read ${path}: ${(error as Error).message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: "unreadable", reason: `${path} is not complete JSON (truncated or garbled)` };
  }
  const parsed = CachedFeed.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
    return { kind: "unreadable", reason: `${path} is not a feed cache${where}: ${issue?.message ?? "invalid"}` };
  }
  if (!canReadSchemaVersion(parsed.data.schemaVersion)) {
    return {
      kind: "unreadable",
      reason: `${path} holds feed schema ${parsed.data.schemaVersion}, which this version cannot read`,
    };
  }
  return { kind: "loaded", feed: parsed.data };
}

/**
 * Writes the cache so that a reader sees the old file or the new one, never a mix: write a
 * temporary file beside it, flush it to disk, then rename over the old one (atomic on POSIX
 * file systems when both are in one directory).
 */
export async function writeCacheFile(path: string, feed: CachedFeed): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomUUID()}.tmp`;
  try {
    const handle = await open(temp, "w", 0o600);
    try {
      await handle.writeFile(JSON.stringify(feed));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
