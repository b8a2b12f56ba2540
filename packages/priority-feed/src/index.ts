/**
 * @wardpanel/priority-feed — the package a control room's integration team installs.
 *
 * It depends on no other package of Ward Panel's, so it can be vendored or published alone.
 * Four parts, each usable alone: the feed schema (zod, and feed.schema.json for other languages),
 * the matcher (does this call relate to an agreed priority?), the syncing client with its
 * last-good cache, and the `priority-feed` command-line tool.
 */
export { spreadsheetSafe } from "./cli/spreadsheet-safe.js";
export { type CachedFeed, type CacheReadResult, readCacheFile } from "./client/cache-file.js";
export {
  applyChanges,
  createFeedClient,
  type FeedClient,
  type FeedClientOptions,
  type FeedWarning,
  type Staleness,
  type SyncResult,
} from "./client/feed-client.js";
export { FeedError, type FeedErrorCode } from "./client/feed-error.js";
export {
  createMultiFeedClient,
  type FeedMatch,
  type FeedSource,
  type FeedSyncOutcome,
  type MultiFeedClient,
} from "./client/multi-feed-client.js";
export type { Call } from "./match/call.js";
export { createMatcher, type Match, type Matcher, matcherSteps, type MatchKind } from "./match/matcher.js";
export {
  isStreetKey,
  isWardCode,
  normaliseBeat,
  normaliseCategory,
  normalisePostcode,
  normaliseStreet,
  normaliseWard,
} from "./match/normalise.js";
export { drain, type Steps } from "./match/steps.js";
export { CRIME_CATEGORIES, CrimeCategory } from "./schema/categories.js";
export {
  FeedChange,
  FeedChangesPage,
  FeedCursor,
  FeedSnapshot,
  Problem,
  RemoveChange,
  UpsertChange,
} from "./schema/documents.js";
export { AreaGeometry, LinearRing, MultiPolygon, Polygon, Position } from "./schema/geometry.js";
export { buildFeedJsonSchema } from "./schema/json-schema.js";
export {
  CallHandling,
  DecisionRecord,
  FeedPriority,
  FeedWard,
  POSTCODE_PATTERN,
  POSTCODE_SECTOR_PATTERN,
  PriorityArea,
  PriorityStatus,
} from "./schema/priority.js";
export {
  canReadSchemaVersion,
  FEED_SCHEMA_VERSION,
  PRIORITY_RESPONSE_TARGET_MINUTES,
  promisedMinutes,
} from "./version.js";
