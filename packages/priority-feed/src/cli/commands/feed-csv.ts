import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";

import { stringify } from "csv-stringify/sync";

import { required, withUsage } from "../args.js";
import { FEED_COLUMNS, feedRows } from "../feed-rows.js";
import type { CliIo } from "../io.js";
import { loadFeed } from "../load-feed.js";

export const CSV_USAGE = `priority-feed csv --cache <file> [--out <feed.csv>]

  Prints the feed copy as CSV for spreadsheets: one row per priority and matcher
  (area, street, postcode, postcode-sector, beat; "none" if it has no matcher).`;

export function runFeedCsv(args: string[], io: CliIo): void {
  const { values } = withUsage("csv", CSV_USAGE, () =>
    parseArgs({
      args,
      allowPositionals: false,
      options: {
        cache: { type: "string" },
        out: { type: "string" },
      },
    }),
  );
  const feed = loadFeed(required(values.cache, "cache", CSV_USAGE));
  const csv = stringify(feedRows(feed.items), { header: true, columns: FEED_COLUMNS });
  if (values.out) writeFileSync(values.out, csv);
  else io.out(csv);
}
