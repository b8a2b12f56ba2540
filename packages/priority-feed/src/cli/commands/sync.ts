import { parseArgs } from "node:util";

import { createFeedClient } from "../../client/feed-client.js";
import { FeedError } from "../../client/feed-error.js";
import { required, withUsage } from "../args.js";
import { CliError } from "../cli-error.js";
import type { CliIo } from "../io.js";

export const SYNC_USAGE = `priority-feed sync --url <base-url> --key <api-key> --cache <file> [--full]

  Brings the feed copy in <file> up to date: the whole feed the first time (or with --full),
  only the changes after that. The key may come from PRIORITY_FEED_KEY instead of --key, which
  keeps it out of the process list. Prints a JSON summary. Exit 1 if the server could not be
  reached or refused; the copy on disk is then left as it was.`;

export async function runSync(args: string[], io: CliIo): Promise<void> {
  const { values } = withUsage("sync", SYNC_USAGE, () =>
    parseArgs({
      args,
      allowPositionals: false,
      options: {
        url: { type: "string" },
        key: { type: "string" },
        cache: { type: "string" },
        full: { type: "boolean" },
      },
    }),
  );
  const apiKey = values.key ?? io.env.PRIORITY_FEED_KEY;
  const client = createFeedClient({
    baseUrl: required(values.url, "url", SYNC_USAGE),
    apiKey: required(apiKey, "key (or PRIORITY_FEED_KEY)", SYNC_USAGE),
    cachePath: required(values.cache, "cache", SYNC_USAGE),
    onWarning: (warning) => io.err(`warning: ${warning.message}`),
  });
  try {
    const result = await client.sync({ full: values.full ?? false });
    const { lastSyncedAt } = client.staleness();
    io.out(
      `${JSON.stringify({ ...result, lastSyncedAt, warnings: client.warnings.map((w) => w.message) }, null, 2)}\n`,
    );
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    const { lastSyncedAt, itemCount } = client.staleness();
    const kept = lastSyncedAt
      ? `the copy on disk (${itemCount} priorities, last synced ${lastSyncedAt}) is unchanged`
      : "there is no copy on disk yet";
    throw new CliError(`sync failed: ${error.message}\n${kept}`, 1);
  }
  if (client.warnings.some((w) => w.code === "cache-write-failed"))
    throw new CliError("sync succeeded but the copy could not be saved", 1);
}
