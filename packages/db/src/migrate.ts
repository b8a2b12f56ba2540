import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { readMigrationFiles } from "drizzle-orm/migrator";

import type { Db } from "./client";

const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));

export function runMigrations(db: Db): void {
  migrate(db, { migrationsFolder });
}

/**
 * The migrations this code ships with, as drizzle records each one in `__drizzle_migrations`:
 * `createdAt` is the journal's `when` (ms since the epoch), `hash` the SHA-256 of its SQL file.
 */
export function shippedMigrations(): { createdAt: number; hash: string }[] {
  return readMigrationFiles({ migrationsFolder }).map((m) => ({ createdAt: m.folderMillis, hash: m.hash }));
}

type Journal = { entries: { tag: string; when: number }[] };

/** The newest migration this code ships with, by drizzle's own journal. */
function latestShippedMigration(): number {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, "utf8")) as Journal;
  return Math.max(0, ...journal.entries.map((entry) => entry.when));
}

/** True when the database has every migration this code ships with (what /readyz reports). */
export function isMigrated(db: Db): boolean {
  const table = db.$client
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get();
  if (!table) return false;
  const row = db.$client.prepare("select max(created_at) as latest from __drizzle_migrations").get() as {
    latest: number | null;
  };
  return (row.latest ?? 0) >= latestShippedMigration();
}
