import type { FeedGeometry, FeedItem } from "@wardpanel/db/queries/feed";
import { spreadsheetSafe as safe } from "@wardpanel/priority-feed";
import { stringify } from "csv-stringify/sync";

/**
 * The feed for spreadsheets: one row per priority and matcher (area, street, postcode…), or one
 * `none` row, as the package's `priority-feed csv` prints it.
 */
const HEADER = [
  "priority_id",
  "version",
  "ward_code",
  "ward_name",
  "borough_code",
  "borough_name",
  "title",
  "category",
  "flagged",
  "response_target_minutes",
  "valid_from",
  "review_date",
  "matcher",
  "value",
  "popup_text",
];

export function feedCsv(items: readonly FeedItem[]): string {
  return FEED_CSV_HEADER + feedCsvRows(items);
}

/** The header line as csv-stringify writes it, ending in a newline. */
export const FEED_CSV_HEADER = stringify([HEADER]);

/** The rows of some items, without the header, so a large feed can be written a few items at a time. */
export function feedCsvRows(items: readonly FeedItem[]): string {
  const rows: string[][] = [];
  for (const item of items) {
    const base = [
      item.id,
      String(item.version),
      item.ward.code,
      safe(item.ward.name),
      item.ward.borough.code,
      safe(item.ward.borough.name),
      safe(item.title),
      item.category ?? "",
      item.callHandling.flagged ? "yes" : "no",
      String(item.callHandling.responseTarget?.minutes ?? ""),
    ];
    const tail = [item.validFrom, item.reviewDate];
    const matchers: [string, string][] = [
      ...(item.area.geometry ? [["area", describeArea(item.area.geometry)] as [string, string]] : []),
      ...item.area.streets.map((s) => ["street", safe(s)] as [string, string]),
      ...item.area.postcodes.map((p) => ["postcode", p] as [string, string]),
      ...item.area.postcodeSectors.map((p) => ["postcode-sector", p] as [string, string]),
      ...item.area.beats.map((b) => ["beat", safe(b)] as [string, string]),
    ];
    for (const [kind, value] of matchers.length > 0 ? matchers : [["none", ""] as [string, string]])
      rows.push([...base, ...tail, kind, value, safe(item.popupText)]);
  }
  return stringify(rows);
}

/** "Polygon, 5 points, bbox -0.128,51.521,-0.125,51.523" */
function describeArea(geometry: FeedGeometry): string {
  const rings = geometry.type === "Polygon" ? geometry.coordinates : geometry.coordinates.flat();
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  let points = 0;
  for (const ring of rings) {
    for (const [x, y] of ring) {
      points += 1;
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  return `${geometry.type}, ${points} points, bbox ${minX},${minY},${maxX},${maxY}`;
}
