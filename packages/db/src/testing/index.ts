import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

import { closeDb, type Db, openDb, openDbCopy } from "../client";
import { runMigrations } from "../migrate";
import { ensureWardsLoaded } from "../reference/load-wards";

export * from "./factories";

/**
 * Migrating and loading the 704 wards takes a few hundred milliseconds, so it happens once per
 * test process (vitest runs a package's test files in one), lazily; every test database is an
 * in-memory copy of these bytes (SQLite's serialize/deserialize), a few milliseconds each.
 */
let template: Buffer | undefined;

function templateImage(): Buffer {
  if (!template) {
    const db = openDb(":memory:");
    runMigrations(db);
    ensureWardsLoaded(db);
    template = db.$client.serialize();
    closeDb(db);
  }
  return template;
}

/** A fresh in-memory database with every migration applied and the real London wards loaded. */
export function createTestDb(): Db {
  return openDbCopy(templateImage());
}

/** An independent in-memory copy of `db` as it stands: seed something slow once, then copy it per test. */
export function copyTestDb(db: Db): Db {
  return openDbCopy(db.$client.serialize());
}

/**
 * The same database as a file at `path` (its folder made if need be), opened as the server opens
 * it (WAL): for tests of what happens on disk, and for databases a server process is started on.
 */
export function createTestDbFile(path: string): Db {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, templateImage(), { flag: "wx" });
  return openDb(path);
}
export * from "./vote-factory";
