/**
 * `pnpm bench` for `pnpm cli postcodes load` (issue 12: "≥ 100k rows/s, < 200 MB RSS"): writes a
 * 1 M-row synthetic file in the ONSPD layout (mostly postcodes outside London, as in the national
 * file; see synthetic-onspd.ts), then runs the real command in its own process against a real
 * SQLite file, migrated and with the London wards loaded as the server leaves it, so every step
 * counts: start-up, parsing, ward assignment, storing. Prints rows/s and the loading process's
 * peak RSS against the aims, and checks what was stored. Figures, not a timed test.
 * BENCH_ROWS changes the row count.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { closeDb, openDb } from "@wardpanel/db/client";
import { runMigrations } from "@wardpanel/db/migrate";
import { ensureWardsLoaded } from "@wardpanel/db/reference";
import { writeSyntheticOnspd } from "@wardpanel/postcodes/synthetic-onspd";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const AIM_ROWS_PER_SECOND = 100_000;
const AIM_PEAK_MB = 200;
const n = (value: number) => Math.round(value).toLocaleString("en-GB");

/** The Node flags `pnpm cli` runs with (package.json: "tsx --flag… src/cli/main.ts"), so the bench's process is the CLI's. */
const packageJson = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  scripts: { cli: string };
};
const CLI_NODE_FLAGS = packageJson.scripts.cli.split(/\s+/).filter((word) => word.startsWith("--"));

const dir = mkdtempSync(join(tmpdir(), "wardpanel-postcodes-bench-"));
const file = join(dir, "onspd-synthetic.csv");
const databasePath = join(dir, "wardpanel.sqlite");
try {
  let t = performance.now();
  await writeSyntheticOnspd(file, ROWS);
  console.log(
    `Wrote ${n(ROWS)} ONSPD-format rows (${n(statSync(file).size / 1e6)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  const db = openDb(databasePath);
  runMigrations(db);
  ensureWardsLoaded(db);
  closeDb(db);

  t = performance.now();
  const child = fileURLToPath(new URL("./postcodes-load-child.ts", import.meta.url));
  const output = execFileSync(process.execPath, [...CLI_NODE_FLAGS, "--import", "tsx", child, databasePath, file], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  const wallMs = performance.now() - t;
  const lines = output.trim().split("\n");
  const result = JSON.parse(lines.at(-1)?.replace(/^BENCH /, "") ?? "{}") as {
    code: number;
    processMs: number;
    cpuMs: number;
    peakRssMb: number;
    maxRssMb: number;
  };
  const summary = lines.slice(0, -1).join("\n");
  // The command's own figure ("N rows read in S s") times the load; the process's adds start-up.
  const loadSeconds = Number(/rows read in ([\d.]+) s/.exec(summary)?.[1] ?? NaN);
  const loadRate = ROWS / loadSeconds;
  const processRate = ROWS / (wallMs / 1000);

  const check = openDb(databasePath);
  const stored = check.$client.prepare("select count(*) as c from postcodes").get() as { c: number };
  closeDb(check);

  const met = (ok: boolean) => (ok ? "MET" : "NOT MET");
  console.log(`
pnpm cli postcodes load (node ${CLI_NODE_FLAGS.join(" ")}), ${n(ROWS)} rows into a migrated SQLite file (exit code ${result.code}):
${summary.replace(/^/gm, "  ")}
  ${n(stored.c)} rows in the postcodes table afterwards

Load (the command's own timing): ${n(loadRate)} rows/s  (aim ≥ ${n(AIM_ROWS_PER_SECOND)}: ${met(loadRate >= AIM_ROWS_PER_SECOND)})
Whole process, start-up included: ${(wallMs / 1000).toFixed(2)} s = ${n(processRate)} rows/s; ${(result.cpuMs / 1000).toFixed(2)} s of CPU (user + system)
Peak RSS of the loading process: ${result.peakRssMb.toFixed(0)} MB  (aim < ${AIM_PEAK_MB} MB: ${met(result.peakRssMb < AIM_PEAK_MB)})
(load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} CPUs; the machine may be shared)`);
  if (result.code !== 0 || loadRate < AIM_ROWS_PER_SECOND || result.peakRssMb >= AIM_PEAK_MB) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
