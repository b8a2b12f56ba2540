import { accessSync, constants, statfsSync } from "node:fs";
import { dirname } from "node:path";

import type { Db } from "./client";
import { isStorageFailure } from "./storage-errors";

/** Room for a write of the largest kind we accept (a 10 MB paper) in the WAL, with some over. */
const MIN_FREE_DISK_BYTES = 16 * 1024 * 1024;
/** A row insert that splits a table and two index pages needs a handful of new pages. */
const MIN_FREE_PAGES = 16;

type WriteReadinessOptions = { minFreeDiskBytes?: number; minFreePages?: number };

/**
 * Whether the database can take writes now: null if it can, otherwise the reason in a sentence.
 * Cheap enough for every /readyz poll. It checks, in turn:
 *  - the file can be written (access(2) W_OK: gone, permissions, or a file system remounted read-only);
 *  - SQLite will write: a write to the header inside a savepoint that is rolled back, which fails
 *    with SQLITE_READONLY when SQLite opened the file read-only;
 *  - pages left under `PRAGMA max_page_count` (free-list pages count as room), at least `minFreePages`;
 *  - bytes free to unprivileged users on the disk holding it (statfs f_bavail × f_bsize), at least
 *    `minFreeDiskBytes`. A full disk shows up only when SQLite appends to the WAL at commit, so a
 *    rolled-back probe cannot see it; the free space can.
 * An in-memory database skips the two file checks.
 */
export function whyWritesWouldFail(db: Db, options: WriteReadinessOptions = {}): string | null {
  const sqlite = db.$client;
  const file = sqlite.name;
  const onDisk = file !== ":memory:" && file !== "";
  if (onDisk) {
    try {
      accessSync(file, constants.W_OK);
    } catch (error) {
      return `the database file cannot be written (${(error as NodeJS.ErrnoException).code ?? "access denied"})`;
    }
  }
  try {
    const version = sqlite.pragma("user_version", { simple: true }) as number;
    sqlite.exec(
      `SAVEPOINT write_readiness; PRAGMA user_version = ${version}; ROLLBACK TO write_readiness; RELEASE write_readiness`,
    );
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
    if (isStorageFailure(error)) return `the database will not take writes (${(error as { code?: string }).code})`;
    throw error;
  }
  const maxPages = sqlite.pragma("max_page_count", { simple: true }) as number;
  const pages = sqlite.pragma("page_count", { simple: true }) as number;
  const freePages = sqlite.pragma("freelist_count", { simple: true }) as number;
  const pagesLeft = maxPages - pages + freePages;
  if (pagesLeft < (options.minFreePages ?? MIN_FREE_PAGES))
    return `the database is full: ${pagesLeft} pages left under its limit of ${maxPages}`;
  if (onDisk) {
    const disk = statfsSync(dirname(file));
    const freeBytes = disk.bavail * disk.bsize;
    if (freeBytes < (options.minFreeDiskBytes ?? MIN_FREE_DISK_BYTES))
      return `the disk holding the database is full: ${Math.floor(freeBytes / 1024)} KiB free`;
  }
  return null;
}
