/**
 * Failures of the database itself rather than of the request: the disk is full, the file or its
 * folder cannot be written, I/O failed, or another process held the lock past the busy timeout.
 * SQLite rolls the statement (or the transaction) back, so nothing was changed; the right answer
 * is 503, not a 500 with SQLite's own words.
 */

/** What a client is told when a write could not be saved. */
export const WRITE_NOT_SAVED = "The database could not save this; nothing was changed.";
/** What a client is told when a read could not be answered. */
export const READ_NOT_ANSWERED = "The database could not answer just now.";

/**
 * better-sqlite3 gives the extended result code name (`SQLITE_IOERR_WRITE`, `SQLITE_READONLY_DBMOVED`)
 * as `code`; the primary codes are listed at https://sqlite.org/rescode.html.
 */
const STORAGE_CODES = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN|BUSY|NOLFS)(_|$)/;

/**
 * True if `error`, or any error in its `cause` chain (drizzle wraps some), is a SQLite error
 * meaning the database could not take the operation: SQLITE_FULL, SQLITE_READONLY*, SQLITE_IOERR*,
 * SQLITE_CANTOPEN*, SQLITE_BUSY* or SQLITE_NOLFS. Constraint and schema errors are not: they are bugs.
 */
export function isStorageFailure(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && STORAGE_CODES.test(code)) return true;
  }
  return false;
}
