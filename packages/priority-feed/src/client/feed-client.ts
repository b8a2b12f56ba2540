import type { Call } from "../match/call.js";
import { createMatcher, type Match, type Matcher } from "../match/matcher.js";
import type { FeedChange, FeedSnapshot } from "../schema/documents.js";
import type { FeedPriority } from "../schema/priority.js";
import { type CachedFeed, readCacheFile, writeCacheFile } from "./cache-file.js";
import { FeedError, type FeedErrorCode } from "./feed-error.js";
import { createFeedHttp, type FeedHttp } from "./feed-http.js";

export interface FeedClientOptions {
  /** Ward Panel's address, e.g. "https://wardpanel.example.org" (the client adds /feed/v1/…). */
  baseUrl: string;
  apiKey: string;
  /** Where the last good copy lives. Read once, now; rewritten after each sync that changes it. */
  cachePath: string;
  /** Defaults to Node's global fetch. */
  fetch?: typeof globalThis.fetch;
  /** Changes per page asked for (the server may return fewer). Default 500. */
  pageSize?: number;
  /** Per-request timeout. Default 30 s. */
  timeoutMs?: number;
  /** Called for each warning as it happens, as well as being kept in `warnings`. */
  onWarning?: (warning: FeedWarning) => void;
  /** Clock, for tests. */
  now?: () => Date;
}

export interface FeedWarning {
  code: "cache-unreadable" | "cache-write-failed";
  message: string;
  at: string;
}

export interface SyncResult {
  /** snapshot: whole feed fetched; changes: changes applied; unchanged: nothing new. */
  mode: "snapshot" | "changes" | "unchanged";
  /** Changes applied (snapshot: priorities received). */
  applied: number;
  itemCount: number;
}

export interface Staleness {
  /** Last time the server confirmed the copy was current (ISO), or null if it never has. */
  lastSyncedAt: string | null;
  ageSeconds: number | null;
  lastError: { code: FeedErrorCode; message: string; at: string } | null;
  itemCount: number;
}

export interface FeedClient {
  /** Brings the copy up to date. Rejects with FeedError; the previous copy stays in use. */
  sync(options?: { full?: boolean }): Promise<SyncResult>;
  /** A matcher over the current copy (rebuilt only when the copy changes). */
  matcher(): Matcher;
  match(call: Call): Match[];
  staleness(): Staleness;
  items(): readonly FeedPriority[];
  /** Problems that did not stop the client, oldest first: a control room should log these. */
  readonly warnings: readonly FeedWarning[];
}

/**
 * The control room's copy of the feed. On creation it loads the last good copy from `cachePath`
 * (synchronously, so `match` works at once). `sync` fetches a snapshot the first time and the
 * changes since its cursor afterwards; if the cache was missing or unreadable it starts again
 * from a snapshot.
 */
export function createFeedClient(options: FeedClientOptions): FeedClient {
  const now = options.now ?? (() => new Date());
  const pageSize = options.pageSize ?? 500;
  const http: FeedHttp = createFeedHttp({
    baseUrl: options.baseUrl,
    apiKey: options.apiKey,
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? 30_000,
  });
  const warnings: FeedWarning[] = [];
  let lastError: Staleness["lastError"] = null;
  let inFlight: Promise<SyncResult> | null = null;
  let built: { copy: CachedFeed | null; matcher: Matcher } | null = null;

  function warn(code: FeedWarning["code"], message: string): void {
    const warning = { code, message, at: now().toISOString() };
    warnings.push(warning);
    options.onWarning?.(warning);
  }

  let copy: CachedFeed | null = null;
  const cached = readCacheFile(options.cachePath);
  if (cached.kind === "loaded") copy = cached.feed;
  if (cached.kind === "unreadable")
    warn("cache-unreadable", `${cached.reason}; the next sync fetches a fresh snapshot`);

  function fromSnapshot(snapshot: FeedSnapshot, etag: string | null): CachedFeed {
    return {
      format: "wardpanel-priority-feed-cache",
      formatVersion: 1,
      schemaVersion: snapshot.schemaVersion,
      cursor: snapshot.cursor,
      etag,
      generatedAt: snapshot.generatedAt,
      lastSyncedAt: now().toISOString(),
      items: snapshot.items,
    };
  }

  async function snapshot(current: CachedFeed | null): Promise<SyncResult> {
    const answer = await http.getSnapshot(current?.etag ?? null);
    if (answer === "not-modified" && current) {
      copy = { ...current, lastSyncedAt: now().toISOString() };
      return { mode: "unchanged", applied: 0, itemCount: current.items.length };
    }
    if (answer === "not-modified")
      throw new FeedError("invalid-response", "304 Not Modified without an ETag having been sent", 304);
    copy = fromSnapshot(answer.snapshot, answer.etag);
    return { mode: "snapshot", applied: copy.items.length, itemCount: copy.items.length };
  }

  async function followChanges(start: CachedFeed): Promise<SyncResult> {
    let current = start;
    let applied = 0;
    for (;;) {
      const page = await http.getChanges(current.cursor, pageSize);
      if (page === "gone") return snapshot(current);
      if (page.hasMore && page.next === current.cursor && page.changes.length === 0) {
        throw new FeedError("invalid-response", "changes page says hasMore but does not advance the cursor");
      }
      const items = page.changes.length > 0 ? applyChanges(current.items, page.changes) : current.items;
      applied += page.changes.length;
      // Each page is committed as it arrives, so a failure on page 5 keeps pages 1–4.
      // The ETag named the snapshot as it was; once changes are applied it names nothing we hold.
      current = {
        ...current,
        cursor: page.next,
        items,
        etag: applied > 0 ? null : current.etag,
        schemaVersion: page.schemaVersion,
        lastSyncedAt: now().toISOString(),
      };
      copy = current;
      if (!page.hasMore) break;
    }
    return { mode: applied > 0 ? "changes" : "unchanged", applied, itemCount: current.items.length };
  }

  async function runSync(full: boolean): Promise<SyncResult> {
    const before = copy;
    try {
      const result = before && !full ? await followChanges(before) : await snapshot(before);
      lastError = null;
      return result;
    } catch (error) {
      const feedError =
        error instanceof FeedError ? error : new FeedError("http", String(error), null, null, { cause: error });
      lastError = { code: feedError.code, message: feedError.message, at: now().toISOString() };
      throw feedError;
    } finally {
      if (copy && copy !== before) await persist(copy);
    }
  }

  async function persist(feed: CachedFeed): Promise<void> {
    try {
      await writeCacheFile(options.cachePath, feed);
    } catch (error) {
      warn("cache-write-failed", `could not save the feed copy to ${options.cachePath}: ${(error as Error).message}`);
    }
  }

  function matcher(): Matcher {
    if (!built || built.copy !== copy) {
      // A 304 or an empty changes page replaces `copy` with the same items: keep the matcher.
      const sameItems = built && copy && built.copy?.items === copy.items;
      built = { copy, matcher: sameItems && built ? built.matcher : createMatcher(copy?.items ?? []) };
    }
    return built.matcher;
  }

  return {
    warnings,
    sync(syncOptions) {
      // One sync at a time: a second caller shares the first's result instead of racing it.
      inFlight ??= runSync(syncOptions?.full ?? false).finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
    matcher,
    match: (call) => matcher().match(call),
    items: () => copy?.items ?? [],
    staleness() {
      const lastSyncedAt = copy?.lastSyncedAt ?? null;
      return {
        lastSyncedAt,
        ageSeconds:
          lastSyncedAt === null ? null : Math.max(0, Math.round((now().getTime() - Date.parse(lastSyncedAt)) / 1000)),
        lastError,
        itemCount: copy?.items.length ?? 0,
      };
    },
  };
}

/** Applies changes in order: an upsert replaces the priority with its id (or adds it); a remove drops it. */
export function applyChanges(items: readonly FeedPriority[], changes: readonly FeedChange[]): FeedPriority[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  for (const change of changes) {
    if (change.kind === "upsert") byId.set(change.item.id, change.item);
    else byId.delete(change.id);
  }
  return [...byId.values()];
}
