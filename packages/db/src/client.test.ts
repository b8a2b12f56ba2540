import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { closeDb, openDb } from "./client";

describe("the database file", () => {
  it("does not keep a value once it is overwritten: it cannot be read back from free space", () => {
    const path = join(mkdtempSync(join(tmpdir(), "wardpanel-client-")), "wardpanel.sqlite");
    const db = openDb(path);
    const secret = randomBytes(32).toString("hex");
    db.$client.exec("create table kept (id integer primary key, secret text, label text)");
    const insert = db.$client.prepare("insert into kept (secret, label) values (?, ?)");
    // As a vote's row: made without the value, given it later (the row moves within its page), then cleared.
    for (let i = 0; i < 5; i++) insert.run(null, `row ${i} ${"x".repeat(60)}`);
    db.$client.prepare("update kept set secret = ? where id = 3").run(secret);
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    const bytes = () =>
      [path, `${path}-wal`]
        .filter(existsSync)
        .map((p) => readFileSync(p).toString("latin1"))
        .join("");
    expect(bytes()).toContain(secret);

    db.$client.prepare("update kept set secret = null where id = 3").run();
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    expect(bytes()).not.toContain(secret);
    closeDb(db);
    expect(bytes()).not.toContain(secret);
  });
});
