import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

import Database from "better-sqlite3";

/**
 * Says that one process — a running server, or a restore — owns a database file.
 *
 * The lock is a small SQLite file beside the database (`<database>.lock`) held in SQLite's
 * EXCLUSIVE locking mode (https://sqlite.org/pragma.html#pragma_locking_mode): the operating
 * system holds the file lock for as long as the process keeps the connection open and drops it
 * when the process ends, however it ends. So a server killed with SIGKILL leaves no stale lock,
 * unlike a pid file. Other commands (backup, users, import) do not take it: SQLite's own locking
 * keeps them safe beside a running server. Only what must not run beside a server (restore) does.
 */
type DatabaseLock = { path: string; release(): void };

/** Thrown when another process holds the database's lock. */
export class DatabaseInUseError extends Error {
  override name = "DatabaseInUseError";
  constructor(readonly databasePath: string) {
    super(
      `${databasePath} is in use by a running Ward Panel server or restore. ` +
        "Stop the server (SIGTERM, or your service manager's stop command) and try again.",
    );
  }
}

const lockPathOf = (databasePath: string) => `${databasePath}.lock`;

/**
 * Takes the lock on `databasePath` for this process, or throws DatabaseInUseError at once
 * (no waiting) when another process holds it. `release()` gives it back; exiting does too.
 */
export function acquireDatabaseLock(databasePath: string): DatabaseLock {
  const path = lockPathOf(databasePath);
  mkdirSync(dirname(path), { recursive: true });
  const lock = new Database(path, { timeout: 0 });
  try {
    lock.pragma("journal_mode = DELETE");
    lock.pragma("locking_mode = EXCLUSIVE");
    // The first write takes the exclusive file lock; EXCLUSIVE mode never gives it back.
    lock.exec(
      "begin exclusive; create table if not exists held (at integer); insert or replace into held (rowid, at) values (1, unixepoch()); commit;",
    );
  } catch (error) {
    lock.close();
    if (isBusy(error)) throw new DatabaseInUseError(databasePath);
    throw error;
  }
  return {
    path,
    release: () => {
      if (lock.open) lock.close();
    },
  };
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === "SQLITE_BUSY" || code === "SQLITE_LOCKED";
}
