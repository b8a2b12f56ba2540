import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { closeDb } from "@wardpanel/db/client";
import { createTestDbFile } from "@wardpanel/db/testing";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";

import { runCliInProcess } from "../testing/cli-in-process";
import { runCliProcess } from "../testing/cli-process";
import { startServerProcess } from "../testing/server-process";

const WRITER = fileURLToPath(new URL("../testing/db-writer.mjs", import.meta.url));
const folder = () => mkdtempSync(join(tmpdir(), "wardpanel-backup-"));
// The backup and the refusal beside a server start real processes; on a busy machine that takes a while.
const PROCESS_TIMEOUT = 300_000;

/** A migrated database file with the real wards: a few MB, so a backup takes more than one step. */
function freshDatabase(): string {
  const path = join(folder(), "wardpanel.sqlite");
  closeDb(createTestDbFile(path));
  return path;
}

const concernIds = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare("select id from concerns order by id").all() as { id: number }[]).map((r) => r.id);
  } finally {
    db.close();
  }
};

const integrity = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma("integrity_check", { simple: true });
  } finally {
    db.close();
  }
};

describe("pnpm cli backup and restore", { timeout: PROCESS_TIMEOUT }, () => {
  let databasePath: string;
  let backupPath: string;
  let acknowledgedBeforeBackup: number[];

  beforeAll(async () => {
    databasePath = freshDatabase();
    // Into a folder that does not exist yet, as the README's `backups/before-upgrade.sqlite` on a fresh clone.
    backupPath = join(folder(), "backups", "backup.sqlite");
    // A writer in another process commits a concern every few milliseconds throughout the backup.
    const writer = spawn(process.execPath, [WRITER, databasePath], { stdio: ["ignore", "pipe", "inherit"] });
    const acknowledged: number[] = [];
    let pending = "";
    writer.stdout.on("data", (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split("\n");
      pending = lines.pop() ?? "";
      acknowledged.push(...lines.map(Number));
    });
    try {
      while (acknowledged.length < 50) await new Promise((resolve) => setTimeout(resolve, 10));
      acknowledgedBeforeBackup = [...acknowledged];
      // As its own process, as operators run it: the one test here of the real `pnpm cli` end to end.
      const run = await runCliProcess(["backup", backupPath], { DATABASE_PATH: databasePath });
      expect(run.stderr).toBe("");
      expect(run.stdout).toContain(`to ${backupPath}`);
      expect(run.code).toBe(0);
      // The writer kept committing while the backup ran.
      expect(acknowledged.length).toBeGreaterThan(acknowledgedBeforeBackup.length);
    } finally {
      writer.kill("SIGKILL");
    }
  }, PROCESS_TIMEOUT);

  it("makes a backup, during a stream of writes, that passes integrity_check and restores with every write acknowledged before it started", async () => {
    expect(integrity(backupPath)).toBe("ok");
    const restoredPath = join(folder(), "restored.sqlite");
    const run = await runCliInProcess(["restore", backupPath], { DATABASE_PATH: restoredPath });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Restored ${backupPath} into ${restoredPath}`);
    expect(integrity(restoredPath)).toBe("ok");
    const restored = new Set(concernIds(restoredPath));
    expect(acknowledgedBeforeBackup.filter((id) => !restored.has(id))).toEqual([]);
  });

  it("never overwrites an existing file", async () => {
    const run = await runCliInProcess(["backup", backupPath], { DATABASE_PATH: databasePath });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${backupPath} already exists`);
  });

  it("restoring over a database keeps the one it replaced beside it", async () => {
    const target = freshDatabase();
    const run = await runCliInProcess(["restore", backupPath], { DATABASE_PATH: target });
    expect(run.code).toBe(0);
    const kept = readdirSync(join(target, "..")).find((name) => name.startsWith("wardpanel.sqlite.before-restore-"));
    expect(kept).toBeDefined();
    expect(run.stdout).toContain(`kept at ${join(target, "..", kept!)}`);
    expect(concernIds(join(target, "..", kept!))).toEqual([]);
    expect(concernIds(target).length).toBeGreaterThanOrEqual(acknowledgedBeforeBackup.length);
  });

  describe("refusals, which change nothing", () => {
    let target: string;
    beforeAll(() => {
      target = freshDatabase();
      const db = new Database(target);
      db.prepare(
        "insert into concerns (ward_code, source, description, location, category) values ('E05013653', 'snt', 'Kept', 'Here', 'Other')",
      ).run();
      db.close();
    }, PROCESS_TIMEOUT);
    const unchanged = () => expect(concernIds(target)).toEqual([1]);

    it("refuses a damaged backup", async () => {
      const damaged = join(folder(), "damaged.sqlite");
      copyFileSync(backupPath, damaged);
      const db = new Database(damaged, { readonly: true });
      const { rootpage } = db.prepare("select rootpage from sqlite_master where name = 'concerns'").get() as {
        rootpage: number;
      };
      const pageSize = db.pragma("page_size", { simple: true }) as number;
      db.close();
      // Overwrite the concerns table's root page header: no longer a b-tree page.
      const file = await open(damaged, "r+");
      await file.write(Buffer.alloc(64, 0xff), 0, 64, (rootpage - 1) * pageSize);
      await file.close();

      const run = await runCliInProcess(["restore", damaged], { DATABASE_PATH: target });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`^Not restored: ${damaged} (is damaged|cannot be read)`));
      unchanged();
    });

    it("refuses a file that is not a database at all", async () => {
      const notes = join(folder(), "notes.sqlite");
      writeFileSync(notes, "These are not the rows you are looking for.\n".repeat(200));
      const run = await runCliInProcess(["restore", notes], { DATABASE_PATH: target });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`Not restored: ${notes} cannot be read as a Ward Panel backup`);
      unchanged();
    });

    it("refuses a backup with a migration this version does not know", async () => {
      const newer = join(folder(), "newer.sqlite");
      copyFileSync(backupPath, newer);
      const db = new Database(newer);
      db.prepare("insert into __drizzle_migrations (hash, created_at) values (?, ?)").run(
        "f".repeat(64),
        Date.UTC(2099, 0, 1),
      );
      db.close();
      const run = await runCliInProcess(["restore", newer], { DATABASE_PATH: target });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `Not restored: ${newer} was made by a newer version of Ward Panel (it has a migration from 2099-01-01T00:00:00.000Z`,
      );
      unchanged();
    });

    it("refuses while a server holds the database, and says to stop it", async () => {
      const server = await startServerProcess(
        { DATABASE_PATH: target, DEMO_DATA: "false" },
        { startTimeoutMs: PROCESS_TIMEOUT / 2 },
      );
      try {
        const run = await runCliInProcess(["restore", backupPath], { DATABASE_PATH: target });
        expect(run.code).toBe(1);
        expect(run.stderr).toContain(
          `Not restored: ${target} is in use by a running Ward Panel server or restore. Stop the server`,
        );
        expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      } finally {
        server.process.kill("SIGTERM");
        await server.exited;
      }
      unchanged();
      expect(existsSync(`${target}.restoring`)).toBe(false);
    });
  });
});
