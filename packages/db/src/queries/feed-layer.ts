import { inArray } from "drizzle-orm";

import type { Db } from "../client";
import { priorities } from "../schema";

/**
 * When each priority last changed (priorities.updated_at), for the GIS layer's `updated` field
 * (NENA STA-006 DateUpdate). Kept out of the feed's JSON items, whose schema is published.
 * Returns id (as the feed writes it, a decimal string) → instant; unknown ids are absent.
 */
export function getPriorityUpdatedAt(db: Db, priorityIds: readonly string[]): Map<string, Date> {
  const ids = priorityIds.map(Number).filter((id) => Number.isSafeInteger(id));
  if (ids.length === 0) return new Map();
  const rows = db
    .select({ id: priorities.id, updatedAt: priorities.updatedAt })
    .from(priorities)
    .where(inArray(priorities.id, ids))
    .all();
  return new Map(rows.map((row) => [String(row.id), row.updatedAt]));
}
