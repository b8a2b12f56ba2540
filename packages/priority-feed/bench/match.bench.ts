// `pnpm run bench`: how fast the matcher answers "does this call relate to a priority?" over a
// London-sized feed, against a plain scan, and how big the feed is on the wire.
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

import pointInPolygon from "point-in-polygon-hao";

import { createMatcher } from "../src/match/matcher.js";
import { FeedSnapshot } from "../src/schema/documents.js";
import { FEED_SCHEMA_VERSION } from "../src/version.js";
import { buildCalls, buildPriorities, loadLondonWards, polygonsOf, seededRandom } from "./synthetic-feed.js";

const PRIORITIES = 25_000;
const CALLS = 100_000;
const SCAN_SAMPLE = 2_000; // the scan is slow; it is timed on every 50th call
const AIM_MEDIAN_US = 10;
const AIM_SPEEDUP = 50;

const wardsPath = fileURLToPath(new URL("../../db/data/london-wards-2022.geojson", import.meta.url));
const wards = loadLondonWards(wardsPath);
const random = seededRandom(2009);
const items = buildPriorities(wards, PRIORITIES, random);
const calls = buildCalls(wards, CALLS, random);

let started = performance.now();
const matcher = createMatcher(items);
const buildMs = performance.now() - started;
console.log(`${wards.length} London wards; ${items.length} priorities; matcher built in ${buildMs.toFixed(0)} ms`);

// Warm up, so the JIT has compiled match() before it is timed.
for (let i = 0; i < 20_000; i++) matcher.match(calls[i % calls.length]!);

const matchTimes = new Float64Array(CALLS);
let matched = 0;
let totalMatches = 0;
for (let i = 0; i < CALLS; i++) {
  const call = calls[i]!;
  const t0 = process.hrtime.bigint();
  const result = matcher.match(call);
  matchTimes[i] = Number(process.hrtime.bigint() - t0) / 1000;
  if (result.length > 0) matched++;
  totalMatches += result.length;
}

// The plain scan: point-in-polygon against every priority's polygons, for those in force.
// Made fair: times and polygons are prepared beforehand, as the matcher's are.
const scanEntries = items
  .filter((item) => item.status === "active" && item.area.geometry)
  .map((item) => ({
    id: item.id,
    from: Date.parse(item.validFrom),
    until: item.expiresAt === null ? Infinity : Date.parse(item.expiresAt),
    polygons: polygonsOf(item.area.geometry!),
  }));
function scan(lon: number, lat: number, at: number): string[] {
  const hits: string[] = [];
  const point = [lon, lat];
  for (const entry of scanEntries) {
    if (entry.from > at || at >= entry.until) continue;
    for (const polygon of entry.polygons) {
      if (pointInPolygon(point, polygon) !== false) {
        hits.push(entry.id);
        break;
      }
    }
  }
  return hits;
}

const step = Math.floor(CALLS / SCAN_SAMPLE);
const scanTimes = new Float64Array(SCAN_SAMPLE);
const sampledMatchTimes = new Float64Array(SCAN_SAMPLE);
let mismatches = 0;
for (let s = 0; s < SCAN_SAMPLE; s++) {
  const call = calls[s * step]!;
  const at = Date.parse(call.at as string);
  const t0 = process.hrtime.bigint();
  const expected = scan(call.lon!, call.lat!, at);
  scanTimes[s] = Number(process.hrtime.bigint() - t0) / 1000;
  sampledMatchTimes[s] = matchTimes[s * step]!;
  const got = matcher
    .match(call)
    .filter((m) => m.matchedOn.includes("area"))
    .map((m) => m.priority.id);
  if (expected.sort().join() !== got.sort().join()) mismatches++;
}

const median = percentile(matchTimes, 0.5);
const p99 = percentile(matchTimes, 0.99);
const scanMedian = percentile(scanTimes, 0.5);
const scanP99 = percentile(scanTimes, 0.99);
const speedup = scanMedian / percentile(sampledMatchTimes, 0.5);

console.log(
  `\nmatcher, ${CALLS.toLocaleString("en-GB")} calls: median ${median.toFixed(2)} µs, p99 ${p99.toFixed(2)} µs`,
);
console.log(
  `  ${((matched / CALLS) * 100).toFixed(1)}% of calls related to a priority; ${(totalMatches / CALLS).toFixed(2)} matches per call`,
);
console.log(
  `plain scan, ${SCAN_SAMPLE.toLocaleString("en-GB")} sampled calls: median ${scanMedian.toFixed(1)} µs, p99 ${scanP99.toFixed(1)} µs`,
);
console.log(`speed-up (median scan / median matcher on the same calls): ${speedup.toFixed(0)}×`);
console.log(`area results differing between matcher and scan: ${mismatches} of ${SCAN_SAMPLE}`);

// The wire: a London feed (about 2,500 priorities) as one snapshot.
const snapshotItems = items.slice(0, 2_500);
const body = JSON.stringify({
  schemaVersion: FEED_SCHEMA_VERSION,
  cursor: "c1",
  generatedAt: new Date().toISOString(),
  items: snapshotItems,
});
const gzipped = gzipSync(body).length;
started = performance.now();
const parsed = FeedSnapshot.parse(JSON.parse(body));
const parseMs = performance.now() - started;
started = performance.now();
createMatcher(parsed.items);
const smallBuildMs = performance.now() - started;
console.log(`\nsnapshot of 2,500 priorities: ${kb(body.length)} JSON, ${kb(gzipped)} gzipped`);
console.log(`  parse + validate ${parseMs.toFixed(0)} ms; build matcher ${smallBuildMs.toFixed(0)} ms`);

const aims = [
  [`median under ${AIM_MEDIAN_US} µs`, median < AIM_MEDIAN_US],
  [`at least ${AIM_SPEEDUP}× faster than a scan`, speedup >= AIM_SPEEDUP],
  ["same results as the scan", mismatches === 0],
] as const;
console.log("");
for (const [aim, met] of aims) console.log(`${met ? "MET   " : "MISSED"} ${aim}`);
if (mismatches > 0) process.exitCode = 1;

function percentile(values: Float64Array, p: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KiB (${bytes.toLocaleString("en-GB")} bytes)`;
}
