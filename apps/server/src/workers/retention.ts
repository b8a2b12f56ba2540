import type { Db } from "@wardpanel/db/client";
import { runRetention } from "@wardpanel/db/queries/retention";

import { repeat, type Repeating, type ScheduleLog } from "./repeat";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The daily retention run (docs/personal-data.md): once at start-up, then every 24 hours. */
export function startDailyRetention(
  db: Db,
  { retentionMonths }: { retentionMonths: number },
  log: ScheduleLog,
): Repeating {
  return repeat({
    firstDelayMs: 0,
    intervalMs: DAY_MS,
    task: () => {
      const removed = runRetention(db, { now: new Date(), retentionMonths });
      log.info({ removed, retentionMonths }, "retention run");
    },
    onError: (error) => log.error({ err: error }, "retention run failed; it runs again tomorrow"),
  });
}
