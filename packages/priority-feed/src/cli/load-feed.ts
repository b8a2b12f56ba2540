import { type CachedFeed, readCacheFile } from "../client/cache-file.js";
import { CliError } from "./cli-error.js";

/** Reads the cache written by `priority-feed sync`; the commands that match never go online. */
export function loadFeed(cachePath: string): CachedFeed {
  const result = readCacheFile(cachePath);
  if (result.kind === "missing") throw new CliError(`no feed copy at ${cachePath}: run \`priority-feed sync\` first`);
  if (result.kind === "unreadable") throw new CliError(`${result.reason}: run \`priority-feed sync\` to replace it`);
  return result.feed;
}

/** Says on stderr when the copy is old enough that a control room should not trust it blindly. */
export function warnIfStale(feed: CachedFeed, stderr: (line: string) => void, now = Date.now()): void {
  const hours = (now - Date.parse(feed.lastSyncedAt)) / 3_600_000;
  if (hours >= 1) stderr(`warning: feed copy last synced ${feed.lastSyncedAt} (${Math.floor(hours)} h ago)`);
}
