import Flatbush from "flatbush";
import pointInPolygon from "point-in-polygon-hao";

import { readWardShapes, type Rings, ringsBbox, type WardFeatureCollection, type WardRef } from "./ward-boundaries";

export type WardIndex = {
  /** Wards sorted by code. */
  wards: readonly WardRef[];
  /** The ward containing the point, via an R-tree of polygon bounding boxes; null outside every ward. */
  wardAt(longitude: number, latitude: number): WardRef | null;
  /** The same answer by testing every ward polygon in turn: the benchmark's baseline, and a test oracle. */
  plainScanWardAt(longitude: number, latitude: number): WardRef | null;
};

/**
 * Builds the ward lookup. A point exactly on an edge shared by two wards (or inside two, where
 * generalised ONS boundaries overlap slightly) goes to the ward with the lowest code: strictly
 * inside beats on-the-edge, then lowest code, so the answer never depends on file or tree order.
 */
export function createWardIndex(collection: WardFeatureCollection): WardIndex {
  const shapes = readWardShapes(collection);
  const wards = shapes.map((s) => s.ref);

  // One R-tree item per polygon part, so a MultiPolygon's far-apart parts don't share one huge box.
  const partWard: number[] = [];
  const partRings: Rings[] = [];
  shapes.forEach((shape, wardIndex) => {
    for (const rings of shape.polygons) {
      partWard.push(wardIndex);
      partRings.push(rings);
    }
  });
  const tree = new Flatbush(partRings.length);
  for (const rings of partRings) tree.add(...ringsBbox(rings));
  tree.finish();

  const pick = (candidateParts: Iterable<number>, point: [number, number]): WardRef | null => {
    let inside = Infinity;
    let onEdge = Infinity;
    for (const part of candidateParts) {
      const ward = partWard[part] ?? Infinity;
      if (ward >= inside) continue; // cannot beat the best strictly-inside ward
      const hit = pointInPolygon(point, partRings[part] ?? []);
      if (hit === true) inside = ward;
      else if (hit === 0 && ward < onEdge) onEdge = ward;
    }
    const best = inside !== Infinity ? inside : onEdge;
    return best === Infinity ? null : (wards[best] ?? null);
  };

  const allParts = partRings.map((_, i) => i);

  return {
    wards,
    wardAt: (longitude, latitude) => pick(tree.search(longitude, latitude, longitude, latitude), [longitude, latitude]),
    plainScanWardAt: (longitude, latitude) => pick(allParts, [longitude, latitude]),
  };
}
