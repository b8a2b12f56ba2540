import type { Db } from "@wardpanel/db/client";
import { msUntilNextBackup, runScheduledBackup } from "@wardpanel/db/operations/scheduled-backups";

import { repeat, type Repeating, type ScheduleLog } from "./repeat";

type BackupSchedule = { dir: string; intervalMs: number; keep: number };

/**
 * The server's own backups (BACKUP_DIR, BACKUP_INTERVAL, BACKUP_KEEP): the first is due one
 * interval after the newest already in the folder (at once if there is none), so restarting the
 * server neither skips a backup nor makes an extra one. Each run keeps the newest `keep`.
 */
export function startScheduledBackups(
  db: Db,
  { dir, intervalMs, keep }: BackupSchedule,
  log: ScheduleLog,
  now: () => Date = () => new Date(),
): Repeating {
  return repeat({
    firstDelayMs: msUntilNextBackup(dir, intervalMs, now()),
    intervalMs,
    task: async () => {
      const { path, removed } = await runScheduledBackup(db.$client, { dir, keep, now: now() });
      log.info({ backup: path, removed }, "scheduled backup made");
    },
    onError: (error) => log.error({ err: error, dir }, "scheduled backup failed; the next is tried after the interval"),
  });
}
