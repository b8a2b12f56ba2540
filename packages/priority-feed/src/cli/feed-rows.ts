import type { AreaGeometry } from "../schema/geometry.js";
import type { FeedPriority } from "../schema/priority.js";
import { promisedMinutes } from "../version.js";
import { spreadsheetSafe } from "./spreadsheet-safe.js";

/**
 * The feed as spreadsheet rows: one per priority and matcher, the shape control rooms kept by
 * hand before the feed existed. A priority with no matcher at all still gets a row ("none"),
 * so it is visible that it can never match a call.
 */
export const FEED_COLUMNS = [
  "priority_id",
  "version",
  "status",
  "title",
  "ward_code",
  "ward_name",
  "borough_code",
  "borough_name",
  "category",
  "flagged",
  "response_target_minutes",
  "valid_from",
  "review_date",
  "expires_at",
  "matcher",
  "value",
  "popup_text",
];

export function feedRows(items: readonly FeedPriority[]): unknown[][] {
  const rows: unknown[][] = [];
  for (const item of items) {
    const head = [
      item.id,
      item.version,
      item.status,
      spreadsheetSafe(item.title),
      item.ward.code,
      spreadsheetSafe(item.ward.name),
      item.ward.borough.code,
      spreadsheetSafe(item.ward.borough.name),
      item.category ?? "",
      item.callHandling.flagged ? "yes" : "no",
      promisedMinutes(item.callHandling) ?? "",
      item.validFrom,
      item.reviewDate,
      item.expiresAt ?? "",
    ];
    const matchers: [string, string][] = [
      ...(item.area.geometry ? [["area", describeArea(item.area.geometry)] as [string, string]] : []),
      ...item.area.streets.map((s): [string, string] => ["street", spreadsheetSafe(s)]),
      ...item.area.postcodes.map((p): [string, string] => ["postcode", p]),
      ...item.area.postcodeSectors.map((p): [string, string] => ["postcode-sector", p]),
      ...item.area.beats.map((b): [string, string] => ["beat", spreadsheetSafe(b)]),
    ];
    if (matchers.length === 0) matchers.push(["none", ""]);
    for (const [matcher, value] of matchers) rows.push([...head, matcher, value, spreadsheetSafe(item.popupText)]);
  }
  return rows;
}

/** "Polygon, 24 points, bbox -0.150,51.530,-0.130,51.550": enough to spot a wrong area. */
export function describeArea(geometry: AreaGeometry): string {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let points = 0,
    minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      points += ring.length;
      for (const [x, y] of ring) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
    }
  }
  const parts = geometry.type === "MultiPolygon" ? `, ${polygons.length} parts` : "";
  return `${geometry.type}${parts}, ${points} points, bbox ${[minX, minY, maxX, maxY].map((n) => n.toFixed(5)).join(",")}`;
}
