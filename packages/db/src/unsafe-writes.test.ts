import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import { findUnsafeWrites, listSourceFiles, scanForUnsafeWrites } from "./testing/unsafe-writes";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
// This file holds unsafe lines as examples, in strings; returned-row.test.ts runs one to show the hazard.
const EXAMPLES = ["packages/db/src/unsafe-writes.test.ts", "packages/db/src/returned-row.test.ts"];

describe("one way to write (returned-row.ts)", () => {
  it("finds no .returning(…) read any way but returnedRow(…) or .all(), and no raw SQL with RETURNING read by .get(), in packages/ or apps/", () => {
    const files = listSourceFiles(REPO_ROOT, ["packages", "apps"]);
    // The scan reaches the call sites it guards: a scan of nothing would pass.
    expect(files).toEqual(
      expect.arrayContaining([
        "packages/db/src/queries/concerns.ts",
        "packages/db/src/queries/attendance.ts",
        "apps/server/src/routes/health.ts",
      ]),
    );
    expect(scanForUnsafeWrites(REPO_ROOT, ["packages", "apps"], EXAMPLES)).toEqual([]);
  });

  it("reports each unsafe form with its file and line", () => {
    const unsafe = [
      "const id = db",
      "  .insert(concerns)",
      "  .values(v)",
      "  .returning({ id: concerns.id })",
      "  .get().id;",
      "const row = db.update(t).set(v).returning().get();",
      "const rows = await db.delete(t).returning();",
      "const q = db.insert(t).values(v).returning().prepare();",
      'sqlite.prepare("INSERT INTO t (a) VALUES (?) RETURNING id").get(1);',
      "db.get(sql`update t set a = 1 returning id`);",
      "const insert = sqlite.prepare(`insert into t (a) values (?)",
      "  returning id`);",
      "const { id } = insert.get(2);",
    ].join("\n");
    expect(findUnsafeWrites("example.ts", unsafe)).toEqual([
      "example.ts:4: .returning(…) must be read with returnedRow(…) or .all(), never .get()",
      "example.ts:6: .returning(…) must be read with returnedRow(…) or .all(), never .get()",
      "example.ts:7: .returning(…) must be read with returnedRow(…) or .all(), never .get()",
      "example.ts:8: .returning(…) must be read with returnedRow(…) or .all(), never .get()",
      "example.ts:9: raw SQL with RETURNING read with .get(): use .all(), or drizzle's .returning(…) and returnedRow(…)",
      "example.ts:10: raw SQL with RETURNING read with .get(): use .all(), or drizzle's .returning(…) and returnedRow(…)",
      "example.ts:13: raw SQL with RETURNING read with .get() (insert): use .all()",
    ]);
  });

  it("accepts returnedRow(…), .all() and reads", () => {
    const safe = [
      "const id = returnedRow(db.insert(t).values(v).returning({ id: t.id })).id;",
      "const removed = db.delete(t).where(w).returning({ id: t.id }).all();",
      "const row = db.select().from(t).get();",
      'const update = sqlite.prepare("update t set a = ? returning id");',
      "const rows = update.all(1);",
      'const label = "Returning officer";',
    ].join("\n");
    expect(findUnsafeWrites("example.ts", safe)).toEqual([]);
  });
});
