import { mkdtempSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";

import { closeDb, type Db } from "./client";
import { createTestDb, createTestDbFile } from "./testing";
import { whyWritesWouldFail } from "./write-readiness";

describe("whether the database can take writes", () => {
  const opened: Db[] = [];
  const folders: string[] = [];
  afterEach(() => {
    for (const db of opened.splice(0)) closeDb(db);
    for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  function fileDb(): { db: Db; path: string } {
    const dir = mkdtempSync(join(tmpdir(), "wardpanel-ready-"));
    folders.push(dir);
    const path = join(dir, "wardpanel.sqlite");
    const db = createTestDbFile(path);
    opened.push(db);
    return { db, path };
  }

  it("says nothing is wrong with a writable file or an in-memory database", () => {
    expect(whyWritesWouldFail(fileDb().db)).toBeNull();
    const memory = createTestDb();
    opened.push(memory);
    expect(whyWritesWouldFail(memory)).toBeNull();
  });

  it("names a database at its page limit, and clears once there is room", () => {
    const { db } = fileDb();
    const pages = db.$client.pragma("page_count", { simple: true }) as number;
    db.$client.pragma(`max_page_count = ${pages + 3}`);
    expect(whyWritesWouldFail(db)).toBe(`the database is full: 3 pages left under its limit of ${pages + 3}`);
    db.$client.pragma(`max_page_count = ${pages + 1000}`);
    expect(whyWritesWouldFail(db)).toBeNull();
  });

  it("names a connection SQLite opened read-only", () => {
    const { path } = fileDb();
    const sqlite = new Database(path, { readonly: true });
    const readOnly = drizzle(sqlite) as unknown as Db;
    opened.push(readOnly);
    expect(whyWritesWouldFail(readOnly)).toBe("the database will not take writes (SQLITE_READONLY)");
  });

  it("names a database file that is gone", () => {
    const { db, path } = fileDb();
    unlinkSync(path);
    expect(whyWritesWouldFail(db)).toBe("the database file cannot be written (ENOENT)");
  });

  it("names a disk with less free space than the reserve", () => {
    const { db } = fileDb();
    expect(whyWritesWouldFail(db, { minFreeDiskBytes: Number.MAX_SAFE_INTEGER })).toMatch(
      /^the disk holding the database is full: \d+ KiB free$/,
    );
  });
});
