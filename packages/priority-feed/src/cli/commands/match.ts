import { parseArgs } from "node:util";

import { createMatcher } from "../../match/matcher.js";
import { isWardCode } from "../../match/normalise.js";
import { joinNegativeNumbers, optionalNumber, required, withUsage } from "../args.js";
import { CliError } from "../cli-error.js";
import type { CliIo } from "../io.js";
import { loadFeed, warnIfStale } from "../load-feed.js";
import { matchView } from "../match-view.js";

export const MATCH_USAGE = `priority-feed match --cache <file> [--lon <x> --lat <y>] [--street <name>] [--ward <code>]
                    [--postcode <postcode>] [--beat <code>] [--category <slug>] [--at <iso>]

  Prints, as JSON, the priorities a call relates to, best first, each with matchedOn
  (area, street, postcode, postcode-sector, beat, category). --ward (ONS code, E05…) limits
  street matches to that ward's priorities. Works offline from the cache.`;

export function runMatch(args: string[], io: CliIo): void {
  const { values } = withUsage("match", MATCH_USAGE, () =>
    parseArgs({
      args: joinNegativeNumbers(args),
      allowPositionals: false,
      options: {
        cache: { type: "string" },
        lon: { type: "string" },
        lat: { type: "string" },
        street: { type: "string" },
        ward: { type: "string" },
        postcode: { type: "string" },
        beat: { type: "string" },
        category: { type: "string" },
        at: { type: "string" },
      },
    }),
  );
  const feed = loadFeed(required(values.cache, "cache", MATCH_USAGE));
  const lon = optionalNumber(values.lon, "lon", 180);
  const lat = optionalNumber(values.lat, "lat", 90);
  if ((lon === undefined) !== (lat === undefined)) throw new CliError("--lon and --lat must be given together");
  if (values.at !== undefined && !Number.isFinite(Date.parse(values.at)))
    throw new CliError(`--at "${values.at}" is not an ISO 8601 date-time`);
  if (values.ward !== undefined && !isWardCode(values.ward))
    throw new CliError(`--ward "${values.ward}" is not an ONS ward code (a letter and 8 digits, e.g. E05013806)`);
  if ([lon, values.street, values.postcode, values.beat].every((v) => v === undefined)) {
    throw new CliError(`give a place: --lon/--lat, --street, --postcode or --beat\n\n${MATCH_USAGE}`);
  }
  warnIfStale(feed, io.err);
  const matches = createMatcher(feed.items).match({ ...values, lon, lat });
  io.out(`${JSON.stringify(matches.map(matchView), null, 2)}\n`);
}
