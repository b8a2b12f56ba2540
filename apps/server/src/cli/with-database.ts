import { policesLondon } from "@wardpanel/crime-data";
import { closeDb, type Db, openDb } from "@wardpanel/db/client";
import { runMigrations } from "@wardpanel/db/migrate";
import { ensureWardsLoaded } from "@wardpanel/db/reference";

import type { CliContext } from "./command";

/**
 * Opens the configured database, migrated and with wards loaded (the shipped London wards when it
 * has none and POLICE_FORCE_ID is a London force, unless `loadShippedWards` is false: `wards load`
 * of another file), for the length of one command. Another force's deployment is never given
 * London's wards: it loads its own (docs/other-forces.md).
 */
export async function withDatabase<T>(
  cli: CliContext,
  work: (db: Db) => T | Promise<T>,
  { loadShippedWards = true }: { loadShippedWards?: boolean } = {},
): Promise<T> {
  const { DATABASE_PATH, POLICE_FORCE_ID } = cli.dataSettings();
  const db = openDb(DATABASE_PATH);
  try {
    runMigrations(db);
    if (loadShippedWards && policesLondon(POLICE_FORCE_ID)) ensureWardsLoaded(db);
    return await work(db);
  } finally {
    closeDb(db);
  }
}
