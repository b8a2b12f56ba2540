import { closeDb, openDb } from "@wardpanel/db/client";
import { isMigrated, runMigrations } from "@wardpanel/db/migrate";

import type { Command } from "../command";

export const migrateCommand: Command = {
  async run(_args, cli) {
    const { DATABASE_PATH } = cli.settings();
    const db = openDb(DATABASE_PATH);
    try {
      const before = isMigrated(db);
      runMigrations(db);
      cli.print(before ? `${DATABASE_PATH} was already up to date.` : `Migrated ${DATABASE_PATH}.`);
      return 0;
    } finally {
      closeDb(db);
    }
  },
};
