/** What a control room knows about a call when it asks whether the call relates to a priority. */
export interface Call {
  /** Incident location, WGS84. Both or neither; an incomplete pair is ignored. */
  lon?: number | null;
  lat?: number | null;
  /**
   * The street as the CAD has it: a bare name, police.uk's "On or near …", or a whole address line
   * ("Flat 3, 12A Upr Marchmont St, London WC1N 1AB"); see README, "Street normalisation rules".
   */
  street?: string | null;
  /**
   * The incident's ward as an ONS GSS code ("E05013806"), when the CAD knows it; any case or
   * spacing. A street then matches only priorities of that ward (README, "Matching").
   */
  ward?: string | null;
  /** Full postcode ("NW1 7DX") or a sector ("NW1 7"); any case or spacing. */
  postcode?: string | null;
  /** Force beat code. */
  beat?: string | null;
  /** Police.uk slug or "Crime type" name. Never excludes a priority; see README, "Category". */
  category?: string | null;
  /** When the call was made: a Date, ISO 8601 text or epoch milliseconds. Defaults to now. */
  at?: Date | string | number | null;
}

/** The call's time as epoch milliseconds; throws a RangeError for something that is not a time. */
export function callTime(at: Call["at"]): number {
  if (at === undefined || at === null) return Date.now();
  const ms = typeof at === "number" ? at : typeof at === "string" ? Date.parse(at) : at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`call time is not a valid date/time: ${String(at)}`);
  return ms;
}
