import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";

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
  return connect(new Database(path));
}

/**
 * Opens an in-memory copy of a database from its bytes (`db.$client.serialize()`), with the same
 * settings as `openDb`. Tests clone one migrated template this way instead of migrating each time.
 * The copy cannot use WAL, as `openDb(":memory:")` cannot: SQLite keeps an in-memory journal.
 */
export function openDbCopy(image: Buffer): Db {
  return connect(new Database(image));
}

function connect(sqlite: Database.Database): Db {
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
