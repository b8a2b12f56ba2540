/**
 * The projection every ward map shares, so a point picked on one map lands in the same place on
 * another. Equirectangular with longitude scaled by cos(latitude): true enough at ward scale, and
 * needs no map server (the boundary comes from our own data, so maps work offline and print).
 */
export type Position = [number, number];
type Polygon = { type: "Polygon"; coordinates: number[][][] };
type MultiPolygon = { type: "MultiPolygon"; coordinates: number[][][][] };
export type Geometry = Polygon | MultiPolygon;

const MAP_WIDTH = 320;
const MARGIN = 10;

export type Projection = {
  width: number;
  height: number;
  toSvg(position: number[]): Position;
  toLonLat(x: number, y: number): Position;
  /** An SVG path (one subpath per ring) for a Polygon or MultiPolygon. */
  pathOf(geometry: Geometry): string;
  /** The boundary's bounding box, to describe where a point lies in words. */
  bounds: { minLon: number; maxLon: number; minLat: number; maxLat: number };
};

export function polygonsOf(geometry: Geometry): number[][][][] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

export function projectionFor(boundary: Geometry, width = MAP_WIDTH): Projection {
  const points = polygonsOf(boundary).flat(2);
  const lats = points.map((p) => p[1] ?? 0);
  const lons = points.map((p) => p[0] ?? 0);
  const [minLat, maxLat, minLon, maxLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = (maxLon - minLon) * kx || 1;
  const spanY = maxLat - minLat || 1;
  const scale = (width - 2 * MARGIN) / Math.max(spanX, spanY);
  const height = Math.round(spanY * scale + 2 * MARGIN);
  const toSvg = ([lon = 0, lat = 0]: number[]): Position => [
    MARGIN + (lon - minLon) * kx * scale,
    MARGIN + (maxLat - lat) * scale,
  ];
  const toLonLat = (x: number, y: number): Position => [
    minLon + (x - MARGIN) / (kx * scale),
    maxLat - (y - MARGIN) / scale,
  ];
  const point = (p: number[]) =>
    toSvg(p)
      .map((n) => n.toFixed(1))
      .join(",");
  const pathOf = (geometry: Geometry) =>
    polygonsOf(geometry)
      .map((rings) => rings.map((ring) => `M${ring.map(point).join("L")}Z`).join(""))
      .join("");
  return { width, height, toSvg, toLonLat, pathOf, bounds: { minLon, maxLon, minLat, maxLat } };
}

/** Six decimal places is about 10 cm: plenty for a place in a ward, and keeps stored data tidy. */
export function round6([lon, lat]: Position): Position {
  return [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
}

/** Ray casting over every ring (even-odd), so holes count as outside. */
function isInside(geometry: Geometry, [lon, lat]: Position): boolean {
  let inside = false;
  for (const ring of polygonsOf(geometry).flat(1)) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi = 0, yi = 0] = ring[i] ?? [];
      const [xj = 0, yj = 0] = ring[j] ?? [];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Where a point is in its ward: a third of the bounding box each way, the middle, or outside the boundary. */
export type PositionPart =
  | "outside"
  | "middle"
  | "north"
  | "south"
  | "east"
  | "west"
  | "north-east"
  | "north-west"
  | "south-east"
  | "south-west";

/**
 * Where a point is, as data the page words in its language (`usePositionWords`: "in the
 * north-west of the ward", "outside the ward boundary"), for a screen reader user to act on.
 * Thirds of the ward's bounding box are coarse but never wrong.
 */
export function describePosition(boundary: Geometry, projection: Projection, position: Position): PositionPart {
  if (!isInside(boundary, position)) return "outside";
  const { minLon, maxLon, minLat, maxLat } = projection.bounds;
  const third = (value: number, min: number, max: number) =>
    Math.min(2, Math.max(0, Math.floor(((value - min) / (max - min || 1)) * 3)));
  const ns = ["south", "", "north"][third(position[1], minLat, maxLat)];
  const ew = ["west", "", "east"][third(position[0], minLon, maxLon)];
  const part = [ns, ew].filter(Boolean).join("-");
  return (part || "middle") as PositionPart;
}
