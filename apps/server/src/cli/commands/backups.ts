import { existsSync, statSync } from "node:fs";
import { parseArgs } from "node:util";

import { closeDb, openDb } from "@wardpanel/db/client";
import { backupDatabase, BackupError } from "@wardpanel/db/operations/backup";
import { DatabaseInUseError } from "@wardpanel/db/operations/lock";
import { restoreDatabase } from "@wardpanel/db/operations/restore";

import { fromInvocation } from "../../invocation-path";
import { type CliContext, CliUsageError, type Command } from "../command";

function onePath(args: string[], usage: string): string {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [path] = positionals;
  if (positionals.length !== 1 || path === undefined) throw new CliUsageError(usage);
  return fromInvocation(path);
}

const fail = (cli: CliContext, message: string) => {
  cli.printError(message);
  return 1;
};

export const backupCommand: Command = {
  async run(args, cli) {
    const target = onePath(args, "Usage: pnpm cli backup <file>   (a new file: an existing one is never overwritten)");
    const { DATABASE_PATH } = cli.settings();
    if (!existsSync(DATABASE_PATH))
      return fail(cli, `Not backed up: there is no database at ${DATABASE_PATH} (check DATABASE_PATH).`);
    const db = openDb(DATABASE_PATH);
    try {
      // All at once: a server writing meanwhile cannot make the copy start over.
      const { path } = await backupDatabase(db.$client, target, { pace: "all-at-once" });
      cli.print(
        `Backed up ${DATABASE_PATH} to ${path} (${(statSync(path).size / 1_048_576).toFixed(1)} MB; integrity_check passed).`,
      );
      return 0;
    } catch (error) {
      if (error instanceof BackupError || (error as NodeJS.ErrnoException).code === "ENOENT")
        return fail(cli, `Not backed up: ${(error as Error).message}`);
      throw error;
    } finally {
      closeDb(db);
    }
  },
};

export const restoreCommand: Command = {
  async run(args, cli) {
    const backupPath = onePath(args, "Usage: pnpm cli restore <file>   (stop the server first)");
    const { DATABASE_PATH } = cli.settings();
    try {
      const { previousCopyPath, pendingMigrations } = await restoreDatabase({
        backupPath,
        databasePath: DATABASE_PATH,
        now: new Date(),
      });
      cli.print(`Restored ${backupPath} into ${DATABASE_PATH} (integrity_check passed).`);
      if (previousCopyPath)
        cli.print(`The database it replaced is kept at ${previousCopyPath}: delete it once you are satisfied.`);
      if (pendingMigrations > 0)
        cli.print(
          `The backup is ${pendingMigrations} migration(s) behind this version; starting the server (or pnpm cli migrate) applies them.`,
        );
      cli.print("Start the server again.");
      return 0;
    } catch (error) {
      if (error instanceof BackupError || error instanceof DatabaseInUseError)
        return fail(cli, `Not restored: ${error.message}`);
      throw error;
    }
  },
};
