import { randomBytes } from "node:crypto";

import { isStorageFailure, READ_NOT_ANSWERED, WRITE_NOT_SAVED } from "@wardpanel/db/storage-errors";

/**
 * What a client is told about a failure that is ours, not theirs. Never the error's own message:
 * SQLite's words ("no such column", "UNIQUE constraint failed: users.email") name our tables and
 * sometimes the data. The error id is in the response and in the log line, so a person who quotes
 * it leads straight to the stack trace.
 */
type Fault = { status: 500 | 503; errorId: string; message: string };

const ids = new WeakMap<object, string>();

/** 8 hex digits, random, the same each time it is asked for the same error object. */
function errorIdOf(error: unknown): string {
  if (typeof error !== "object" || error === null) return randomBytes(4).toString("hex");
  let id = ids.get(error);
  if (!id) {
    id = randomBytes(4).toString("hex");
    ids.set(error, id);
  }
  return id;
}

/**
 * The answer to an unexpected error: 503 with a plain message when the database could not take
 * the request (storage-errors.ts: full, read-only, I/O), otherwise 500 with a message carrying
 * the error id. `isWrite` picks "could not save this" over "could not answer".
 */
export function describeFault(error: unknown, { isWrite }: { isWrite: boolean }): Fault {
  const errorId = errorIdOf(error);
  if (isStorageFailure(error)) return { status: 503, errorId, message: isWrite ? WRITE_NOT_SAVED : READ_NOT_ANSWERED };
  return {
    status: 500,
    errorId,
    message: `An unexpected error stopped this (error ${errorId}). If it keeps happening, quote that error number.`,
  };
}
