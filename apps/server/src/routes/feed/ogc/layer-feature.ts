import type { FeedGeometry, FeedItem } from "@wardpanel/db/queries/feed";
import { promisedMinutes } from "@wardpanel/priority-feed";

/**
 * One priority as a feature of the GIS layer (OGC API – Features and the GeoPackage), with flat
 * property names of at most 10 characters so a Shapefile (dBASE) export keeps every one.
 * Lifecycle fields follow NENA STA-006: `effective` (Effective), `expire` (Expire), `updated`
 * (DateUpdate) and `agency` (DiscrpAgID: the domain to report a discrepancy to).
 *
 * This is the only place a feed item becomes layer properties: a new item field changes here.
 */

export type LayerProperties = {
  /** The feed's priority id (decimal string). */
  id: string;
  version: number;
  status: FeedItem["status"];
  /** RFC 3339 instant the priority applies from (London midnight of its start date). */
  effective: string;
  /** RFC 3339 instant it stops applying (exclusive): the end of its review date + the force's grace (decision 0029). */
  expire: string | null;
  /** YYYY-MM-DD: when the panel next reviews it. */
  review: string;
  /** RFC 3339 instant of the last change. */
  updated: string;
  /** Domain name of the site publishing the layer, where discrepancies are reported. */
  agency: string;
  ward_code: string;
  ward_name: string;
  bor_code: string;
  bor_name: string;
  /** At most 200 characters. */
  title: string;
  /** police.uk crime category slug, or null. */
  category: string | null;
  flagged: boolean;
  /** Promised attendance in minutes, or null. */
  resp_min: number | null;
  /** Call handler's pop-up, at most 200 characters. */
  popup: string;
  /** The priority on the ward's public page. */
  url: string;
};

export type LayerFeature = { id: string; geometry: FeedGeometry | null; properties: LayerProperties };

/** The layer's fields, in order; every name at most 10 characters (checked by the tests). */
export const LAYER_FIELDS = [
  "id",
  "version",
  "status",
  "effective",
  "expire",
  "review",
  "updated",
  "agency",
  "ward_code",
  "ward_name",
  "bor_code",
  "bor_name",
  "title",
  "category",
  "flagged",
  "resp_min",
  "popup",
  "url",
] as const satisfies readonly (keyof LayerProperties)[];

/** `siteUrl` is the site's origin (https://host); `updatedAt` the priority's last change. */
export function toLayerFeature(item: FeedItem, updatedAt: Date, siteUrl: string): LayerFeature {
  const site = new URL(siteUrl);
  return {
    id: item.id,
    geometry: item.area.geometry,
    properties: {
      id: item.id,
      version: item.version,
      status: item.status,
      effective: item.validFrom,
      expire: item.expiresAt,
      review: item.reviewDate,
      updated: updatedAt.toISOString(),
      agency: site.hostname,
      ward_code: item.ward.code,
      ward_name: item.ward.name,
      bor_code: item.ward.borough.code,
      bor_name: item.ward.borough.name,
      title: item.title,
      category: item.category,
      flagged: item.callHandling.flagged,
      resp_min: promisedMinutes(item.callHandling),
      popup: item.popupText,
      url: new URL(`/wards/${item.ward.code}/priorities#priority-${item.id}`, site).href,
    },
  };
}
