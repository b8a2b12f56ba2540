import { describe, expect, it } from "vitest";

import { publishedGeometry } from "./published-geometry";

/** Twice the signed area (shoelace): positive for an anticlockwise ring. */
const signedArea = (ring: number[][]) =>
  ring.slice(0, -1).reduce((sum, [x1 = 0, y1 = 0], i) => {
    const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
    return sum + x1 * y2 - x2 * y1;
  }, 0);

const clockwiseSquare = (x: number, y: number, side: number): [number, number][] => [
  [x, y],
  [x, y + side],
  [x + side, y + side],
  [x + side, y],
  [x, y],
];

describe("publishedGeometry (RFC 7946)", () => {
  it("winds a Polygon's exterior anticlockwise and its hole clockwise, closes rings and rounds to 6 places", () => {
    const hole = clockwiseSquare(-0.1255, 51.5205, 0.001).reverse(); // drawn anticlockwise
    const open = clockwiseSquare(-0.1281234567, 51.52, 0.004).slice(0, -1); // not closed
    const published = publishedGeometry({ type: "Polygon", coordinates: [open, hole] });
    if (published.type !== "Polygon") throw new Error("expected a Polygon");
    const [outer = [], inner = []] = published.coordinates;
    expect(signedArea(outer)).toBeGreaterThan(0);
    expect(signedArea(inner)).toBeLessThan(0);
    expect(outer[0]).toEqual(outer.at(-1));
    expect(outer[0]).toEqual([-0.128123, 51.52]);
  });

  it("keeps every part of a MultiPolygon, each wound by the standard, and leaves its input alone", () => {
    const input = {
      type: "MultiPolygon" as const,
      coordinates: [[clockwiseSquare(-0.4, 51.4, 0.01)], [clockwiseSquare(-0.3, 51.4, 0.02)]],
    };
    const before = JSON.stringify(input);
    const published = publishedGeometry(input);
    if (published.type !== "MultiPolygon") throw new Error("expected a MultiPolygon");
    expect(published.coordinates).toHaveLength(2);
    for (const [outer = []] of published.coordinates) expect(signedArea(outer)).toBeGreaterThan(0);
    expect(JSON.stringify(input)).toBe(before);
  });
});
