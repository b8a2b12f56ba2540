import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { Worker } from "node:worker_threads";

import Database from "better-sqlite3";

/**
 * How fast to copy. `all-at-once` copies every page in one step, inside one read transaction: a
 * writer in another process (a running server) cannot make it start over, which it would do
 * after each step otherwise. `in-steps` copies 1,000 pages (4 MB) per turn of the event loop, so
 * a server taking its own backup keeps answering requests; its own writes are copied as they
 * happen (https://sqlite.org/backup.html).
 */
type BackupPace = "all-at-once" | "in-steps";

const PAGES_PER_STEP = 1000;
const ALL_PAGES = 0x7fffffff;

/** A backup was not made, or a file cannot be restored; the message says why and which file. */
export class BackupError extends Error {
  override name = "BackupError";
}

/**
 * Copies the open database `source` to a new file at `destinationPath` with SQLite's online
 * backup API, safe while the same file is being written, by this process or another. The copy
 * holds every transaction committed before the backup started (and possibly later ones). It is
 * written beside the destination as `<file>.partial`, switched to a single self-contained file
 * (rollback journal, not WAL), checked with `PRAGMA integrity_check` (in a worker thread), and only then renamed into
 * place, so a file at `destinationPath` is always a complete, checked backup.
 *
 * Creates the destination's folder when it is missing, as `pnpm cli backup backups/x.sqlite` on a
 * fresh clone expects. Throws BackupError when `destinationPath` already exists or the copy fails
 * its check.
 * Returns the path and the size in pages (4 KiB each by default).
 */
export async function backupDatabase(
  source: Database.Database,
  destinationPath: string,
  { pace }: { pace: BackupPace },
): Promise<{ path: string; pages: number }> {
  if (existsSync(destinationPath))
    throw new BackupError(
      `${destinationPath} already exists: give the backup a new file name, or delete the old file first`,
    );
  mkdirSync(dirname(destinationPath), { recursive: true });
  const partial = `${destinationPath}.partial`;
  rmSync(partial, { force: true });
  try {
    const { totalPages } = await copyDatabase(source, partial, pace);
    const copy = new Database(partial);
    try {
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
    const problems = await integrityProblemsOffThread(partial);
    if (problems.length > 0)
      throw new BackupError(`The backup copy failed its integrity check, so it was not kept: ${problems.join("; ")}`);
    renameSync(partial, destinationPath);
    return { path: destinationPath, pages: totalPages };
  } catch (error) {
    rmSync(partial, { force: true });
    rmSync(`${partial}-journal`, { force: true });
    throw error;
  }
}

/** The online backup API with no checks: for the copy of a database about to be replaced. */
export function copyDatabase(source: Database.Database, destinationPath: string, pace: BackupPace) {
  return source.backup(destinationPath, { progress: () => (pace === "all-at-once" ? ALL_PAGES : PAGES_PER_STEP) });
}

const BETTER_SQLITE3 = createRequire(import.meta.url).resolve("better-sqlite3");
// Plain CommonJS run in a worker thread: reading every page of a large copy takes seconds, and the
// server's event loop must keep answering (the control rooms' feed among it) meanwhile.
const CHECK_IN_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.module);
const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
try {
  parentPort.postMessage(db.pragma("integrity_check(10)").map((row) => row.integrity_check).filter((line) => line !== "ok"));
} finally {
  db.close();
}`;

/** `PRAGMA integrity_check` of the file at `path`, in a worker thread: its findings, at most ten; empty when sound. */
function integrityProblemsOffThread(path: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CHECK_IN_WORKER, { eval: true, workerData: { module: BETTER_SQLITE3, path } });
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`The integrity check stopped unexpectedly (exit code ${code})`));
    });
  });
}

/** `PRAGMA integrity_check`'s findings, at most ten; empty when the file is sound. */
export function integrityProblems(db: Database.Database): string[] {
  const rows = db.pragma("integrity_check(10)", { simple: false }) as { integrity_check: string }[];
  return rows.map((row) => row.integrity_check).filter((line) => line !== "ok");
}
