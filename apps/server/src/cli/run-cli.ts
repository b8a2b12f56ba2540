import type { SettingsError } from "../env";
import type { CliContext } from "./command";
import { COMMANDS } from "./commands";

/** Where one run of the CLI reads and writes, and the environment its settings come from. */
export type CliOptions = {
  stdout: NodeJS.WritableStream;
  /** Progress lines are written only when it is a terminal (isTTY). */
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Asked only when it is a terminal (isTTY). */
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Parsed by env.ts's readEnv; when not given, readEnv reads the process's environment. */
  environment?: Record<string, string | undefined>;
};

function usage(): string {
  const calls = Object.entries(COMMANDS).map(([name, { usage, summary }]) => ({
    call: `${name} ${usage}`.trim(),
    summary,
  }));
  const width = Math.max(...calls.map(({ call }) => call.length));
  const lines = calls.map(({ call, summary }) => `  ${call.padEnd(width)}  ${summary}`);
  return `Usage: pnpm cli <command> [options]\n\nCommands:\n${lines.join("\n")}\n\nSettings come from the environment (DATABASE_PATH…), as for \`pnpm start\`.\n`;
}

/**
 * Runs `pnpm cli <argv…>` (argv without node and the script) and resolves to its exit code:
 * 0 done, 1 refused (the command says why on stderr), 2 misused (unknown command, wrong
 * options, input a domain rule refuses). Rejects only for the unexpected, with the error as it
 * was thrown, so the operator sees its stack. main.ts calls it for the process; tests call it
 * in their own process with a real database file.
 */
export async function runCli(argv: readonly string[], options: CliOptions): Promise<number> {
  const [name, ...args] = argv;
  const entry = name ? COMMANDS[name] : undefined;
  if (!entry) {
    const isAskingForHelp = !name || name === "help" || name === "--help";
    options.stderr.write(isAskingForHelp ? usage() : `Unknown command: ${name}\n\n${usage()}`);
    return isAskingForHelp ? 0 : 2;
  }
  const [command, { readEnv, readDataSettings }] = await Promise.all([entry.load(), import("../env")]);
  let settings: ReturnType<typeof readEnv> | undefined;
  let dataSettings: ReturnType<typeof readDataSettings> | undefined;
  const cli: CliContext = {
    print: (line = "") => options.stdout.write(`${line}\n`),
    printError: (line) => options.stderr.write(`${line}\n`),
    settings: () => (settings ??= readEnv(options.environment)),
    dataSettings: () => (dataSettings ??= settings ?? readDataSettings(options.environment)),
    stdin: options.stdin,
    stdout: options.stdout,
    progress: (line) => {
      if (options.stderr.isTTY) options.stderr.write(line === null ? "\r\x1b[K" : `\r${line}`);
    },
  };
  try {
    return await command.run(args, cli);
  } catch (error) {
    // A clear one-line reason for the operator; a stack only for the unexpected.
    if (isSettingsError(error)) {
      cli.printError(`${name} needs ${error.problems.map((p) => `${p.variable}: ${p.message}`).join("; ")}`);
      return 2;
    }
    if (isParseArgsError(error)) {
      cli.printError(error.message);
      cli.printError(`Usage: pnpm cli ${name} ${entry.usage}`.trimEnd());
      return 2;
    }
    if (await isExplained(error)) {
      cli.printError((error as Error).message);
      return 2;
    }
    throw error;
  }
}

/** Settings env.ts cannot read (checked by name: env.ts is loaded only when a command runs). */
function isSettingsError(error: unknown): error is SettingsError {
  return error instanceof Error && error.name === "SettingsError" && "problems" in error;
}

/** An option node:util's parseArgs refused (unknown, or a string option without its value). */
function isParseArgsError(error: unknown): error is Error {
  return error instanceof Error && String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS_");
}

/** A misuse the message explains: wrong options, or input a domain rule refuses. */
async function isExplained(error: unknown): Promise<boolean> {
  if (!(error instanceof Error)) return false;
  if (error.name === "CliUsageError") return true;
  // Loaded here, not at the top: the command that threw has loaded it already.
  const { DomainError } = await import("@wardpanel/validators");
  return error instanceof DomainError;
}
