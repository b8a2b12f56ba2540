import { closeDb, type Db, openDb } from "@wardpanel/db/client";
import { runMigrations } from "@wardpanel/db/migrate";
import { ensureWardsLoaded } from "@wardpanel/db/reference";

import type { CliContext } from "./command";

/**
 * Opens the configured database, migrated and with wards loaded (the shipped London wards when it
 * has none, unless `loadShippedWards` is false: `wards load` of another file), for the length of one command.
 */
export async function withDatabase<T>(
  cli: CliContext,
  work: (db: Db) => T | Promise<T>,
  { loadShippedWards = true }: { loadShippedWards?: boolean } = {},
): Promise<T> {
  const db = openDb(cli.settings().DATABASE_PATH);
  try {
    runMigrations(db);
    if (loadShippedWards) ensureWardsLoaded(db);
    return await work(db);
  } finally {
    closeDb(db);
  }
}
