import type { DataSettings, Env } from "../env";

/**
 * What one run of the CLI gives a command, instead of the process's own streams and environment,
 * so the same command runs from `pnpm cli` (run-cli.ts with process.stdout…) and inside a test.
 */
export type CliContext = {
  /** Writes one line of the command's result to its stdout. */
  print(line?: string): void;
  /** Writes one line to its stderr: why nothing was done. */
  printError(line: string): void;
  /** The settings of env.ts, parsed on first use, so a command that needs none runs even when they are invalid. Throws as readEnv does. */
  settings(): Env;
  /** DATABASE_PATH and POLICE_FORCE_ID alone, for commands that need no other setting (wards, postcodes). Throws as readEnv does. */
  dataSettings(): DataSettings;
  /** Where a question to the operator is asked and answered; only a terminal (isTTY) is asked. */
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** What print writes to; a question's prompt goes there too. */
  stdout: NodeJS.WritableStream;
  /**
   * Rewrites one progress line ("\r…") on stderr when it is a terminal; does nothing when stderr
   * is a file or a pipe, so logs and tests keep only results. `null` clears the line.
   */
  progress(line: string | null): void;
};

/** One command of `pnpm cli`: resolves to the exit code (0 done, 1 refused, 2 misused). */
export type Command = { run(args: string[], cli: CliContext): Promise<number> };

/** Thrown for a command typed wrongly: run-cli prints its message alone and exits 2. */
export class CliUsageError extends Error {
  override name = "CliUsageError";
}
