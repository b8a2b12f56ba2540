/**
 * A coarse 16×16 grid over each shape's bounding box, each cell classified once, when the matcher
 * is built, as wholly outside, wholly inside, or touched by an edge. A call's point in an inside
 * or outside cell is answered from the grid; only edge cells run the exact point-in-polygon test.
 * In the bench this removes most point-in-polygon work, which was most of the time per call.
 *
 * Why it is exact: a point's cell is floor((x − minX) / width), which never decreases as x grows,
 * so each cell is a rectangle of the points that map to it. A cell is marked "edge" if any edge's
 * bounding box maps into it, so an unmarked cell holds no boundary point and every point in it is
 * inside or outside together, like its centre. The centre is classified by counting edge
 * crossings along its row (ray casting); it lies at least half a cell from every edge, so the
 * floating-point crossing positions cannot put it on the wrong side.
 */
import { drain, type Steps } from "./steps.js";

const GRID = 16;
const CELLS = GRID * GRID;
export const OUTSIDE = 0;
export const INSIDE = 1;
const EDGE = 2;

interface ShapeGrids {
  /** OUTSIDE, INSIDE, or EDGE (meaning: ask point-in-polygon). The point must be in the shape's bounding box. */
  classify(shape: number, x: number, y: number): number;
}

export function createShapeGrids(shapes: readonly number[][][][], bounds: Float64Array): ShapeGrids {
  return drain(shapeGridSteps(shapes, bounds));
}

/** createShapeGrids as steps, one shape each (steps.ts). */
export function* shapeGridSteps(shapes: readonly number[][][][], bounds: Float64Array): Steps<ShapeGrids> {
  const cells = new Uint8Array(shapes.length * CELLS);
  const frame = new Float64Array(shapes.length * 4); // minX, minY, cell width, cell height

  for (let s = 0; s < shapes.length; s++) {
    yield;
    const shape = shapes[s]!;
    const minX = bounds[s * 4]!,
      minY = bounds[s * 4 + 1]!;
    const width = (bounds[s * 4 + 2]! - minX) / GRID,
      height = (bounds[s * 4 + 3]! - minY) / GRID;
    frame.set([minX, minY, width, height], s * 4);
    const grid = cells.subarray(s * CELLS, (s + 1) * CELLS);
    if (!(width > 0 && height > 0)) {
      grid.fill(EDGE); // a sliver: always ask
      continue;
    }

    const column = (x: number) => clamp(Math.floor((x - minX) / width));
    const row = (y: number) => clamp(Math.floor((y - minY) / height));
    for (const ring of shape) {
      for (let k = 0; k + 1 < ring.length; k++) {
        const a = ring[k]!,
          b = ring[k + 1]!;
        const ax = a[0]!,
          ay = a[1]!,
          bx = b[0]!,
          by = b[1]!;
        for (let j = row(Math.min(ay, by)), j1 = row(Math.max(ay, by)); j <= j1; j++) {
          for (let i = column(Math.min(ax, bx)), i1 = column(Math.max(ax, bx)); i <= i1; i++) grid[j * GRID + i] = EDGE;
        }
      }
    }
    const crossings: number[] = [];
    for (let j = 0; j < GRID; j++) {
      const y = minY + (j + 0.5) * height;
      crossings.length = 0;
      for (const ring of shape) {
        for (let k = 0; k + 1 < ring.length; k++) {
          const a = ring[k]!,
            b = ring[k + 1]!;
          const ax = a[0]!,
            ay = a[1]!,
            bx = b[0]!,
            by = b[1]!;
          if (ay > y !== by > y) crossings.push(ax + ((y - ay) / (by - ay)) * (bx - ax));
        }
      }
      for (let i = 0; i < GRID; i++) {
        if (grid[j * GRID + i] === EDGE) continue;
        const x = minX + (i + 0.5) * width;
        let left = 0;
        for (const crossing of crossings) if (crossing < x) left++;
        grid[j * GRID + i] = left % 2 === 1 ? INSIDE : OUTSIDE;
      }
    }
  }

  return {
    classify(shape, x, y) {
      const f = shape * 4;
      const i = clamp(Math.floor((x - frame[f]!) / frame[f + 2]!));
      const j = clamp(Math.floor((y - frame[f + 1]!) / frame[f + 3]!));
      return cells[shape * CELLS + j * GRID + i]!;
    },
  };
}

function clamp(cell: number): number {
  return cell < 0 ? 0 : cell >= GRID ? GRID - 1 : cell | 0;
}
