import { runCli } from "./run-cli";

/** `pnpm cli <command>`: the operators' one entry point. Commands are listed in commands.ts. */
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
