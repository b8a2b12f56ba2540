// Reads a downloaded vote record's shape: every field present with the right type, nothing extra.
import { type ChainEntry, ENTRY_TYPES } from "./chain.js";
import { validateConfig } from "./config.js";
import { hasOnlyKeys, isHash, isRecord, isString, isWholeNumber } from "./guards.js";
import type { VoteRecord } from "./record.js";

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A record whose fields all have the right types; its contents are not yet checked. */
export type RecordShape = VoteRecord & { entries: ChainEntry[] };

/** The record's shape, or a sentence saying what is unreadable. */
export function checkShape(record: unknown): RecordShape | string {
  if (!isRecord(record)) return "This is not a vote record.";
  if (
    record.format !== "wardpanel-vote-record" ||
    (record.version !== 1 && record.version !== 2 && record.version !== 3)
  )
    return "This is not a version 1, 2 or 3 Ward Panel vote record.";
  if (!hasOnlyKeys(record, ["format", "version", "voteId", "ward", "config", "entries", "result", "finalHash"]))
    return "The record contains an unknown field.";
  if (!isString(record.voteId)) return "The record has no vote id.";
  const ward = record.ward;
  if (!isRecord(ward) || !isString(ward.code) || !isString(ward.name)) return "The record has no ward.";
  const config = validateConfig(record.config);
  if (!config.ok) return `The vote settings are not valid: ${config.message}`;
  if (!isHash(record.finalHash)) return "The record has no final hash.";
  if (record.result !== null && !isRecord(record.result)) return "The published result is unreadable.";
  if (!Array.isArray(record.entries)) return "The record has no entries.";
  for (const [i, e] of (record.entries as unknown[]).entries()) {
    const ok =
      isRecord(e) &&
      hasOnlyKeys(e, ["seq", "type", "at", "payload", "prevHash", "hash"]) &&
      isWholeNumber(e.seq) &&
      isString(e.type) &&
      (ENTRY_TYPES as readonly string[]).includes(e.type) &&
      isString(e.at) &&
      ISO_TIME.test(e.at) &&
      "payload" in e &&
      isHash(e.prevHash) &&
      isHash(e.hash);
    if (!ok) return `Entry at position ${i} is unreadable.`;
  }
  return record as RecordShape;
}
