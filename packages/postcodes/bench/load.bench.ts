/**
 * Postcode load benchmark: a 1 M-row synthetic file in the ONSPD layout (52 columns), streamed,
 * parsed and given wards (file code, else point in polygon) in a child process; prints rows/s and
 * the child's peak RSS against the aims of issue 12 (≥ 100,000 rows/s, < 200 MB). Storage is the
 * db's (batched upserts) and not timed here. Run: pnpm --filter @wardpanel/postcodes bench
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { writeSyntheticOnspd } from "./synthetic-onspd";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const AIM_ROWS_PER_SECOND = 100_000;
const AIM_PEAK_MB = 200;

const dir = mkdtempSync(join(tmpdir(), "wardpanel-postcodes-bench-"));
const file = join(dir, "onspd-synthetic.csv");
try {
  let t = Date.now();
  await writeSyntheticOnspd(file, ROWS);
  console.log(
    `Wrote ${ROWS.toLocaleString("en-GB")} ONSPD-format rows (${(statSync(file).size / 1e6).toFixed(0)} MB) in ${((Date.now() - t) / 1000).toFixed(1)} s`,
  );

  t = Date.now();
  const child = fileURLToPath(new URL("./load-one-file.ts", import.meta.url));
  const result = JSON.parse(execFileSync("node", ["--import", "tsx", child, file], { encoding: "utf8" })) as {
    rows: number;
    byFile: number;
    byPointInPolygon: number;
    outside: number;
    terminated: number;
    ms: number;
    peakRssMb: number;
  };
  const rate = Math.round((result.rows / result.ms) * 1000);
  console.log(`
Read + ward assignment: ${result.rows.toLocaleString("en-GB")} rows in ${(result.ms / 1000).toFixed(2)} s = ${rate.toLocaleString("en-GB")} rows/s  (aim ≥ ${AIM_ROWS_PER_SECOND.toLocaleString("en-GB")}: ${rate >= AIM_ROWS_PER_SECOND ? "MET" : "NOT MET"})
Peak RSS of the loading process: ${result.peakRssMb.toFixed(0)} MB  (aim < ${AIM_PEAK_MB} MB: ${result.peakRssMb < AIM_PEAK_MB ? "MET" : "NOT MET"})
Wards: ${result.byFile.toLocaleString("en-GB")} by the file's code, ${result.byPointInPolygon.toLocaleString("en-GB")} by point in polygon, ${result.outside.toLocaleString("en-GB")} outside; ${result.terminated.toLocaleString("en-GB")} terminated
(load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} CPUs; the machine may be shared)`);
  if (rate < AIM_ROWS_PER_SECOND || result.peakRssMb >= AIM_PEAK_MB) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
