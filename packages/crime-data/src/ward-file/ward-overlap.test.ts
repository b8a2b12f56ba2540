import { describe, expect, it } from "vitest";

import type { WardGeometry } from "./ward-geometry";
import { largestOverlaps } from "./ward-overlap";

/** A lon/lat rectangle as an anticlockwise Polygon. */
const box = (w: number, s: number, e: number, n: number): WardGeometry => ({
  type: "Polygon",
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

describe("largestOverlaps", () => {
  const retired = box(-0.2, 51.5, -0.1, 51.6);

  it("gives each overlapping ward's share of the retired ward's area, largest first, and skips wards that miss it", () => {
    const found = largestOverlaps(retired, [
      { code: "W", name: "West", geometry: box(-0.2, 51.5, -0.17, 51.6) },
      { code: "E", name: "East", geometry: box(-0.17, 51.5, -0.05, 51.6) },
      { code: "FAR", name: "Far", geometry: box(0.1, 51.5, 0.2, 51.6) },
    ]);
    expect(found.map((o) => o.code)).toEqual(["E", "W"]);
    expect(found[0]!.share).toBeCloseTo(0.7, 2);
    expect(found[1]!.share).toBeCloseTo(0.3, 2);
  });

  it("leaves out slivers under the minimum share and keeps at most the limit", () => {
    const sliver = { code: "S", name: "Sliver", geometry: box(-0.1001, 51.5, -0.09, 51.6) };
    expect(largestOverlaps(retired, [sliver])).toEqual([]);
    const strips = Array.from({ length: 10 }, (_, i) => ({
      code: `S${i}`,
      name: `Strip ${i}`,
      geometry: box(-0.2 + i * 0.01, 51.5, -0.19 + i * 0.01, 51.6),
    }));
    expect(largestOverlaps(retired, strips, { limit: 3 })).toHaveLength(3);
  });
});
