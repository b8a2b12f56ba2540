import Flatbush from "flatbush";
import { describe, expect, it } from "vitest";

import type { AreaGeometry } from "../schema/geometry.js";
import { createAreaIndex, createPointWalker } from "./area-index.js";

function square(x: number, y: number, size: number): [number, number][] {
  return [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ];
}

describe("point walker over Flatbush", () => {
  it("finds exactly what Flatbush's own search finds", () => {
    // A guard on Flatbush's internal layout, which the allocation-free walk relies on.
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const index = new Flatbush(5000);
    for (let i = 0; i < 5000; i++) {
      const x = random() * 100,
        y = random() * 100;
      index.add(x, y, x + random() * 5, y + random() * 5);
    }
    index.finish();
    const walk = createPointWalker(index);
    const out = new Int32Array(5000);
    for (let q = 0; q < 2000; q++) {
      const x = random() * 105,
        y = random() * 105;
      const n = walk(x, y, out);
      expect([...out.subarray(0, n)].sort((a, b) => a - b)).toEqual(index.search(x, y, x, y).sort((a, b) => a - b));
    }
  });
});

describe("area index", () => {
  const ward: AreaGeometry = { type: "Polygon", coordinates: [square(0, 0, 10), square(4, 4, 2)] };
  const islands: AreaGeometry = { type: "MultiPolygon", coordinates: [[square(20, 0, 2)], [square(30, 0, 2)]] };

  function ids(geometries: (AreaGeometry | null)[], lon: number, lat: number): number[] {
    const index = createAreaIndex(geometries);
    const out = new Int32Array(index.capacity);
    return [...out.subarray(0, index.collect(lon, lat, out))].sort();
  }

  it("respects holes", () => {
    expect(ids([ward], 1, 1)).toEqual([0]);
    expect(ids([ward], 5, 5)).toEqual([]);
  });

  it("matches every part of a MultiPolygon and nothing between them", () => {
    expect(ids([islands], 21, 1)).toEqual([0]);
    expect(ids([islands], 31, 1)).toEqual([0]);
    expect(ids([islands], 25, 1)).toEqual([]);
  });

  it("counts a point on the boundary as inside", () => {
    expect(ids([ward], 0, 5)).toEqual([0]);
  });

  it("reports each item sharing one boundary, once each", () => {
    expect(ids([ward, null, ward, islands], 1, 1)).toEqual([0, 2]);
  });

  it("copes with no geometry at all", () => {
    expect(ids([null, null], 1, 1)).toEqual([]);
  });
});

describe("the grid shortcut", () => {
  it("agrees with point-in-polygon everywhere, including near edges and in holes", async () => {
    const { default: pointInPolygon } = await import("point-in-polygon-hao");
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    // Irregular star-shaped rings with a hole: edges cross cells at every angle.
    const geometries: AreaGeometry[] = Array.from({ length: 50 }, (_, g) => {
      const ring = (radius: number): [number, number][] => {
        const count = 12 + (g % 20);
        const points: [number, number][] = Array.from({ length: count }, (_, k) => {
          const angle = (k / count) * 2 * Math.PI;
          const r = radius * (0.5 + 0.5 * random());
          return [g * 3 + r * Math.cos(angle), r * Math.sin(angle)];
        });
        return [...points, points[0]!];
      };
      return { type: "Polygon", coordinates: [ring(1), ring(0.2)] };
    });
    const index = createAreaIndex(geometries);
    const out = new Int32Array(index.capacity);
    let inside = 0;
    for (let q = 0; q < 20000; q++) {
      const x = random() * 150 - 1.5,
        y = random() * 3 - 1.5;
      const got = [...out.subarray(0, index.collect(x, y, out))].sort((a, b) => a - b);
      const expected = geometries.flatMap((geometry, g) =>
        pointInPolygon([x, y], (geometry as { coordinates: number[][][] }).coordinates) === false ? [] : [g],
      );
      expect(got).toEqual(expected);
      inside += got.length;
    }
    expect(inside).toBeGreaterThan(1000); // the test exercised insides, not only misses
  });
});
