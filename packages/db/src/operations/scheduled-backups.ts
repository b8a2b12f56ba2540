import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

import type Database from "better-sqlite3";

import { backupDatabase } from "./backup";

/** `wardpanel-2025-01-31T02-00-00-000Z.sqlite`: UTC, so names sort in the order they were made. */
const NAME = /^wardpanel-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.sqlite$/;

export const scheduledBackupName = (at: Date) => `wardpanel-${at.toISOString().replace(/[:.]/g, "-")}.sqlite`;

/** The scheduled backups in `dir`, oldest first, with when each was made. Other files are not ours and are left alone. */
function listScheduledBackups(dir: string): { name: string; path: string; madeAt: Date }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return names
    .flatMap((name) => {
      const m = NAME.exec(name);
      return m ? [{ name, path: join(dir, name), madeAt: new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`) }] : [];
    })
    .sort((a, b) => a.madeAt.getTime() - b.madeAt.getTime());
}

/**
 * Makes one scheduled backup of `source` in `dir` (created if missing), then deletes the oldest
 * scheduled backups so that `keep` remain. Copies in steps, so the server keeps serving.
 * Returns the new file's path and the paths deleted.
 */
export async function runScheduledBackup(
  source: Database.Database,
  { dir, keep, now }: { dir: string; keep: number; now: Date },
) {
  mkdirSync(dir, { recursive: true });
  const { path } = await backupDatabase(source, join(dir, scheduledBackupName(now)), { pace: "in-steps" });
  const backups = listScheduledBackups(dir);
  const removed = backups.slice(0, Math.max(0, backups.length - keep)).map((b) => b.path);
  for (const old of removed) rmSync(old, { force: true });
  return { path, removed };
}

/** Milliseconds until the next backup is due: `intervalMs` after the newest one, or now if there is none or it is overdue. */
export function msUntilNextBackup(dir: string, intervalMs: number, now: Date): number {
  const newest = listScheduledBackups(dir).at(-1);
  return newest ? Math.max(0, newest.madeAt.getTime() + intervalMs - now.getTime()) : 0;
}
