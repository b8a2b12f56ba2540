import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * Opens the one SQLite file Ward Panel runs on. WAL lets readers carry on during a write and,
 * with synchronous=NORMAL, survives a process kill without corruption (https://sqlite.org/wal.html).
 * secure_delete zeroes deleted and overwritten values in the file, so a deleted value (a closed
 * secret vote's token secret, say) cannot be read back from free space
 * (https://sqlite.org/pragma.html#pragma_secure_delete).
 */
export function openDb(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("secure_delete = ON");
  return drizzle(sqlite, { schema }) as Db;
}

export function closeDb(db: Db): void {
  if (db.$client.open) db.$client.close();
}
