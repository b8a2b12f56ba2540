import { createHash } from "node:crypto";

import type { FeedItem, FeedScope } from "@wardpanel/db/queries/feed";
import { FEED_SCHEMA_VERSION } from "@wardpanel/priority-feed";

import { FEED_CSV_HEADER, feedCsvRows } from "../feed-csv";
import { feedFeature } from "../feed-geojson";
import { createRepresentation, type Representation } from "./representation";
import type { SlicedJob } from "./sliced";

/**
 * The feed's rendered read-only views — the snapshot (`GET /priorities`), GeoJSON and CSV — for
 * one scope and site address, written from the items in memory a few items per step, so a large
 * feed is rendered in slices (sliced.ts) and never in one long stretch of the event loop.
 */

export type ViewKind = "snapshot" | "geojson" | "csv";
export type ViewRequest = { kind: ViewKind; scope: FeedScope; siteUrl: string };

/**
 * Items are kept with links made against this placeholder address (a reserved .invalid name, RFC
 * 6761) and each view puts the requesting site's own address in its place while it writes.
 */
export const PLACEHOLDER_SITE = "https://wardpanel.invalid";
const PLACEHOLDER_PREFIX = `${PLACEHOLDER_SITE}/`;
const ITEMS_PER_STEP = 25;
const EPOCH = "1970-01-01T00:00:00.000Z";

/**
 * Each item's JSON (and GeoJSON feature's), written once per item: a build keeps the objects of
 * the priorities that did not change, so a snapshot after one change writes one item anew.
 */
const itemJson = new WeakMap<FeedItem, string>();
const featureJson = new WeakMap<FeedItem, string>();

function jsonOf(item: FeedItem, kind: "snapshot" | "geojson"): string {
  const cache = kind === "snapshot" ? itemJson : featureJson;
  let json = cache.get(item);
  if (json === undefined) {
    json = JSON.stringify(kind === "snapshot" ? item : feedFeature(item));
    cache.set(item, json);
  }
  return json;
}

const TYPES: Record<ViewKind, string> = {
  snapshot: "application/json",
  geojson: "application/geo+json",
  csv: "text/csv; charset=utf-8",
};

/** Whether an item is in a scope: the key's boroughs (none = all of London), then a ward or borough filter. */
export function inScope(item: FeedItem, scope: FeedScope): boolean {
  const borough = item.ward.borough.code;
  if (scope.boroughCodes.length > 0 && !scope.boroughCodes.includes(borough)) return false;
  if (scope.wardCode && item.ward.code !== scope.wardCode) return false;
  return !(scope.boroughCode && borough !== scope.boroughCode);
}

/**
 * Renders a view of `items` (all of London, by id, at `cursor`) as steps; the result's ETag is the
 * sha256 of the exact bytes, hashed as they are written. generatedAt is the time of the last
 * change, not of the request, so equal states render equal bytes.
 */
export function* renderView(
  view: ViewRequest,
  state: { cursor: number; changedAt: Date | null; items: readonly FeedItem[] },
): SlicedJob<Representation> {
  const origin = new URL(view.siteUrl).origin;
  const json = view.kind !== "csv";
  // In JSON the address is written escaped, as JSON.stringify would.
  const replacement = `${json ? JSON.stringify(origin).slice(1, -1) : origin}/`;
  const relink = (text: string) =>
    origin === PLACEHOLDER_SITE ? text : text.replaceAll(PLACEHOLDER_PREFIX, replacement);
  // Encoded and hashed a chunk per step, so no step encodes or hashes the whole body.
  const parts: Buffer[] = [];
  const hash = createHash("sha256");
  const write = (text: string) => {
    const bytes = Buffer.from(text, "utf8");
    parts.push(bytes);
    hash.update(bytes);
  };

  if (view.kind === "snapshot") {
    const generatedAt = state.changedAt?.toISOString() ?? EPOCH;
    write(`{"schemaVersion":${JSON.stringify(FEED_SCHEMA_VERSION)},"cursor":"${state.cursor}",`);
    write(`"generatedAt":"${generatedAt}","items":[`);
  } else if (view.kind === "geojson") write(`{"type":"FeatureCollection","features":[`);
  else write(FEED_CSV_HEADER);

  let first = true;
  for (let start = 0; start < state.items.length; start += ITEMS_PER_STEP) {
    yield;
    const chunk = state.items.slice(start, start + ITEMS_PER_STEP).filter((item) => inScope(item, view.scope));
    if (chunk.length === 0) continue;
    if (view.kind === "csv") write(relink(feedCsvRows(chunk)));
    else {
      const kind = view.kind;
      const text = chunk.map((item) => jsonOf(item, kind)).join(",");
      write(relink(first ? text : `,${text}`));
    }
    first = false;
  }
  if (json) write("]}");
  yield;
  // One buffer, copied into a part per step: a single copy of a 3 MB body takes ~10 ms on a busy machine.
  const body = Buffer.allocUnsafe(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    offset += part.copy(body, offset);
    yield;
  }
  return createRepresentation(body, TYPES[view.kind], hash.digest("base64url"));
}

/** A cache key for a view. */
export function viewKey(view: ViewRequest): string {
  const { scope } = view;
  return `${view.kind}|${scope.boroughCodes.join(",")}|${scope.wardCode ?? ""}|${scope.boroughCode ?? ""}|${view.siteUrl}`;
}
