import { closeDb, openDb, type Db } from "@wardpanel/db/client";
import { runMigrations } from "@wardpanel/db/migrate";
import { ensureWardsLoaded } from "@wardpanel/db/reference";
import { readEnv } from "../env";

export type Command = { summary: string; run(args: string[]): Promise<number> };

export class CliUsageError extends Error {
  override name = "CliUsageError";
}

/** Opens the configured database, migrated and with wards loaded, for the length of one command. */
export async function withDatabase<T>(work: (db: Db) => T | Promise<T>): Promise<T> {
  const db = openDb(readEnv().DATABASE_PATH);
  try {
    runMigrations(db);
    ensureWardsLoaded(db);
    return await work(db);
  } finally {
    closeDb(db);
  }
}

export const print = (line = "") => process.stdout.write(`${line}\n`);
