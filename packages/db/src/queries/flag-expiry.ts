import { and, eq, isNull, lte } from "drizzle-orm";

import type { Db } from "../client";
import { priorities } from "../schema";
import { recordFeedChange } from "./priorities";
import { lastLapsedReviewDate } from "./review-expiry";

/** The change log's reason for a lapse, as Staff → Control rooms and `changes` consumers read it. */
export const FLAG_LAPSED_REASON = "60-minute response flag lapsed: review overdue";

/**
 * The expiry sweep (issue 14 item 5, decision 0029): every active priority flagged for call
 * handling whose review date + `graceDays` has passed at `now` (reviewExpiry) loses its flag
 * until the sergeant reviews it. Each lapse is a change like any other: the priority's version
 * rises, `updated_at` and `flag_lapsed_at` become `now`, and a change-log row is written in the same
 * transaction, so `/changes` carries it and webhooks fire.
 *
 * Idempotent and safe with several processes: the transaction takes SQLite's write lock before
 * reading (IMMEDIATE), and each update is conditional on the version it read and on no lapse yet,
 * so a priority is lapsed once however many sweeps run. Nothing due: nothing is written.
 * Returns the ids lapsed, by id.
 */
export function lapseOverdueFlags(db: Db, params: { now: Date; graceDays: number }): number[] {
  const cutoff = lastLapsedReviewDate(params.now, params.graceDays);
  return db.transaction(
    () => {
      const due = db
        .select({ id: priorities.id, version: priorities.version })
        .from(priorities)
        .where(
          and(
            eq(priorities.status, "active"),
            eq(priorities.isCallHandlingFlagged, true),
            isNull(priorities.flagLapsedAt),
            lte(priorities.reviewDate, cutoff),
          ),
        )
        .orderBy(priorities.id)
        .all();
      const lapsed: number[] = [];
      for (const priority of due) {
        const version = priority.version + 1;
        const { changes } = db
          .update(priorities)
          .set({ flagLapsedAt: params.now, version, updatedAt: params.now })
          .where(
            and(
              eq(priorities.id, priority.id),
              eq(priorities.version, priority.version),
              isNull(priorities.flagLapsedAt),
            ),
          )
          .run();
        if (changes !== 1) continue;
        recordFeedChange(db, { id: priority.id, version }, "upsert", FLAG_LAPSED_REASON, params.now);
        lapsed.push(priority.id);
      }
      return lapsed;
    },
    { behavior: "immediate" },
  );
}
