import type { FeedGeometry } from "@wardpanel/db/queries/feed";

/**
 * The `bbox` parameter of OGC API – Features Part 1 (§7.15.3): minLon,minLat,maxLon,maxLat in
 * CRS84 degrees (no other CRS, no 6-number 3D boxes). A feature is selected when its geometry's
 * envelope meets the box; a priority with no drawn area is never in a bbox.
 */

export type Envelope = { minX: number; minY: number; maxX: number; maxY: number };
export type BboxResult = { ok: true; bbox: Envelope | null } | { ok: false; message: string };

export function parseBbox(value: unknown): BboxResult {
  if (value === undefined) return { ok: true, bbox: null };
  const parts = typeof value === "string" ? value.split(",").map((p) => p.trim()) : [];
  const numbers = parts.map(Number);
  if (parts.length !== 4 || parts.some((p) => p === "") || numbers.some((n) => !Number.isFinite(n)))
    return { ok: false, message: "bbox must be four numbers: minLon,minLat,maxLon,maxLat (CRS84 degrees)" };
  const [minX = 0, minY = 0, maxX = 0, maxY = 0] = numbers;
  if (minY > maxY) return { ok: false, message: "bbox's minimum latitude is above its maximum" };
  if (minX > maxX) return { ok: false, message: "bbox crossing the antimeridian is not supported" };
  return { ok: true, bbox: { minX, minY, maxX, maxY } };
}

/** The geometry's envelope in its own coordinates. */
export function envelopeOf(geometry: FeedGeometry): Envelope {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const envelope = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const polygon of polygons)
    for (const ring of polygon)
      for (const [x, y] of ring) {
        envelope.minX = Math.min(envelope.minX, x);
        envelope.minY = Math.min(envelope.minY, y);
        envelope.maxX = Math.max(envelope.maxX, x);
        envelope.maxY = Math.max(envelope.maxY, y);
      }
  return envelope;
}

export function meetsBbox(bbox: Envelope, geometry: FeedGeometry | null): boolean {
  if (!geometry) return false;
  const e = envelopeOf(geometry);
  return e.minX <= bbox.maxX && bbox.minX <= e.maxX && e.minY <= bbox.maxY && bbox.minY <= e.maxY;
}
