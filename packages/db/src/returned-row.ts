/**
 * The one way to read back what an INSERT, UPDATE or DELETE … RETURNING wrote.
 *
 * better-sqlite3's `.get()` steps a statement once and then resets it. SQLite makes a RETURNING
 * statement's changes on that first step (https://sqlite.org/lang_returning.html) but, outside a
 * transaction, commits them only when the statement completes — which `.get()` leaves to the
 * reset, whose result better-sqlite3 ignores. A commit that fails there (disk full, read-only
 * file) is rolled back silently, yet the row is already handed back: an id for something never
 * saved. `.all()` steps to SQLITE_DONE, where the commit happens and its error throws.
 * `unsafe-writes.test.ts` fails on any other use of `.returning(…)` in packages/ and apps/.
 *
 * @param query a drizzle query ending in `.returning(…)`, not yet run
 * @returns the single row it returned, after the write committed (or inside the caller's transaction)
 * @throws the SQLite error if the write or its commit failed; an Error if not exactly one row came back
 */
export function returnedRow<Row>(query: { all(): Row[] }): Row {
  const rows = query.all();
  if (rows.length !== 1) throw new Error(`Expected the write to return one row, but it returned ${rows.length}`);
  return rows[0] as Row;
}
