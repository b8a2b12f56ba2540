import { area } from "@turf/area";
import { featureCollection, multiPolygon, polygon } from "@turf/helpers";
import { intersect } from "@turf/intersect";

import type { WardGeometry } from "./ward-geometry";

/** A ward considered as a successor: its code, name and WGS84 boundary. */
export type OverlapCandidate = { code: string; name: string; geometry: WardGeometry };

/** One successor of a retired ward: `share` is the part of the retired ward's area it covers, 0–1. */
export type WardOverlap = { code: string; name: string; share: number };

type Box = [minLon: number, minLat: number, maxLon: number, maxLat: number];

function box(geometry: WardGeometry): Box {
  const rings = geometry.type === "Polygon" ? geometry.coordinates : geometry.coordinates.flat();
  const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings)
    for (const [lon = 0, lat = 0] of ring) {
      b[0] = Math.min(b[0], lon);
      b[1] = Math.min(b[1], lat);
      b[2] = Math.max(b[2], lon);
      b[3] = Math.max(b[3], lat);
    }
  return b;
}

type AreaFeature = ReturnType<typeof polygon> | ReturnType<typeof multiPolygon>;

const feature = (g: WardGeometry): AreaFeature =>
  g.type === "Polygon" ? polygon(g.coordinates) : multiPolygon(g.coordinates);

/**
 * The candidates that overlap a retired ward most, largest share first: share = area of the
 * intersection ÷ area of the retired ward (geodesic areas, @turf/area; intersection by
 * @turf/intersect, polyclip). Candidates whose bounding box misses the ward are skipped unclipped;
 * overlaps under `minShare` (default 0.5%: slivers where boundaries were redrawn along a street)
 * are left out; at most `limit` (default 5) are returned.
 */
export function largestOverlaps(
  retired: WardGeometry,
  candidates: Iterable<OverlapCandidate>,
  { minShare = 0.005, limit = 5 }: { minShare?: number; limit?: number } = {},
): WardOverlap[] {
  const target = feature(retired);
  const whole = area(target);
  if (whole <= 0) return [];
  const [minLon, minLat, maxLon, maxLat] = box(retired);
  const found: WardOverlap[] = [];
  for (const candidate of candidates) {
    const b = box(candidate.geometry);
    if (b[0] > maxLon || b[2] < minLon || b[1] > maxLat || b[3] < minLat) continue;
    const shared = intersect(featureCollection<AreaFeature["geometry"]>([target, feature(candidate.geometry)]));
    if (!shared) continue;
    const share = area(shared) / whole;
    if (share >= minShare) found.push({ code: candidate.code, name: candidate.name, share });
  }
  return found.sort((a, b) => b.share - a.share).slice(0, limit);
}
