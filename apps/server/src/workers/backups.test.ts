import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { closeDb } from "@wardpanel/db/client";
import { scheduledBackupName } from "@wardpanel/db/operations/scheduled-backups";
import { createTestDbFile } from "@wardpanel/db/testing";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

import { readEnv } from "../env";
import { startScheduledBackups } from "./backups";

const folder = () => mkdtempSync(join(tmpdir(), "wardpanel-scheduled-"));

function recordingLog() {
  const made: string[] = [];
  const errors: unknown[] = [];
  return {
    made,
    errors,
    log: {
      info: (details: object) => made.push((details as { backup: string }).backup),
      error: (details: object) => errors.push(details),
    },
  };
}

describe("scheduled backups", () => {
  it("makes one at once when the folder has none, then one each interval, keeping the newest BACKUP_KEEP", async () => {
    const db = createTestDbFile(join(folder(), "wardpanel.sqlite"));
    const dir = join(folder(), "backups");
    // Not a scheduled backup: the schedule must leave it alone.
    const operatorsOwn = "before-upgrade.sqlite";
    const { made, errors, log } = recordingLog();
    const schedule = startScheduledBackups(db, { dir, intervalMs: 25, keep: 3 }, log);
    while (made.length < 6) await new Promise((resolve) => setTimeout(resolve, 5));
    writeFileSync(join(dir, operatorsOwn), "");
    while (made.length < 7) await new Promise((resolve) => setTimeout(resolve, 5));
    await schedule.stop();
    closeDb(db);

    expect(errors).toEqual([]);
    const files = readdirSync(dir).sort();
    expect(files).toEqual([operatorsOwn, ...made.slice(-3).map((path) => path.slice(dir.length + 1))].sort());
    for (const name of files.filter((f) => f !== operatorsOwn)) {
      const copy = new Database(join(dir, name), { readonly: true });
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      copy.close();
    }
  });

  it("after a restart, waits for the interval since the newest backup instead of making another at once", async () => {
    const db = createTestDbFile(join(folder(), "wardpanel.sqlite"));
    const dir = folder();
    const now = new Date("2030-03-01T12:00:00.000Z");
    writeFileSync(join(dir, scheduledBackupName(new Date("2030-03-01T11:00:00.000Z"))), "");
    const { made, log } = recordingLog();
    const schedule = startScheduledBackups(db, { dir, intervalMs: 2 * 60 * 60 * 1000, keep: 3 }, log, () => now);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await schedule.stop();
    closeDb(db);
    expect(made).toEqual([]);
    expect(readdirSync(dir)).toHaveLength(1);
  });
});

describe("backup settings", () => {
  it("are off unless BACKUP_DIR is set, and default to every 24 hours keeping 14", () => {
    const env = readEnv({});
    expect(env.BACKUP_DIR).toBeUndefined();
    expect(env.BACKUP_INTERVAL).toBe(24 * 60 * 60 * 1000);
    expect(env.BACKUP_KEEP).toBe(14);
    expect(env.RETENTION_MONTHS).toBe(12);
    expect(readEnv({ BACKUP_DIR: "/var/backups/wardpanel", BACKUP_INTERVAL: "90m" })).toMatchObject({
      BACKUP_DIR: "/var/backups/wardpanel",
      BACKUP_INTERVAL: 90 * 60 * 1000,
    });
  });

  it("name the variable that is wrong and say what it should be", () => {
    expect(() => readEnv({ BACKUP_INTERVAL: "24 hours" })).toThrow(
      "BACKUP_INTERVAL: a whole number of minutes, hours or days, like 30m, 24h or 7d",
    );
    expect(() => readEnv({ BACKUP_INTERVAL: "0m" })).toThrow("BACKUP_INTERVAL: at least 1m");
    expect(() => readEnv({ BACKUP_INTERVAL: "30d" })).toThrow("BACKUP_INTERVAL: at most 14d");
    expect(() => readEnv({ BACKUP_KEEP: "0" })).toThrow("BACKUP_KEEP: at least 1");
    expect(() => readEnv({ RETENTION_MONTHS: "twelve" })).toThrow("RETENTION_MONTHS:");
  });
});
