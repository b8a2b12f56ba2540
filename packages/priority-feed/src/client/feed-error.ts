import type { Problem } from "../schema/documents.js";

export type FeedErrorCode =
  | "network" // the server could not be reached, or did not answer in time
  | "unauthorised" // 401: missing, unknown or revoked key
  | "forbidden" // 403: the key may not read this feed
  | "http" // any other unexpected status
  | "invalid-response" // the body was not the JSON the contract promises
  | "unsupported-schema-version"; // a major version this package cannot read

/** Why a sync failed. The feed copy in memory and on disk is left as it was. */
export class FeedError extends Error {
  override readonly name = "FeedError";
  constructor(
    readonly code: FeedErrorCode,
    message: string,
    readonly status: number | null = null,
    readonly problem: Problem | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
