/**
 * The `datetime` parameter of OGC API – Features Part 1 (§7.15.4): an RFC 3339 date-time, or an
 * interval `start/end` where either end may be `..` or empty (open). A feature is selected when
 * its validity [effective, expire) — expire null meaning open — meets the instant or the closed
 * interval. Times without a UTC offset are refused rather than guessed.
 */

export type TimeFilter = { start: number; end: number };
export type TimeFilterResult = { ok: true; filter: TimeFilter | null } | { ok: false; message: string };

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?([Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** null (no filter) when the parameter is absent; otherwise the bounds in ms since the epoch. */
export function parseDatetime(value: unknown): TimeFilterResult {
  if (value === undefined) return { ok: true, filter: null };
  if (typeof value !== "string" || value.trim() === "")
    return { ok: false, message: "datetime must be an RFC 3339 date-time or an interval start/end" };
  const parts = value.split("/");
  if (parts.length > 2) return { ok: false, message: `datetime "${value}" has more than one "/"` };
  if (parts.length === 1) {
    const at = instant(value);
    return at === null ? invalid(value) : { ok: true, filter: { start: at, end: at } };
  }
  const [from = "", to = ""] = parts;
  const start = from === ".." || from === "" ? -Infinity : instant(from);
  const end = to === ".." || to === "" ? Infinity : instant(to);
  if (start === null) return invalid(from);
  if (end === null) return invalid(to);
  if (start > end) return { ok: false, message: `datetime interval "${value}" ends before it starts` };
  return { ok: true, filter: { start, end } };
}

/** Whether [effective, expire) meets the filter's closed [start, end]. */
export function validDuring(filter: TimeFilter, effective: string, expire: string | null): boolean {
  const from = Date.parse(effective);
  const until = expire === null ? Infinity : Date.parse(expire);
  return from <= filter.end && filter.start < until;
}

function instant(text: string): number | null {
  const parts = DATE_TIME.exec(text);
  if (!parts) return null;
  // A real calendar day: Date.parse would roll 30 February over into March.
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day || month < 1 || month > 12) return null;
  const ms = Date.parse(text.replace(" ", "T"));
  return Number.isNaN(ms) ? null : ms;
}

function invalid(text: string): TimeFilterResult {
  return {
    ok: false,
    message: `datetime "${text}" is not an RFC 3339 date-time with a UTC offset, e.g. 2026-12-01T00:00:00Z, or ".."`,
  };
}
