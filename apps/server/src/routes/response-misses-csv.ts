import type { MissesPeriod, ResponseMiss } from "@wardpanel/db/queries/response-misses";
import { londonIsoTime } from "@wardpanel/meetings/london-time";
import { spreadsheetSafe } from "@wardpanel/priority-feed";
import { stringify } from "csv-stringify/sync";
import type { FastifyReply } from "fastify";

/**
 * The managers' daily report of missed response targets as CSV (RFC 4180: comma-separated, quoted
 * where needed, CRLF line ends, one header row; UTF-8). Times are ISO 8601 on the London clock with
 * their offset; minutes are whole minutes rounded up; `arrived_at`, `minutes_taken` and
 * `minutes_over` are empty while no unit has arrived. Text people typed (call references, titles,
 * names) is made safe for spreadsheets (OWASP "CSV injection").
 */
export const MISSES_CSV_HEADER = [
  "call_reference",
  "received_at",
  "arrived_at",
  "outcome",
  "minutes_taken",
  "target_minutes",
  "minutes_over",
  "priority_id",
  "priority_title",
  "ward_code",
  "ward_name",
  "borough_code",
  "borough_name",
  "reported_by",
] as const;

export function responseMissesCsv(misses: readonly ResponseMiss[]): string {
  const rows = misses.map((m) => [
    spreadsheetSafe(m.callReference),
    londonIsoTime(m.receivedAt),
    m.arrivedAt ? londonIsoTime(m.arrivedAt) : "",
    m.arrivedAt ? "late" : "no unit arrived",
    m.minutesTaken === null ? "" : String(m.minutesTaken),
    String(m.targetMinutes),
    m.minutesOver === null ? "" : String(m.minutesOver),
    String(m.priorityId),
    spreadsheetSafe(m.title),
    m.wardCode,
    spreadsheetSafe(m.wardName),
    m.boroughCode,
    spreadsheetSafe(m.boroughName),
    spreadsheetSafe(m.reportedBy),
  ]);
  return stringify([[...MISSES_CSV_HEADER], ...rows], { record_delimiter: "windows" });
}

/** Sends the report as a download named with its dates: `missed-response-targets-2026-12-07.csv` or `…-2026-12-01-to-2026-12-07.csv`. */
export function sendMissesCsv(reply: FastifyReply, period: MissesPeriod, misses: readonly ResponseMiss[]) {
  const dates = period.fromDate === period.toDate ? period.fromDate : `${period.fromDate}-to-${period.toDate}`;
  return reply
    .type("text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="missed-response-targets-${dates}.csv"`)
    .header("cache-control", "private, no-store")
    .send(responseMissesCsv(misses));
}
