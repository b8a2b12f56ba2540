import { WardBoundaryError } from "./errors";

/** A ward as the rest of the product refers to it: always by code (eleven London ward names repeat). */
export type WardRef = {
  code: string;
  name: string;
  boroughCode: string;
  boroughName: string;
};

/** One polygon as rings of [lon, lat]: the outer ring, then holes. */
export type Rings = number[][][];

export type WardShape = { ref: WardRef; polygons: Rings[] };

/** The subset of GeoJSON we read: ONS ward features with WD22CD / LAD22CD properties. */
export type WardFeatureCollection = {
  type: "FeatureCollection";
  features: Array<{
    type?: "Feature";
    properties: { WD22CD: string; WD22NM: string; LAD22CD: string; LAD22NM: string } & Record<string, unknown>;
    geometry: { type: "Polygon"; coordinates: Rings } | { type: "MultiPolygon"; coordinates: Rings[] };
  }>;
};

/**
 * Checks the boundary file and returns ward shapes sorted by ward code. Sorting by code is what makes
 * the tie-break on shared edges (lowest code wins) independent of the order of the file.
 */
export function readWardShapes(collection: WardFeatureCollection): WardShape[] {
  if (collection?.type !== "FeatureCollection" || !Array.isArray(collection.features)) {
    throw new WardBoundaryError("ward boundaries must be a GeoJSON FeatureCollection");
  }
  const shapes = collection.features.map((feature, index): WardShape => {
    const p = feature?.properties;
    if (!p || typeof p.WD22CD !== "string" || typeof p.LAD22CD !== "string") {
      throw new WardBoundaryError(`feature ${index + 1} has no WD22CD ward code or LAD22CD borough code`);
    }
    const ref = { code: p.WD22CD, name: String(p.WD22NM), boroughCode: p.LAD22CD, boroughName: String(p.LAD22NM) };
    const geometry = feature.geometry;
    if (geometry?.type === "Polygon") return { ref, polygons: [closeRings(geometry.coordinates)] };
    if (geometry?.type === "MultiPolygon") return { ref, polygons: geometry.coordinates.map(closeRings) };
    throw new WardBoundaryError(`ward ${ref.code} has no Polygon or MultiPolygon boundary`);
  });
  const codes = new Set(shapes.map((s) => s.ref.code));
  if (codes.size !== shapes.length) throw new WardBoundaryError("ward codes repeat in the boundary file");
  return shapes.sort((a, b) => (a.ref.code < b.ref.code ? -1 : a.ref.code > b.ref.code ? 1 : 0));
}

/** point-in-polygon-hao needs closed rings; GeoJSON requires them but tolerate files that don't. */
function closeRings(rings: Rings): Rings {
  return rings.map((ring) => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (!first || !last || ring.length < 3) throw new WardBoundaryError("a ward ring has fewer than 3 points");
    return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
  });
}

export function ringsBbox(rings: Rings): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  // The outer ring bounds the polygon; holes lie inside it.
  for (const [x = NaN, y = NaN] of rings[0] ?? []) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}
