/**
 * Child process of the postcode bench: runs `pnpm cli postcodes load <file>` exactly as main.ts
 * does (same imports, same lazy command, the database at DATABASE_PATH), then prints one last
 * line, `BENCH {json}`, with the process's peak RSS (MB, from Linux's VmHWM and Node's maxRSS), its
 * time from start and the CPU time it used (user + system, ms). Its own process, so the peak is the load's alone.
 */
import { readFileSync } from "node:fs";

import { runCli } from "../src/cli/run-cli";

const [databasePath = "", file = ""] = process.argv.slice(2);
const code = await runCli(["postcodes", "load", file], {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  environment: { DATABASE_PATH: databasePath, LOG_LEVEL: "silent" },
});
const vmHwmKb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? NaN);
process.stdout.write(
  `BENCH ${JSON.stringify({
    code,
    processMs: performance.now(),
    cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000, // cpuUsage is in microseconds
    peakRssMb: vmHwmKb / 1024,
    maxRssMb: process.resourceUsage().maxRSS / 1024, // maxRSS is in kilobytes
  })}\n`,
);
