import { createHash } from "node:crypto";

/**
 * Gives every row of one month's street file an id that is unique within the file and the same
 * every time the same file is imported, so "replace the month" is idempotent.
 *
 * - A row with a Crime ID keeps it. police.uk does repeat a Crime ID on separate rows (16 times in
 *   City of London's 2024-01 file, some identical, some at different places); every row is a
 *   published crime and is kept, so the 2nd, 3rd … occurrence in file order gets "<Crime ID>#2", "#3".
 * - A row without a Crime ID (anti-social behaviour, a few others) gets
 *   "derived-" + the first 40 hex digits of SHA-256 over the month, every other cell of the row, and
 *   its occurrence index among identical rows (real files contain identical ASB rows).
 *
 * Ids derive from the file's content and order, not the import time, so a republished month whose
 * rows changed gets new ids for those rows: consumers replace a month wholesale (delete the
 * force's month, insert the new rows) rather than upserting row by row.
 */
export class CrimeIdentities {
  private readonly crimeIdCounts = new Map<string, number>();
  private readonly contentCounts = new Map<string, number>();

  /** `cells` is the raw CSV row as written in the file; the Crime ID cell (the first) is ignored. */
  idFor(crimeId: string | null, month: string, cells: readonly string[]): string {
    if (crimeId !== null) {
      const seen = (this.crimeIdCounts.get(crimeId) ?? 0) + 1;
      this.crimeIdCounts.set(crimeId, seen);
      return seen === 1 ? crimeId : `${crimeId}#${seen}`;
    }
    // U+001F (unit separator) never appears in police.uk text, so the join is unambiguous.
    const content = cells.slice(1).join("\u001f");
    const occurrence = (this.contentCounts.get(content) ?? 0) + 1;
    this.contentCounts.set(content, occurrence);
    const digest = createHash("sha256").update(`${month}\u001f${content}\u001f${occurrence}`).digest("hex");
    return `derived-${digest.slice(0, 40)}`;
  }
}
