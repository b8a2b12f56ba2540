/**
 * Issue 6 figures, end to end on a real SQLite file:
 *  1. a full-scale 100,000-row month: parse + ward assignment + store, in rows per second, with the
 *     plain scan over every ward polygon measured in the same run for comparison;
 *  2. draft packs for all 704 London wards: total time, and PDF time per ward.
 * Run: pnpm --filter @wardpanel/packs bench
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";

import { assignCrimes, forceAreaFor, parseStreetCsv, type WardFeatureCollection } from "@wardpanel/crime-data";
import { buildFullScaleMonth } from "@wardpanel/crime-data/full-scale-month";
import { closeDb, openDb } from "@wardpanel/db/client";
import { runMigrations } from "@wardpanel/db/migrate";
import { ensureWardsLoaded, LONDON_WARDS_PATH } from "@wardpanel/db/reference";

import { generateDraftPacks } from "../src/drafts";
import { importCrimeFiles, wardIndexFor } from "../src/import-crimes";
import { POLICE_UK_FILES } from "../src/testing/real-files";

const ROWS = 100_000;
const SCAN_SAMPLE = 5_000;
const AIM_MS = 5_000;
const ms = (t: number) => performance.now() - t;
const rate = (rows: number, took: number) => Math.round((rows / took) * 1000).toLocaleString("en-GB");

const dir = mkdtempSync(join(tmpdir(), "wardpanel-bench-"));
const db = openDb(join(dir, "bench.sqlite"));
runMigrations(db);
ensureWardsLoaded(db);
console.log(
  `Load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")}`,
);

const wardsGeoJson = JSON.parse(readFileSync(LONDON_WARDS_PATH, "utf8")) as WardFeatureCollection;
let t = performance.now();
const csv = buildFullScaleMonth({
  wards: wardsGeoJson,
  templates: [readFileSync(POLICE_UK_FILES.city202401, "utf8"), readFileSync(POLICE_UK_FILES.city202402, "utf8")],
  rows: ROWS,
});
console.log(
  `Built a ${ROWS.toLocaleString("en-GB")}-row police.uk street file (${(csv.length / 1e6).toFixed(1)} MB) in ${ms(t).toFixed(0)} ms`,
);

// 1a. The whole import as the upload and CLI run it, twice (the second replaces the first month).
const imports: number[] = [];
for (let run = 0; run < 2; run += 1) {
  t = performance.now();
  const result = await importCrimeFiles(db, {
    street: { input: csv, fileName: "full-scale.csv" },
    importedBy: null,
    now: new Date(),
  });
  imports.push(ms(t));
  if (result.street?.inserted !== ROWS) throw new Error("the import did not store every row");
}
// 1b. The same steps timed one by one.
t = performance.now();
const file = await parseStreetCsv(csv, { expectedMonth: "2024-12" });
const parseMs = ms(t);
const index = wardIndexFor(db);
t = performance.now();
const metArea = forceAreaFor({ id: "metropolitan", name: file.reportedBy }, "metropolitan");
assignCrimes(file.rows, index, () => metArea);
const assignMs = ms(t);
const located = file.rows.filter((r) => r.longitude !== null);
const sample = located.slice(0, SCAN_SAMPLE);
t = performance.now();
for (const r of sample) index.wardAt(r.longitude!, r.latitude!);
const treeMs = ms(t);
t = performance.now();
for (const r of sample) index.plainScanWardAt(r.longitude!, r.latitude!);
const scanMs = ms(t);
const scanFullMs = (scanMs / sample.length) * located.length;
const storeMs = Math.min(...imports) - parseMs - assignMs;

console.log("\nFull-scale month import (parse + ward assignment + store in SQLite, one transaction)");
console.log(
  `  whole import, run 1 (empty month):      ${(imports[0]! / 1000).toFixed(2)} s  (${rate(ROWS, imports[0]!)} rows/s)`,
);
console.log(
  `  whole import, run 2 (replaces month):   ${(imports[1]! / 1000).toFixed(2)} s  (${rate(ROWS, imports[1]!)} rows/s)`,
);
console.log(
  `    parse ${parseMs.toFixed(0)} ms, ward assignment ${assignMs.toFixed(0)} ms, store ≈ ${storeMs.toFixed(0)} ms`,
);
console.log(`  aim: under ${AIM_MS / 1000} s — ${Math.max(...imports) < AIM_MS ? "met" : "NOT met"}`);
console.log(
  `  ward lookups, ${sample.length.toLocaleString("en-GB")} points: R-tree ${treeMs.toFixed(0)} ms, plain scan of all 704 wards ${scanMs.toFixed(0)} ms (${(scanMs / treeMs).toFixed(0)}× slower)`,
);
console.log(
  `  plain scan for all ${located.length.toLocaleString("en-GB")} located rows (extrapolated): ≈ ${(scanFullMs / 1000).toFixed(1)} s, so the import would take ≈ ${((Math.min(...imports) - assignMs + scanFullMs) / 1000).toFixed(1)} s`,
);

// 2. Draft packs for every London ward, with a PDF each.
t = performance.now();
const drafts = await generateDraftPacks(db, { month: "2024-12", boroughCode: null, now: new Date(), renderPdf: true });
const wallMs = ms(t);
const made = drafts.drafted + drafts.existing;
console.log(
  `\nDraft packs for all London wards, 2024-12 (${drafts.total} wards; ${made} with data, ${drafts.noData} City of London wards have no Met data)`,
);
console.log(
  `  total ${(wallMs / 1000).toFixed(1)} s: view models ${(drafts.viewMs / 1000).toFixed(1)} s, PDFs ${(drafts.pdfMs / 1000).toFixed(1)} s`,
);
console.log(
  `  per ward: ${(wallMs / made).toFixed(0)} ms in all, of which PDF ${(drafts.pdfMs / made).toFixed(0)} ms (${(drafts.pdfBytes / made / 1024).toFixed(0)} KB each)`,
);
console.log(
  `Load average at end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")}`,
);

closeDb(db);
rmSync(dir, { recursive: true, force: true });
