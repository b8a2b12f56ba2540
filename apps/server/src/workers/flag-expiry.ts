import type { Db } from "@wardpanel/db/client";
import { lapseOverdueFlags } from "@wardpanel/db/queries/flag-expiry";

import { repeat, type Repeating, type ScheduleLog } from "./repeat";

/** Flags lapse at London midnight; within five minutes of it is soon enough, as every matcher already stops at `expiresAt`. */
export const FLAG_EXPIRY_INTERVAL_MS = 5 * 60 * 1000;

/**
 * The expiry sweep (decision 0029): at start-up and then every `intervalMs`, lapses the
 * call-handling flag of each active priority past its review date + `graceDays`
 * (PRIORITY_REVIEW_GRACE_DAYS), writing one feed change per lapse (which the webhook worker then
 * announces). Writes nothing when nothing is due; safe beside other processes doing the same
 * (lapseOverdueFlags). `now` is the clock, injectable for tests.
 */
export function startFlagExpirySweep(
  db: Db,
  {
    graceDays,
    log,
    intervalMs = FLAG_EXPIRY_INTERVAL_MS,
    now = () => new Date(),
  }: { graceDays: number; log: ScheduleLog; intervalMs?: number; now?: () => Date },
): Repeating {
  return repeat({
    firstDelayMs: 0,
    intervalMs,
    task: () => {
      const lapsed = lapseOverdueFlags(db, { now: now(), graceDays });
      if (lapsed.length > 0) log.info({ priorityIds: lapsed, graceDays }, "call-handling flags lapsed: review overdue");
    },
    onError: (error) => log.error({ err: error }, "flag expiry sweep failed; it runs again shortly"),
  });
}
