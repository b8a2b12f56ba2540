import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { closeDb, type Db } from "../client";
import { isMigrated } from "../migrate";
import { panels, wards } from "../schema";
import { copyTestDb, createTestDb, createTestDbFile, seedPanel } from "./index";

const BLOOMSBURY = "E05013653";
const panelCount = (db: Db) => db.select({ n: count() }).from(panels).get()?.n;

describe("test databases, copied from one migrated template", () => {
  it("are migrated, hold the 704 wards and have the settings openDb gives", () => {
    const db = createTestDb();
    expect(isMigrated(db)).toBe(true);
    expect(db.select({ n: count() }).from(wards).get()?.n).toBe(704);
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.$client.pragma("secure_delete", { simple: true })).toBe(1);
    expect(() =>
      db.$client.prepare("insert into panels (ward_code, name) values ('E05999999', 'Nowhere')").run(),
    ).toThrow(/FOREIGN KEY/);
    closeDb(db);
  });

  it("are independent of each other and of the copy they came from", () => {
    const first = createTestDb();
    seedPanel(first, BLOOMSBURY);
    const second = createTestDb();
    expect([panelCount(first), panelCount(second)]).toEqual([1, 0]);

    const copy = copyTestDb(first);
    seedPanel(copy, "E05013662");
    expect([panelCount(first), panelCount(copy)]).toEqual([1, 2]);
    for (const db of [first, second, copy]) closeDb(db);
  });

  it("can be a file, in WAL mode as the server opens it, and never over an existing one", () => {
    const path = join(mkdtempSync(join(tmpdir(), "wardpanel-template-")), "data", "wardpanel.sqlite");
    const db = createTestDbFile(path);
    expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(isMigrated(db)).toBe(true);
    expect(db.select({ n: count() }).from(wards).get()?.n).toBe(704);
    closeDb(db);
    expect(() => createTestDbFile(path)).toThrow(/EEXIST/);
  });
});
