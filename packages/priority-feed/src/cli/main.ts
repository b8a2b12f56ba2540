#!/usr/bin/env node
/**
 * priority-feed — the control room's command line: keep a copy of the feed, and ask which
 * priorities a call (or a CSV of calls) relates to. No dependencies beyond the package's own.
 */
import { CliError } from "./cli-error.js";
import { CSV_USAGE, runFeedCsv } from "./commands/feed-csv.js";
import { MATCH_USAGE, runMatch } from "./commands/match.js";
import { MATCH_CSV_USAGE, runMatchCsv } from "./commands/match-csv.js";
import { runSync, SYNC_USAGE } from "./commands/sync.js";
import type { CliIo } from "./io.js";

const COMMANDS: Record<string, { usage: string; run: (args: string[], io: CliIo) => void | Promise<void> }> = {
  sync: { usage: SYNC_USAGE, run: runSync },
  match: { usage: MATCH_USAGE, run: runMatch },
  "match-csv": { usage: MATCH_CSV_USAGE, run: runMatchCsv },
  csv: { usage: CSV_USAGE, run: runFeedCsv },
};

const HELP = `priority-feed — Ward Panel's priority feed for control rooms

${Object.values(COMMANDS)
  .map((c) => c.usage)
  .join("\n\n")}

Exit status: 0 done; 1 the work failed (server unreachable or refused); 2 bad command or input.`;

async function main(argv: string[]): Promise<number> {
  const io: CliIo = {
    out: (text) => process.stdout.write(text),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
  };
  const [name, ...args] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(`${HELP}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(", ")} (see --help)`);
    return 2;
  }
  if (args.includes("--help") || args.includes("-h")) {
    io.out(`${command.usage}\n`);
    return 0;
  }
  try {
    await command.run(args, io);
    return 0;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.err(error.message);
    return error.exitCode;
  }
}

process.exitCode = await main(process.argv.slice(2));
