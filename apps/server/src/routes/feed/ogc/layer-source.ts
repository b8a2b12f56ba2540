import { createHash } from "node:crypto";

import type { Db } from "@wardpanel/db/client";
import { type FeedScope, readFeedSnapshot, type ResponseTarget } from "@wardpanel/db/queries/feed";
import { getPriorityUpdatedAt } from "@wardpanel/db/queries/feed-layer";
import { defined } from "@wardpanel/validators";

import { scopeKey } from "../scope";
import { writeGeoPackage } from "./geopackage";
import { type LayerFeature, toLayerFeature } from "./layer-feature";

/**
 * The GIS layer for one scope: every active priority the key may see as layer features, by id,
 * and the GeoPackage of it, built once per change-log cursor and scope (a few hundred ms for
 * thousands of features) and kept with a strong ETag.
 */

export type Layer = { cursor: number; changedAt: Date | null; features: LayerFeature[] };
export type GeoPackageFile = { etag: string; bytes: Buffer };

const MAX_FILES = 16;
const EPOCH = new Date(0);

/** The force's settings that shape items (the feed state's): response target and review grace. */
export type LayerSettings = { responseTarget?: ResponseTarget; reviewGraceDays?: number };

export function readLayer(db: Db, scope: FeedScope, siteUrl: string, settings: LayerSettings = {}): Layer {
  const { cursor, changedAt, items } = readFeedSnapshot(
    db,
    scope,
    siteUrl,
    settings.responseTarget,
    settings.reviewGraceDays,
  );
  const updated = getPriorityUpdatedAt(
    db,
    items.map((item) => item.id),
  );
  const features = items.map((item) => toLayerFeature(item, updated.get(item.id) ?? changedAt ?? EPOCH, siteUrl));
  return { cursor, changedAt, features };
}

export function createGeoPackageCache(db: Db, settings: LayerSettings = {}) {
  const files = new Map<string, GeoPackageFile>();
  return function geoPackageFor(scope: FeedScope, siteUrl: string, head: number): GeoPackageFile {
    const cached = files.get(`${head}|${scopeKey(scope)}|${siteUrl}`);
    if (cached) return cached;
    const layer = readLayer(db, scope, siteUrl, settings);
    const bytes = writeGeoPackage(layer.features, layer.changedAt ?? EPOCH);
    const file = { etag: `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 32)}"`, bytes };
    if (files.size >= MAX_FILES) files.delete(defined(files.keys().next().value, "the oldest cached GeoPackage"));
    files.set(`${layer.cursor}|${scopeKey(scope)}|${siteUrl}`, file);
    return file;
  };
}
