import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

const CLI = fileURLToPath(new URL("../cli/main.ts", import.meta.url));

export type CliRun = { code: number; stdout: string; stderr: string };

/**
 * Runs `pnpm cli <args>` as its own process, as an operator would, with `env` added to the
 * environment and stdin a pipe (not a terminal), so nothing is asked. Slow (a new Node process
 * that loads the command's modules through tsx): most tests use runCliInProcess instead.
 */
export function runCliProcess(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", CLI, ...args],
      { env: { ...process.env, LOG_LEVEL: "warn", ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}
