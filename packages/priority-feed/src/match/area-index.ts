import Flatbush from "flatbush";
import pointInPolygon from "point-in-polygon-hao";

import type { AreaGeometry } from "../schema/geometry.js";
import { INSIDE, OUTSIDE, shapeGridSteps } from "./shape-grid.js";
import { drain, type Steps } from "./steps.js";

/**
 * The spatial half of the matcher: which priorities' areas contain a point.
 *
 * Each polygon (each part of a MultiPolygon) is a "shape". Identical shapes are stored once —
 * many priorities cover a whole ward, so they share the ward's boundary and it is tested once.
 * A Flatbush index over shape bounding boxes narrows a call's point to a handful of candidates;
 * a per-shape grid (shape-grid.ts) settles most of those, and point-in-polygon-hao gives the
 * exact answer for the rest, holes included.
 */
interface AreaIndex {
  /** Writes the ids of items whose area contains (lon, lat) into `out`; returns how many. */
  collect(lon: number, lat: number, out: Int32Array): number;
  /** Upper bound on what collect can write: size `out` with it. */
  readonly capacity: number;
}

export function createAreaIndex(geometries: readonly (AreaGeometry | null)[]): AreaIndex {
  return drain(areaIndexSteps(geometries));
}

/** createAreaIndex as steps, about one item or shape each (steps.ts). */
export function* areaIndexSteps(geometries: readonly (AreaGeometry | null)[]): Steps<AreaIndex> {
  const shapes: number[][][][] = [];
  const owners: number[][] = [];
  const byKey = new Map<string, number>();
  for (let item = 0; item < geometries.length; item++) {
    yield;
    const geometry = geometries[item];
    if (!geometry) continue;
    const parts = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    const seen = new Set<number>();
    for (const part of parts) {
      const key = shapeKey(part);
      let shape = byKey.get(key);
      if (shape === undefined) {
        shape = shapes.length;
        byKey.set(key, shape);
        shapes.push(part);
        owners.push([]);
      }
      // A MultiPolygon whose parts repeat must not list its item twice.
      if (!seen.has(shape)) owners[shape]?.push(item);
      seen.add(shape);
    }
  }
  if (shapes.length === 0) return { capacity: 0, collect: () => 0 };

  // Owners as one flat array with offsets (CSR), so the hot path reads typed arrays only.
  const ownerStart = new Int32Array(shapes.length + 1);
  const ownerList = new Int32Array(owners.reduce((n, list) => n + list.length, 0));
  let filled = 0;
  owners.forEach((list, shape) => {
    ownerStart[shape] = filled;
    for (const item of list) ownerList[filled++] = item;
  });
  ownerStart[shapes.length] = filled;

  const index = new Flatbush(shapes.length);
  const bounds = new Float64Array(shapes.length * 4);
  for (let s = 0; s < shapes.length; s++) {
    if (s % 16 === 0) yield;
    const shape = shapes[s]!;
    let minX = Infinity,
      minY = Infinity,
      maxX = -Infinity,
      maxY = -Infinity;
    for (const [x = NaN, y = NaN] of shape[0] ?? []) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
    bounds.set([minX, minY, maxX, maxY], s * 4);
    index.add(minX, minY, maxX, maxY);
  }
  index.finish();
  const grids = yield* shapeGridSteps(shapes, bounds);

  const walk = createPointWalker(index);
  const candidates = new Int32Array(shapes.length);
  const point = [0, 0]; // reused: point-in-polygon-hao takes an array

  return {
    capacity: ownerList.length,
    collect(lon, lat, out) {
      const found = walk(lon, lat, candidates);
      point[0] = lon;
      point[1] = lat;
      let count = 0;
      for (let i = 0; i < found; i++) {
        const shape = candidates[i] as number;
        const cell = grids.classify(shape, lon, lat);
        if (cell === OUTSIDE) continue;
        // pointInPolygon gives 0 for "on the boundary": a call on the line between two areas
        // belongs to both, because missing a priority costs more than one extra pop-up.
        if (cell !== INSIDE && pointInPolygon(point, shapes[shape] as number[][][]) === false) continue;
        for (let k = ownerStart[shape] as number, end = ownerStart[shape + 1] as number; k < end; k++) {
          out[count++] = ownerList[k] as number;
        }
      }
      return count;
    },
  };
}

/**
 * A shape's identity for sharing: its coordinates as text. Remembered per coordinates array, so
 * building again over the same items (a server rebuilding after one change) writes none anew.
 */
const shapeKeys = new WeakMap<object, string>();
function shapeKey(part: readonly (readonly (readonly number[])[])[]): string {
  let key = shapeKeys.get(part);
  if (key === undefined) {
    key = JSON.stringify(part);
    shapeKeys.set(part, key);
  }
  return key;
}

/**
 * A point query over a finished Flatbush that allocates nothing. Flatbush's own `search` builds
 * a queue and a result array on every call; at 100,000 calls that garbage shows in the p99.
 * This walks the same packed arrays (`_boxes`, `_indices`, `_levelBounds`, declared public in
 * Flatbush's types) with a preallocated stack. Flatbush is pinned to an exact version and
 * area-index.test.ts checks the walk against `search`, so a layout change cannot go unnoticed.
 */
export function createPointWalker(index: Flatbush): (x: number, y: number, out: Int32Array) => number {
  const boxes = index._boxes;
  const indices = index._indices;
  const levelBounds = index._levelBounds;
  const nodeSize = index.nodeSize;
  const numItems4 = index.numItems * 4;
  const stack = new Int32Array(2 * nodeSize * (levelBounds.length + 1));

  return (x, y, out) => {
    let found = 0;
    let top = 0;
    let nodeIndex = boxes.length - 4;
    let level = levelBounds.length - 1;
    for (;;) {
      const end = Math.min(nodeIndex + nodeSize * 4, levelBounds[level] as number);
      const isNode = nodeIndex >= numItems4;
      for (let pos = nodeIndex; pos < end; pos += 4) {
        if (x < (boxes[pos] as number) || y < (boxes[pos + 1] as number)) continue;
        if (x > (boxes[pos + 2] as number) || y > (boxes[pos + 3] as number)) continue;
        const child = (indices[pos >> 2] as number) | 0;
        if (isNode) {
          stack[top++] = child;
          stack[top++] = level - 1;
        } else {
          out[found++] = child;
        }
      }
      if (top === 0) return found;
      level = stack[--top] as number;
      nodeIndex = stack[--top] as number;
    }
  };
}
