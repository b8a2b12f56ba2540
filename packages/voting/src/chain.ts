// The append-only hash chain. Each entry's hash is SHA-256 (hex) over the previous entry's hash
// followed by the RFC 8785 canonical JSON of { seq, type, at, payload }, so changing, removing or
// reordering any entry changes every hash after it.
import canonicalize from "canonicalize";

import { sha256Hex } from "./sha256.js";

/** prevHash of the first ("opened") entry: 64 zeros. */
export const GENESIS_HASH = "0".repeat(64);

/** "trackers" (record version 3, secret votes only): the cast trackers, sorted, just before "closed". */
export const ENTRY_TYPES = [
  "opened",
  "ballot",
  "paper-voters",
  "tally",
  "trackers",
  "closed",
  "tie-break-choice",
] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

export type UnhashedEntry = { seq: number; type: EntryType; at: string; payload: unknown };
export type ChainEntry = UnhashedEntry & { prevHash: string; hash: string };

/** RFC 8785 (JSON Canonicalization Scheme) form of a JSON value. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError("Only JSON values can be canonicalised.");
  return text;
}

export function hashEntry(prevHash: string, entry: UnhashedEntry): string {
  const { seq, type, at, payload } = entry;
  return sha256Hex(prevHash + canonicalJson({ seq, type, at, payload }));
}

/**
 * The next entry after `previous` (null for the first). This is all the server needs when it stores
 * entries row by row: the previous row's seq and hash.
 */
export function nextEntry(
  previous: Pick<ChainEntry, "seq" | "hash"> | null,
  type: EntryType,
  payload: unknown,
  at: string | Date,
): ChainEntry {
  const entry: UnhashedEntry = {
    seq: previous ? previous.seq + 1 : 0,
    type,
    at: typeof at === "string" ? at : at.toISOString(),
    // Round-trip through JSON so the stored payload is exactly what was hashed (no undefined, no Dates).
    payload: JSON.parse(canonicalJson(payload)) as unknown,
  };
  const prevHash = previous ? previous.hash : GENESIS_HASH;
  return { ...entry, prevHash, hash: hashEntry(prevHash, entry) };
}

/** Returns a new chain with one more entry; the input is not changed. */
export function appendEntry(
  chain: readonly ChainEntry[],
  type: EntryType,
  payload: unknown,
  at: string | Date,
): ChainEntry[] {
  return [...chain, nextEntry(chain.at(-1) ?? null, type, payload, at)];
}
