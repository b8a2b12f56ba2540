import { eq } from "drizzle-orm";
import { integer, sqliteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";

import { closeDb, openDb } from "./client";
import { returnedRow } from "./returned-row";

// Two scratch tables (made in SQL below; only `children` is queried through drizzle) whose foreign
// key SQLite checks only when the statement commits: the same moment a full disk fails (the WAL
// append), made happen on demand.
const children = sqliteTable("children", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  parentId: integer("parent_id").notNull(),
});

function scratchDb() {
  const db = openDb(":memory:");
  db.$client.exec(`
    CREATE TABLE parents (id INTEGER PRIMARY KEY);
    CREATE TABLE children (id INTEGER PRIMARY KEY AUTOINCREMENT, parent_id INTEGER NOT NULL REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED);
    INSERT INTO parents (id) VALUES (1);
  `);
  const saved = () => db.select().from(children).all().length;
  return { db, saved };
}

describe("returnedRow", () => {
  it("answers the row a committed write returned", () => {
    const { db, saved } = scratchDb();
    expect(returnedRow(db.insert(children).values({ parentId: 1 }).returning({ id: children.id }))).toEqual({ id: 1 });
    expect(saved()).toBe(1);
    closeDb(db);
  });

  it("throws when the commit at the end of the statement fails, where .get() would answer a row that was never saved", () => {
    const { db, saved } = scratchDb();
    expect(() => returnedRow(db.insert(children).values({ parentId: 42 }).returning({ id: children.id }))).toThrow(
      expect.objectContaining({ code: "SQLITE_CONSTRAINT_FOREIGNKEY" }),
    );
    expect(saved()).toBe(0);
    // Why the rule exists: better-sqlite3 resets the statement after the first row and drops the commit's error.
    expect(db.insert(children).values({ parentId: 42 }).returning({ id: children.id }).get()).toEqual({ id: 1 });
    expect(saved()).toBe(0);
    closeDb(db);
  });

  it("refuses a write that returned no row, rather than answer undefined", () => {
    const { db } = scratchDb();
    expect(() =>
      returnedRow(db.update(children).set({ parentId: 1 }).where(eq(children.id, 99)).returning({ id: children.id })),
    ).toThrow("Expected the write to return one row, but it returned 0");
    closeDb(db);
  });
});
