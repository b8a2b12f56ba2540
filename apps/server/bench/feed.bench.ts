import { spawn } from "node:child_process";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { closeDb, openDb } from "@wardpanel/db/client";
import { runMigrations } from "@wardpanel/db/migrate";
import { createApiKey } from "@wardpanel/db/queries/api-keys";
import { ensureWardsLoaded } from "@wardpanel/db/reference";
import { createFeedClient } from "@wardpanel/priority-feed";
import autocannon from "autocannon";

import { seedBenchPriorities, seededRandom } from "./seed-feed";

/**
 * `pnpm bench` for the server's feed (issue 5, "Figures"): requests per second and p99 for
 * POST /feed/v1/match and for GET /feed/v1/priorities with a matching If-None-Match, with
 * autocannon on loopback against the feed in its own process; the snapshot's size for 2,500
 * priorities; and how long a client takes to sync from empty. Figures, not a timed test.
 */
const COUNT = Number(process.env.BENCH_PRIORITIES ?? 2500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;

const dir = mkdtempSync(join(tmpdir(), "wardpanel-feed-bench-"));
const databasePath = join(dir, "wardpanel.sqlite");
const db = openDb(databasePath);
runMigrations(db);
ensureWardsLoaded(db);
let started = performance.now();
const wards = seedBenchPriorities(db, COUNT);
const seedSeconds = (performance.now() - started) / 1000;
const key = createApiKey(db, { name: "Bench control room", boroughCodes: [], now: new Date() }).key;
closeDb(db);

const child = spawn(
  process.execPath,
  ["--import", "tsx", fileURLToPath(new URL("./bench-server.ts", import.meta.url)), databasePath],
  { stdio: ["ignore", "pipe", "inherit"] },
);
const url = await new Promise<string>((resolve, reject) => {
  child.stdout.on("data", (chunk: Buffer) => {
    const match = /listening (\S+)/.exec(String(chunk));
    if (match) resolve(match[1]!);
  });
  child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
});
const auth = { authorization: `Bearer ${key}` };

try {
  // Snapshot size, plain and gzipped (what a client gets with Accept-Encoding: gzip).
  const plain = await fetch(`${url}/feed/v1/priorities`, { headers: { ...auth, "accept-encoding": "identity" } });
  const plainBytes = (await plain.arrayBuffer()).byteLength;
  const etag = plain.headers.get("etag")!;
  const gzipped = await fetch(`${url}/feed/v1/priorities`, { headers: { ...auth, "accept-encoding": "gzip" } });
  const gzipBytes = Number(gzipped.headers.get("content-length") ?? 0);
  await gzipped.arrayBuffer();

  // A control room's client syncing from an empty cache: fetch, validate every item, write the cache, build the matcher.
  const cachePath = join(dir, "client", "cache.json");
  const client = createFeedClient({ baseUrl: url, apiKey: key, cachePath });
  started = performance.now();
  const sync = await client.sync();
  const syncMs = performance.now() - started;
  started = performance.now();
  client.matcher();
  const matcherMs = performance.now() - started;

  // Calls at points over London: 80% near a ward's inside point, 20% anywhere in the box; a third name a street.
  const random = seededRandom(99);
  const bodies = Array.from({ length: 2000 }, () => {
    const ward = wards[Math.floor(random() * wards.length)]!;
    const inWard = random() < 0.8;
    const lon = inWard ? ward.lon + (random() - 0.5) * (ward.maxLon - ward.minLon) * 0.5 : -0.51 + random() * 0.84;
    const lat = inWard ? ward.lat + (random() - 0.5) * (ward.maxLat - ward.minLat) * 0.5 : 51.28 + random() * 0.41;
    return JSON.stringify({
      lon,
      lat,
      ...(random() < 0.33 ? { street: "High St" } : {}),
      category: "drugs",
      at: "2026-02-01T12:00:00Z",
    });
  });
  // The first match after a change builds the server's matcher; timed on its own, then excluded from the runs.
  started = performance.now();
  await (
    await fetch(`${url}/feed/v1/match`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: bodies[0],
    })
  ).json();
  const firstMatchMs = performance.now() - started;
  let next = 0;
  const matchRun = await autocannon({
    url: `${url}/feed/v1/match`,
    method: "POST",
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { ...auth, "content-type": "application/json" },
    requests: [{ setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) }],
  });
  const notModifiedRun = await autocannon({
    url: `${url}/feed/v1/priorities`,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { ...auth, "if-none-match": etag },
  });

  const row = (name: string, value: string, note = "") => console.log(`${name.padEnd(52)} ${value.padEnd(22)} ${note}`);
  console.log(
    `\nWard Panel feed bench: ${COUNT} active priorities over ${wards.length} real London wards (seeded in ${seedSeconds.toFixed(1)} s), autocannon ${CONNECTIONS} connections × ${SECONDS} s on loopback\n`,
  );
  row(
    "POST /feed/v1/match",
    `${Math.round(matchRun.requests.average)} req/s`,
    `p50 ${matchRun.latency.p50} ms, p99 ${matchRun.latency.p99} ms, non-2xx ${matchRun.non2xx}, errors ${matchRun.errors}`,
  );
  row(
    "first POST /match after a change (builds matcher)",
    `${Math.round(firstMatchMs)} ms`,
    "once per change-log position; requests wait meanwhile",
  );
  row(
    "GET /feed/v1/priorities, If-None-Match (304)",
    `${Math.round(notModifiedRun.requests.average)} req/s`,
    `p50 ${notModifiedRun.latency.p50} ms, p99 ${notModifiedRun.latency.p99} ms, 304s ${notModifiedRun["3xx"]} of ${notModifiedRun.requests.total}`,
  );
  row(
    `snapshot of ${sync.itemCount} priorities`,
    `${(plainBytes / 1e6).toFixed(2)} MB JSON`,
    `${(gzipBytes / 1e6).toFixed(2)} MB gzipped (package README measured 3.4 MB / 0.6 MB on its synthetic feed)`,
  );
  row(
    "client sync from empty (fetch, validate, write cache)",
    `${Math.round(syncMs)} ms`,
    `cache file ${(statSync(cachePath).size / 1e6).toFixed(2)} MB; then build matcher ${Math.round(matcherMs)} ms`,
  );
  console.log(
    "\nThe in-process matcher over 25,000 priorities is measured by `pnpm --filter @wardpanel/priority-feed bench`.",
  );
  if (matchRun.non2xx > 0 || notModifiedRun["2xx"] > 0) {
    console.error("Unexpected answers during the bench: see the counts above.");
    process.exitCode = 1;
  }
} finally {
  child.kill("SIGTERM");
}
