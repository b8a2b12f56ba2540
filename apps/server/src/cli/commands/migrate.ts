import { closeDb, openDb } from "@wardpanel/db/client";
import { isMigrated, runMigrations } from "@wardpanel/db/migrate";
import { readEnv } from "../../env";
import { print, type Command } from "../command";

export const migrateCommand: Command = {
  summary: "Apply database migrations (start-up does this too)",
  async run() {
    const { DATABASE_PATH } = readEnv();
    const db = openDb(DATABASE_PATH);
    try {
      const before = isMigrated(db);
      runMigrations(db);
      print(before ? `${DATABASE_PATH} was already up to date.` : `Migrated ${DATABASE_PATH}.`);
      return 0;
    } finally {
      closeDb(db);
    }
  },
};
