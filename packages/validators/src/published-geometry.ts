import { rewind } from "@turf/rewind";

import type { AreaGeometry } from "./priorities";

type Position = [number, number];

/**
 * An area as published (feed, GeoJSON, OGC layer): every position rounded to six decimal places
 * of a degree (~0.1 m, RFC 7946 §11.2), every ring closed (last position = first), and wound as
 * RFC 7946 §3.1.6 requires — exterior rings anticlockwise, holes clockwise — by @turf/rewind
 * (shoelace signed area), so winding-aware tools do not draw it inside out. A MultiPolygon keeps
 * every part. Winding is applied after rounding, so the rounded ring is the one judged. The input
 * is not changed.
 */
export function publishedGeometry(geometry: AreaGeometry): AreaGeometry {
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  const ring = (positions: Position[]): Position[] => {
    const out = positions.map(([x, y]) => [round(x), round(y)] as Position);
    const first = out[0];
    const last = out[out.length - 1];
    if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
    return out;
  };
  const rounded: AreaGeometry =
    geometry.type === "Polygon"
      ? { type: "Polygon", coordinates: geometry.coordinates.map(ring) }
      : { type: "MultiPolygon", coordinates: geometry.coordinates.map((polygon) => polygon.map(ring)) };
  // `mutate` only touches `rounded`, a fresh copy; rewind keeps the geometry's type and shape.
  return rewind(rounded, { mutate: true }) as AreaGeometry;
}
