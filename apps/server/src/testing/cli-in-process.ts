import { Readable, Writable } from "node:stream";

import { runCli } from "../cli/run-cli";
import type { CliRun } from "./cli-process";

/** A stream that keeps what is written to it, as text. */
function collector() {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

/**
 * Runs `pnpm cli <args>` inside the test's own process: the same runCli main.ts calls, against the
 * real database file the settings name, without paying for a new Node process and loading the
 * server's modules again. `environment` is the whole environment its settings are read from
 * (not the test process's), and stdin is a pipe with nothing in it, so nothing is asked.
 * Resolves as runCliProcess does; rejects with the error an operator would see as a stack.
 */
export async function runCliInProcess(args: string[], environment: Record<string, string>): Promise<CliRun> {
  const stdout = collector();
  const stderr = collector();
  const code = await runCli(args, {
    stdout: stdout.stream,
    stderr: stderr.stream,
    stdin: Readable.from([]),
    environment,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
