import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";

import { stringify } from "csv-stringify/sync";

import { createMatcher } from "../../match/matcher.js";
import { promisedMinutes } from "../../version.js";
import { required, withUsage } from "../args.js";
import { CliError } from "../cli-error.js";
import type { CliIo } from "../io.js";
import { loadFeed, warnIfStale } from "../load-feed.js";
import { readCallsCsv } from "../read-calls-csv.js";
import { spreadsheetSafe } from "../spreadsheet-safe.js";

export const MATCH_CSV_USAGE = `priority-feed match-csv --cache <file> <calls.csv> [--out <results.csv>]

  Matches a batch of calls, e.g. yesterday's CAD export, to check which related to a priority.
  Input columns (header row required): call_ref, lon, lat, street, postcode, beat, category, at.
  Output: one row per call and matching priority; a call with no match gets one row with
  matched = no. Rows keep the input order. Writes to stdout unless --out is given.`;

const OUTPUT_COLUMNS = [
  "call_ref",
  "matched",
  "priority_id",
  "priority_title",
  "ward_code",
  "ward_name",
  "borough_name",
  "category",
  "response_target_minutes",
  "matched_on",
  "popup_text",
];

export function runMatchCsv(args: string[], io: CliIo): void {
  const { values, positionals } = withUsage("match-csv", MATCH_CSV_USAGE, () =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        cache: { type: "string" },
        out: { type: "string" },
      },
    }),
  );
  const cachePath = required(values.cache, "cache", MATCH_CSV_USAGE);
  const [input, ...extra] = positionals;
  if (!input || extra.length > 0) throw new CliError(`give exactly one calls CSV file\n\n${MATCH_CSV_USAGE}`);

  let text: string;
  try {
    text = readFileSync(input, "utf8");
  } catch (error) {
    throw new CliError(`cannot read ${input}: ${(error as Error).message}`);
  }
  const calls = readCallsCsv(text, input);
  const feed = loadFeed(cachePath);
  warnIfStale(feed, io.err);
  const matcher = createMatcher(feed.items);

  const rows: unknown[][] = [];
  for (const { callRef, call } of calls) {
    const matches = matcher.match(call);
    if (matches.length === 0) rows.push([spreadsheetSafe(callRef), "no", "", "", "", "", "", "", "", "", ""]);
    for (const { priority, matchedOn } of matches) {
      rows.push([
        spreadsheetSafe(callRef),
        "yes",
        priority.id,
        spreadsheetSafe(priority.title),
        priority.ward.code,
        spreadsheetSafe(priority.ward.name),
        spreadsheetSafe(priority.ward.borough.name),
        priority.category ?? "",
        promisedMinutes(priority.callHandling) ?? "",
        matchedOn.join(";"),
        spreadsheetSafe(priority.popupText),
      ]);
    }
  }
  const csv = stringify(rows, { header: true, columns: OUTPUT_COLUMNS });
  if (values.out) {
    writeFileSync(values.out, csv);
    const matched = new Set(rows.filter((row) => row[1] === "yes").map((row) => row[0])).size;
    io.err(`${calls.length} calls, ${matched} related to a priority; wrote ${values.out}`);
  } else {
    io.out(csv);
  }
}
