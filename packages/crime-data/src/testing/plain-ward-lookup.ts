import type { WardFeatureCollection } from "../ward-boundaries";

type Ring = number[][];

/** Even-odd ray casting: is (x, y) inside the ring? Points exactly on an edge may go either way. */
function inRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * For tests: the codes (`WD22CD`) of every ward of `collection` whose polygons hold the point
 * (longitude, latitude in degrees), by even-odd ray casting over each polygon's rings (outer ring
 * and holes alike): no index, no library, nothing of the product's own placing, so a count made
 * with it is an independent check of the import's. Usually one code; none outside every ward;
 * two where generalised boundaries overlap.
 */
export function plainWardLookup(collection: WardFeatureCollection): (lon: number, lat: number) => string[] {
  const polygons = collection.features.flatMap((f) =>
    (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates).map((rings) => {
      // Each polygon's box, only to skip the far ones quickly; the answer is the ray casting's.
      const xs = (rings[0] ?? []).map((p) => p[0] as number);
      const ys = (rings[0] ?? []).map((p) => p[1] as number);
      const box = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as const;
      return { code: f.properties.WD22CD, rings, box };
    }),
  );
  return (x, y) => [
    ...new Set(
      polygons
        .filter(
          ({ rings, box }) =>
            x >= box[0] &&
            y >= box[1] &&
            x <= box[2] &&
            y <= box[3] &&
            rings.filter((ring) => inRing(x, y, ring)).length % 2 === 1,
        )
        .map((p) => p.code),
    ),
  ];
}
