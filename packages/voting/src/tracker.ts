// Ballot trackers: a short code for each ballot that the voter keeps and later finds in the
// published list (as Helios and Belenios do). Decision 0038. Open votes: derived from the ballot's
// entry in the hash chain (the record names the voter anyway). Secret votes: drawn at random at
// cast, stored apart from the ballot and listed, sorted, in a "trackers" entry at close, so a
// tracker proves a ballot was counted but cannot lead to it (it is no receipt of how anyone voted).
// Pure (no Node APIs: Web Crypto only), so the result page and the browser verifier can use it.
import type { ChainEntry } from "./chain.js";
import { isRecord, isStringArray } from "./guards.js";
import type { VoteConfig } from "./types.js";

type Entry = Pick<ChainEntry, "seq" | "type" | "hash" | "payload">;

/** Crockford's base32 alphabet: digits and capitals without I, L, O and U, which are misread. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** Characters in a tracker: 10 base32 characters are 50 bits of the entry hash. */
export const TRACKER_LENGTH = 10;
/** How many characters a tracker grows by when it would repeat an earlier ballot's tracker. */
const GROWTH = 2;
/** The most a tracker can hold: a 256-bit hash is 51 whole base32 characters. */
const MAX_LENGTH = 51;

/**
 * The first `length` Crockford base32 characters of a SHA-256 hex hash, read from its most
 * significant bit, grouped in fours with hyphens: "K3F9-2QXA-7M".
 */
export function trackerFromHash(hash: string, length = TRACKER_LENGTH): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new TypeError("A tracker is made from a 64-character hex SHA-256 hash.");
  const bits = [...hash].map((h) => parseInt(h, 16).toString(2).padStart(4, "0")).join("");
  let chars = "";
  for (let i = 0; i < Math.min(length, MAX_LENGTH); i++) chars += ALPHABET[parseInt(bits.slice(i * 5, i * 5 + 5), 2)];
  return (chars.match(/.{1,4}/g) ?? []).join("-");
}

/**
 * Every ballot's tracker, in chain order. A ballot's tracker is the first 10 base32 characters of
 * its "ballot" entry's hash (trackerFromHash). Should it repeat the tracker of an earlier ballot in
 * the same vote (a 1 in 2^50 chance per pair), it takes 2 more characters until it is unique, so
 * every tracker in a vote is different and anyone can derive the same list from the record.
 */
export function ballotTrackers(entries: readonly Pick<ChainEntry, "seq" | "type" | "hash">[]): {
  seq: number;
  tracker: string;
}[] {
  const taken = new Set<string>();
  const out: { seq: number; tracker: string }[] = [];
  for (const entry of entries) {
    if (entry.type !== "ballot") continue;
    let length = TRACKER_LENGTH;
    let tracker = trackerFromHash(entry.hash, length);
    while (taken.has(tracker) && length < MAX_LENGTH) {
      length += GROWTH;
      tracker = trackerFromHash(entry.hash, length);
    }
    taken.add(tracker);
    out.push({ seq: entry.seq, tracker });
  }
  return out;
}

/** The tracker of the ballot in entry `seq` (the entries must include it and every earlier ballot). */
export function trackerOfEntry(entries: readonly Pick<ChainEntry, "seq" | "type" | "hash">[], seq: number): string {
  const found = ballotTrackers(entries).find((t) => t.seq === seq);
  if (!found) throw new RangeError(`Entry ${seq} is not a ballot.`);
  return found.tracker;
}

/** The published list: every tracker, sorted, so list position says nothing about when a ballot was cast. */
export function publishedTrackers(entries: readonly Pick<ChainEntry, "seq" | "type" | "hash">[]): string[] {
  return ballotTrackers(entries)
    .map((t) => t.tracker)
    .sort();
}

/**
 * A tracker as someone types it, for searching: capitals, no spaces or hyphens, and the letters
 * Crockford base32 reads as digits (O as 0, I and L as 1). "k3f9 2qxa-7m" → "K3F92QXA7M".
 */
export function normaliseTracker(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

/** A random tracker's form: 10 Crockford base32 characters grouped 4-4-2, "K3F9-2QXA-7M". */
export const RANDOM_TRACKER = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/;

/**
 * A secret vote's tracker: 10 characters (50 bits) from the Web Crypto random source, in the same
 * form as a derived one, drawn again until it is not in `taken` (the vote's trackers so far).
 */
export function randomTracker(taken: ReadonlySet<string> = new Set()): string {
  for (;;) {
    // 256 is a multiple of 32, so each byte's low 5 bits are uniform.
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(TRACKER_LENGTH));
    const chars = [...bytes].map((b) => ALPHABET[b & 31]).join("");
    const tracker = (chars.match(/.{1,4}/g) ?? []).join("-");
    if (!taken.has(tracker)) return tracker;
  }
}

/** How a record's trackers were made: "cast" (random, listed in a "trackers" entry) or "entry" (entry hashes). */
export type TrackerKind = "cast" | "entry";

/**
 * The record's tracker list, sorted, and how it was made: a secret vote's "trackers" entry when
 * the record has one (version 3), otherwise every ballot entry's derived tracker (open votes, and
 * secret votes recorded before version 3).
 */
export function recordTrackers(entries: readonly Entry[]): { kind: TrackerKind; trackers: string[] } {
  const listed = entries.find((e) => e.type === "trackers");
  if (listed) {
    const p = listed.payload;
    const trackers = isRecord(p) && isStringArray(p.trackers) ? [...p.trackers].sort() : [];
    return { kind: "cast", trackers };
  }
  return { kind: "entry", trackers: publishedTrackers(entries) };
}

/** Whether a vote's trackers are drawn at random at cast: secret ballots (decision 0038). */
export const tracksCasts = (config: Pick<VoteConfig, "ballotSecrecy">): boolean => config.ballotSecrecy === "secret";

/**
 * Checks a published tracker list against the record's (recordTrackers): the same trackers, each
 * once. Returns a reason naming the first difference, or null when they match.
 */
export function checkTrackerList(entries: readonly Entry[], published: readonly string[]): string | null {
  const { kind, trackers: listed } = recordTrackers(entries);
  const expected = new Set(listed);
  const seen = new Set<string>();
  for (const tracker of published) {
    if (seen.has(tracker)) return `Tracker ${tracker} is listed twice.`;
    seen.add(tracker);
    if (!expected.has(tracker))
      return kind === "cast"
        ? `Tracker ${tracker} is not in the record's list of cast trackers.`
        : `Tracker ${tracker} is not the tracker of any ballot in the record.`;
  }
  const missing = [...expected].find((t) => !seen.has(t));
  if (missing !== undefined)
    return kind === "cast"
      ? `Tracker ${missing} is in the record but missing from the list.`
      : `The ballot with tracker ${missing} is in the record but missing from the list.`;
  return null;
}
