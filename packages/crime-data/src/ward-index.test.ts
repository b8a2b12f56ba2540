import { describe, expect, it } from "vitest";

import { WardBoundaryError } from "./errors";
import { londonWards } from "./testing/real-data";
import type { WardFeatureCollection } from "./ward-boundaries";
import { createWardIndex } from "./ward-index";

const square = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const feature = (code: string, geometry: WardFeatureCollection["features"][number]["geometry"]) => ({
  type: "Feature" as const,
  properties: { WD22CD: code, WD22NM: `Ward ${code}`, LAD22CD: "E09000099", LAD22NM: "Test" },
  geometry,
});

describe("createWardIndex on the ONS London wards", () => {
  const index = createWardIndex(londonWards());

  it("holds all 704 wards, sorted by code", () => {
    expect(index.wards).toHaveLength(704);
    expect(index.wards.map((w) => w.code)).toEqual([...index.wards.map((w) => w.code)].sort());
  });

  it("puts every ward's own inside point (ONS LONG/LAT) in that ward", () => {
    for (const f of londonWards().features) {
      const { LONG, LAT, WD22CD } = f.properties as unknown as { LONG: number; LAT: number; WD22CD: string };
      expect(index.wardAt(LONG, LAT)?.code, WD22CD).toBe(WD22CD);
    }
  });

  it("agrees with a plain scan of every polygon at 3,000 points over London and beyond", () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    let inside = 0;
    for (let i = 0; i < 3000; i += 1) {
      const lon = -0.6 + random() * 1.0;
      const lat = 51.25 + random() * 0.5;
      const fast = index.wardAt(lon, lat);
      expect(fast?.code ?? null).toBe(index.plainScanWardAt(lon, lat)?.code ?? null);
      if (fast) inside += 1;
    }
    expect(inside).toBeGreaterThan(1000);
  });

  it("finds nothing outside London (Walsall, Dartford)", () => {
    expect(index.wardAt(-1.98, 52.586)).toBeNull();
    expect(index.wardAt(0.218, 51.446)).toBeNull();
  });

  it("resolves a point on a real shared boundary vertex the same way every time", () => {
    // The first vertex of Aldersgate (E05009288) is on the boundary of three wards: E05009288,
    // E05009290 and E05009302. The lowest code wins, whatever order the file lists them in.
    const city = londonWards().features.find((f) => f.properties.WD22NM === "Aldersgate");
    const ring = city?.geometry.type === "Polygon" ? city.geometry.coordinates[0] : undefined;
    const [lon = 0, lat = 0] = ring?.[0] ?? [];
    const answer = index.wardAt(lon, lat);
    expect(answer?.code).toBe("E05009288");
    expect(index.plainScanWardAt(lon, lat)?.code).toBe(answer?.code);
    const reversed = createWardIndex({ ...londonWards(), features: [...londonWards().features].reverse() });
    expect(reversed.wardAt(lon, lat)?.code).toBe(answer?.code);
  });
});

describe("createWardIndex on small shapes", () => {
  const index = createWardIndex({
    type: "FeatureCollection",
    features: [
      // B is listed first: the tie-break must still choose A (lowest code) on the shared edge x = 1.
      feature("E05000002", { type: "Polygon", coordinates: [square(1, 0, 2, 1)] }),
      feature("E05000001", { type: "Polygon", coordinates: [square(0, 0, 1, 1), square(0.4, 0.4, 0.6, 0.6)] }),
      feature("E05000003", {
        type: "MultiPolygon",
        coordinates: [[square(0.4, 0.4, 0.6, 0.6)], [square(5, 5, 6, 6)]],
      }),
    ],
  });

  it("respects holes and fills them with the ward inside", () => {
    expect(index.wardAt(0.2, 0.2)?.code).toBe("E05000001");
    expect(index.wardAt(0.5, 0.5)?.code).toBe("E05000003");
  });

  it("finds both parts of a MultiPolygon", () => {
    expect(index.wardAt(5.5, 5.5)?.code).toBe("E05000003");
    expect(index.wardAt(3, 3)).toBeNull();
  });

  it("gives a point on a shared edge to the lowest code, strictly-inside first", () => {
    expect(index.wardAt(1, 0.5)?.code).toBe("E05000001");
    expect(index.plainScanWardAt(1, 0.5)?.code).toBe("E05000001");
    // On the hole's edge: both E05000001 and E05000003 have it on their boundary.
    expect(index.wardAt(0.4, 0.5)?.code).toBe("E05000001");
  });

  it("closes open rings and refuses files that are not ward boundaries", () => {
    const open = createWardIndex({
      type: "FeatureCollection",
      features: [feature("E05000001", { type: "Polygon", coordinates: [square(0, 0, 1, 1).slice(0, 4)] })],
    });
    expect(open.wardAt(0.5, 0.5)?.code).toBe("E05000001");
    expect(() => createWardIndex({ type: "Feature" } as never)).toThrow(WardBoundaryError);
    expect(() =>
      createWardIndex({ type: "FeatureCollection", features: [{ properties: {}, geometry: null }] } as never),
    ).toThrow(/WD22CD/);
  });
});
