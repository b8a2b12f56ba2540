import { copyFileSync, existsSync, rmSync } from "node:fs";

import Database from "better-sqlite3";

import { shippedMigrations } from "../migrate";
import { backupDatabase, BackupError, copyDatabase, integrityProblems } from "./backup";
import { acquireDatabaseLock } from "./lock";

type RestoreResult = {
  /** Where the database that was replaced was copied to; null when there was none. */
  previousCopyPath: string | null;
  /** Migrations this version has that the backup has not: start-up (or `pnpm cli migrate`) applies them. */
  pendingMigrations: number;
};

/**
 * Replaces the database at `databasePath` with the backup at `backupPath`.
 *
 * Refuses, changing nothing, when: a server (or another restore) holds the database
 * (DatabaseInUseError, see ./lock.ts); the backup cannot be opened as SQLite or fails
 * `PRAGMA integrity_check`; or it holds a migration this version of Ward Panel does not ship
 * (made by a newer or different version) — each a BackupError naming the file and the reason.
 *
 * The backup file itself is never opened for writing: it is checked as a copy. The database
 * being replaced is first copied to `<database>.before-restore-<time>`, so nothing is lost.
 * Then the backup is written in with SQLite's backup API, which replaces the file's contents in
 * one transaction and deals with its WAL.
 */
export async function restoreDatabase({
  backupPath,
  databasePath,
  now,
}: {
  backupPath: string;
  databasePath: string;
  now: Date;
}): Promise<RestoreResult> {
  const lock = acquireDatabaseLock(databasePath);
  const staging = `${databasePath}.restoring`;
  try {
    if (!existsSync(backupPath)) throw new BackupError(`There is no file at ${backupPath}`);
    copyFileSync(backupPath, staging);
    const source = openChecked(staging, backupPath);
    try {
      const pendingMigrations = checkMigrations(source, backupPath);
      const previousCopyPath = existsSync(databasePath) ? await copyAside(databasePath, now) : null;
      await copyDatabase(source, databasePath, "all-at-once");
      const restored = new Database(databasePath);
      try {
        restored.pragma("journal_mode = WAL");
        const problems = integrityProblems(restored);
        if (problems.length > 0)
          throw new BackupError(
            `${databasePath} failed its integrity check after the restore: ${problems.join("; ")}. The database before the restore is at ${previousCopyPath}`,
          );
      } finally {
        restored.close();
      }
      return { previousCopyPath, pendingMigrations };
    } finally {
      source.close();
    }
  } finally {
    rmSync(staging, { force: true });
    rmSync(`${staging}-journal`, { force: true });
    lock.release();
  }
}

/** Opens the staged copy and runs the integrity check; a file that is not SQLite at all fails here too. */
function openChecked(stagingPath: string, backupPath: string): Database.Database {
  let db: Database.Database | null = null;
  try {
    db = new Database(stagingPath, { fileMustExist: true });
    db.pragma("journal_mode = DELETE");
    const problems = integrityProblems(db);
    if (problems.length > 0)
      throw new BackupError(
        `${backupPath} is damaged (PRAGMA integrity_check: ${problems.join("; ")}). Nothing was restored: choose an earlier backup.`,
      );
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof BackupError) throw error;
    throw new BackupError(
      `${backupPath} cannot be read as a Ward Panel backup (${(error as Error).message}). Nothing was restored.`,
    );
  }
}

/**
 * Every migration recorded in the backup must be one this version ships, with the same SQL
 * (drizzle records each as its journal time and the SHA-256 of its file). A backup with fewer
 * is fine: start-up applies the rest. Returns how many are still to apply.
 */
function checkMigrations(db: Database.Database, backupPath: string): number {
  const hasTable = db
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get();
  if (!hasTable)
    throw new BackupError(
      `${backupPath} is not a Ward Panel database: it has no record of migrations. Nothing was restored.`,
    );
  const recorded = db
    .prepare("select hash, created_at as createdAt from __drizzle_migrations order by created_at")
    .all() as { hash: string; createdAt: number }[];
  const shipped = shippedMigrations();
  const newestShipped = Math.max(0, ...shipped.map((m) => m.createdAt));
  for (const migration of recorded) {
    const createdAt = Number(migration.createdAt);
    if (shipped.some((m) => m.createdAt === createdAt && m.hash === migration.hash)) continue;
    const when = new Date(createdAt).toISOString();
    if (createdAt > newestShipped) {
      throw new BackupError(
        `${backupPath} was made by a newer version of Ward Panel (it has a migration from ${when} that this version does not know). Nothing was restored: upgrade Ward Panel first, then restore.`,
      );
    }
    throw new BackupError(
      `${backupPath} was made by a different version of Ward Panel (its migration from ${when} is not one this version ships). Nothing was restored: restore it with the version that made it.`,
    );
  }
  return shipped.filter((m) => !recorded.some((r) => Number(r.createdAt) === m.createdAt)).length;
}

/** Keeps the database about to be replaced, as a checked backup beside it. */
async function copyAside(databasePath: string, now: Date): Promise<string> {
  const current = new Database(databasePath, { fileMustExist: true });
  const path = `${databasePath}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
  try {
    await backupDatabase(current, path, { pace: "all-at-once" });
    return path;
  } catch (error) {
    throw new BackupError(
      `The current ${databasePath} could not be copied aside before the restore (${(error as Error).message}). Nothing was restored. If it is damaged, move it away yourself (with its -wal file) and restore again.`,
    );
  } finally {
    current.close();
  }
}
