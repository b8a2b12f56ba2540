import { existsSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { closeDb, openDb } from "@wardpanel/db/client";
import { BackupError, backupDatabase } from "@wardpanel/db/operations/backup";
import { DatabaseInUseError } from "@wardpanel/db/operations/lock";
import { restoreDatabase } from "@wardpanel/db/operations/restore";
import { readEnv } from "../../env";
import { CliUsageError, print, type Command } from "../command";
import { fromInvocation } from "../paths";

function onePath(args: string[], usage: string): string {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new CliUsageError(usage);
  return fromInvocation(positionals[0]!);
}

const fail = (message: string) => {
  process.stderr.write(`${message}\n`);
  return 1;
};

const backupCommand: Command = {
  summary: "backup <file>: copy the database to a new file; safe while the server runs",
  async run(args) {
    const target = onePath(args, "Usage: pnpm cli backup <file>   (a new file: an existing one is never overwritten)");
    const { DATABASE_PATH } = readEnv();
    if (!existsSync(DATABASE_PATH)) return fail(`Not backed up: there is no database at ${DATABASE_PATH} (check DATABASE_PATH).`);
    const db = openDb(DATABASE_PATH);
    try {
      // All at once: a server writing meanwhile cannot make the copy start over.
      const { path } = await backupDatabase(db.$client, target, { pace: "all-at-once" });
      print(`Backed up ${DATABASE_PATH} to ${path} (${(statSync(path).size / 1_048_576).toFixed(1)} MB; integrity_check passed).`);
      return 0;
    } catch (error) {
      if (error instanceof BackupError || (error as NodeJS.ErrnoException).code === "ENOENT") return fail(`Not backed up: ${(error as Error).message}`);
      throw error;
    } finally {
      closeDb(db);
    }
  },
};

const restoreCommand: Command = {
  summary: "restore <file>: replace the database with a backup (stop the server first)",
  async run(args) {
    const backupPath = onePath(args, "Usage: pnpm cli restore <file>   (stop the server first)");
    const { DATABASE_PATH } = readEnv();
    try {
      const { previousCopyPath, pendingMigrations } = await restoreDatabase({ backupPath, databasePath: DATABASE_PATH, now: new Date() });
      print(`Restored ${backupPath} into ${DATABASE_PATH} (integrity_check passed).`);
      if (previousCopyPath) print(`The database it replaced is kept at ${previousCopyPath}: delete it once you are satisfied.`);
      if (pendingMigrations > 0) print(`The backup is ${pendingMigrations} migration(s) behind this version; starting the server (or pnpm cli migrate) applies them.`);
      print("Start the server again.");
      return 0;
    } catch (error) {
      if (error instanceof BackupError || error instanceof DatabaseInUseError) return fail(`Not restored: ${error.message}`);
      throw error;
    }
  },
};

export const BACKUP_COMMANDS: Record<string, Command> = { backup: backupCommand, restore: restoreCommand };
