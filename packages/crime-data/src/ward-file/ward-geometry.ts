import { booleanValid } from "@turf/boolean-valid";
import { kinks } from "@turf/kinks";
import { rewind } from "@turf/rewind";
import pointInPolygon from "point-in-polygon-hao";

import { WardBoundaryError } from "../errors";
import type { Rings } from "../ward-boundaries";
import type { Extent } from "./coordinate-system";

/** A ward boundary as stored: WGS84 [longitude, latitude], RFC 7946 winding (outer rings anticlockwise, holes clockwise). */
export type WardGeometry = { type: "Polygon"; coordinates: Rings } | { type: "MultiPolygon"; coordinates: Rings[] };

/**
 * Reads a feature's geometry as polygons of rings of [x, y] without judging the numbers' meaning.
 * `feature` names the feature in messages ("ward E05013653 Bloomsbury (feature 12)"). Throws
 * WardBoundaryError for anything but a Polygon or MultiPolygon of finite positions, a ring of fewer
 * than 4 positions, or a ring whose last position is not its first (RFC 7946 §3.1.6).
 */
export function readPolygons(geometry: unknown, feature: string): Rings[] {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (g?.type !== "Polygon" && g?.type !== "MultiPolygon") {
    throw new WardBoundaryError(`${feature} has no Polygon or MultiPolygon boundary (found ${describeType(g)})`);
  }
  const polygons = (g.type === "Polygon" ? [g.coordinates] : g.coordinates) as unknown;
  if (!Array.isArray(polygons) || polygons.length === 0)
    throw new WardBoundaryError(`${feature} has an empty boundary`);
  return polygons.map((polygon: unknown, p) => {
    if (!Array.isArray(polygon) || polygon.length === 0) {
      throw new WardBoundaryError(`${feature}: polygon ${p + 1} has no rings`);
    }
    return polygon.map((ring: unknown, r) => {
      const where = `${feature}: ring ${r + 1} of polygon ${p + 1}`;
      if (!Array.isArray(ring) || !ring.every(isPosition)) {
        throw new WardBoundaryError(`${where} holds something other than [x, y] number pairs`);
      }
      const positions = ring.map(([x, y]) => [x, y]);
      if (positions.length < 4) {
        throw new WardBoundaryError(`${where} has ${positions.length} positions; a ring needs at least 4`);
      }
      const [first, last] = [positions[0] ?? [], positions[positions.length - 1] ?? []];
      if (first[0] !== last[0] || first[1] !== last[1]) {
        throw new WardBoundaryError(
          `${where} is not closed: its last position ${show(last)} is not its first ${show(first)}`,
        );
      }
      return positions;
    });
  });
}

function isPosition(value: unknown): value is [number, number] {
  return Array.isArray(value) && value.length >= 2 && Number.isFinite(value[0]) && Number.isFinite(value[1]);
}

function describeType(g: { type?: unknown } | null): string {
  return g === null || g === undefined ? "no geometry" : `a ${String(g.type)}`;
}

function show(position: number[]): string {
  return `[${position.join(", ")}]`;
}

/** The smallest box holding every position of every feature's polygons. */
export function extentOf(shapes: readonly Rings[][]): Extent {
  const box: Extent = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygons of shapes) {
    for (const rings of polygons) {
      for (const ring of rings) {
        for (const [x = NaN, y = NaN] of ring) {
          if (x < box[0]) box[0] = x;
          if (y < box[1]) box[1] = y;
          if (x > box[2]) box[2] = x;
          if (y > box[3]) box[3] = y;
        }
      }
    }
  }
  return box;
}

/** Applies `convert` to every position; a null answer (off the grid) is refused, naming the feature. */
export function mapPositions(
  polygons: Rings[],
  convert: (position: number[]) => [number, number] | null,
  feature: string,
): Rings[] {
  return polygons.map((rings) =>
    rings.map((ring) =>
      ring.map((position) => {
        const converted = convert(position);
        if (!converted) throw new WardBoundaryError(`${feature}: position ${show(position)} lies off the grid`);
        return converted;
      }),
    ),
  );
}

/** Twice the signed area by the shoelace formula: positive for an anticlockwise ring. */
function signedArea(ring: number[][]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

/**
 * Checks each polygon is valid (OGC Simple Features: no ring crossing itself, by @turf/kinks; holes
 * inside their outer ring and no spikes, by @turf/boolean-valid; parts may touch) and returns the
 * geometry wound as RFC 7946 §3.1.6 asks. Throws WardBoundaryError naming the feature.
 */
export function validWardGeometry(polygons: Rings[], feature: string): WardGeometry {
  polygons.forEach((rings, p) =>
    rings.forEach((ring, r) => {
      if (signedArea(ring) === 0)
        throw new WardBoundaryError(`${feature}: ring ${r + 1} of polygon ${p + 1} encloses no area`);
    }),
  );
  // The same winding as every published area (@wardpanel/validators' publishedGeometry): @turf/rewind.
  const wound = polygons.map(
    (rings) => (rewind({ type: "Polygon", coordinates: rings }) as { coordinates: Rings }).coordinates,
  );
  // Each part on its own: generalised ONS MultiPolygons have parts that touch along an edge (the
  // London file's Kilburn, Lancashire's Waterloo), which OGC forbids but point-in-polygon does not mind.
  wound.forEach((rings, p) => {
    rings.forEach((ring, r) => {
      // boolean-valid does not look for a ring crossing itself; kinks finds where it does.
      const [crossing] = kinks({ type: "Polygon", coordinates: [ring] }).features;
      if (crossing) {
        throw new WardBoundaryError(
          `${feature}: ring ${r + 1} of polygon ${p + 1} crosses itself near ${show(crossing.geometry.coordinates.map((c) => Number(c.toFixed(6))))}`,
        );
      }
    });
    if (!booleanValid({ type: "Polygon", coordinates: rings })) {
      throw new WardBoundaryError(
        `${feature}: polygon ${p + 1} is not valid: a hole crosses or lies outside its outer ring, or a ring has a spike`,
      );
    }
  });
  return wound.length === 1
    ? { type: "Polygon", coordinates: wound[0] ?? [] }
    : { type: "MultiPolygon", coordinates: wound };
}

/**
 * A point inside the ward for its label: the middle of the widest stretch of the largest polygon
 * along the horizontal line through the middle of its box, outside any hole (a centroid can fall
 * outside a crescent-shaped ward). [longitude, latitude].
 */
export function labelPoint(geometry: WardGeometry): [number, number] {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const largest = polygons.reduce((best, rings) =>
    Math.abs(signedArea(rings[0] ?? [])) > Math.abs(signedArea(best[0] ?? [])) ? rings : best,
  );
  const outer = largest[0] ?? [];
  const ys = outer.map(([, y = 0]) => y);
  const y = (Math.min(...ys) + Math.max(...ys)) / 2;
  const crossings: number[] = [];
  for (const ring of largest) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x1 = 0, y1 = 0] = ring[i] ?? [];
      const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
      if (y1 > y !== y2 > y) crossings.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
    }
  }
  crossings.sort((a, b) => a - b);
  let best: [number, number] = [outer[0]?.[0] ?? 0, outer[0]?.[1] ?? 0];
  let widest = -1;
  // Crossings pair up as inside stretches: [0,1], [2,3], … (holes split the outer ring's stretches).
  for (let i = 0; i + 1 < crossings.length; i += 2) {
    const [a = 0, b = 0] = [crossings[i], crossings[i + 1]];
    const middle: [number, number] = [(a + b) / 2, y];
    if (b - a > widest && pointInPolygon(middle, largest) === true) {
      widest = b - a;
      best = middle;
    }
  }
  return best;
}
