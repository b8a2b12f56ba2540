import { openDb, type Db } from "../client";
import { runMigrations } from "../migrate";
import { ensureWardsLoaded } from "../reference/load-wards";

export * from "./factories";

/** A fresh in-memory database with every migration applied and the real London wards loaded. */
export function createTestDb(): Db {
  const db = openDb(":memory:");
  runMigrations(db);
  ensureWardsLoaded(db);
  return db;
}
export * from "./vote-factory";
