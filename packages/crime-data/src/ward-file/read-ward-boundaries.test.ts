import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { CAMDEN_FIXTURE_WARDS, WARD_FILES } from "../testing/real-data";
import { type BoundaryWard, readWardBoundaries } from "./read-ward-boundaries";
import type { WardGeometry } from "./ward-geometry";

const dir = mkdtempSync(join(tmpdir(), "ward-files-"));

/** Writes a GeoJSON file made from the given features (and crs member) and returns its path. */
function writeCollection(name: string, features: unknown[], crs?: string): string {
  const path = join(dir, name);
  const collection = {
    type: "FeatureCollection",
    ...(crs ? { crs: { type: "name", properties: { name: crs } } } : {}),
    features,
  };
  writeFileSync(path, JSON.stringify(collection));
  return path;
}

type Feature = { properties: Record<string, unknown>; geometry: { type: string; coordinates: number[][][] } };
const londonFeatures = (JSON.parse(readFileSync(WARD_FILES.london2022, "utf8")) as { features: Feature[] }).features;
const camdenFeatures = londonFeatures.filter((f) => CAMDEN_FIXTURE_WARDS.includes(f.properties.WD22CD as never));
const bloomsbury = () => structuredClone(camdenFeatures.find((f) => f.properties.WD22CD === "E05013653")!);

/** Area-weighted centroid of a geometry's outer rings, planar in degrees (fine for a ward). */
function centroid(geometry: WardGeometry): [number, number] {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let area = 0;
  let x = 0;
  let y = 0;
  for (const ring of polygons.map((rings) => rings[0]!)) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x1, y1] = ring[i]!;
      const [x2, y2] = ring[i + 1]!;
      const cross = x1! * y2! - x2! * y1!;
      area += cross;
      x += (x1! + x2!) * cross;
      y += (y1! + y2!) * cross;
    }
  }
  return [x / (3 * area), y / (3 * area)];
}

/** Metres between two nearby WGS84 points (equirectangular). */
function metresApart([lon1, lat1]: number[], [lon2, lat2]: number[]): number {
  const rad = Math.PI / 180;
  const dx = (lon2! - lon1!) * rad * Math.cos(((lat1! + lat2!) / 2) * rad);
  return Math.hypot(dx, (lat2! - lat1!) * rad) * 6_371_000;
}

/** Positive when the ring runs anticlockwise (longitude east, latitude north). */
function signedArea(ring: number[][]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum;
}

function expectRfc7946Winding(ward: BoundaryWard) {
  const polygons = ward.geometry.type === "Polygon" ? [ward.geometry.coordinates] : ward.geometry.coordinates;
  for (const rings of polygons) {
    rings.forEach((ring, r) => expect(signedArea(ring) > 0, `${ward.code} ring ${r + 1}`).toBe(r === 0));
  }
}

describe("reading ward files of any ONS release", () => {
  it("reads the 2022 London file (WD22CD/WD22NM/LAD22CD/LAD22NM) as it is, keeping ONS's label points", () => {
    const london = readWardBoundaries(WARD_FILES.london2022);
    expect(london.wards).toHaveLength(704);
    expect(london.columns).toEqual({
      code: "WD22CD",
      name: "WD22NM",
      welshName: "WD22NMW",
      boroughCode: "LAD22CD",
      boroughName: "LAD22NM",
    });
    expect(london.coordinateSystem.system).toBe("wgs84");
    expect(london.reprojected).toBe(false);
    const ward = london.wards.find((w) => w.code === "E05013653")!;
    expect(ward).toMatchObject({
      name: "Bloomsbury",
      boroughCode: "E09000007",
      boroughName: "Camden",
      welshName: null,
    });
    expect(ward.label).toEqual([bloomsbury().properties.LONG, bloomsbury().properties.LAT]);
    london.wards.forEach(expectRfc7946Winding);
  });

  it("reads a 2013 district file (WD13CD/WD13NM, no borough property), taking the district from the file name or a flag", () => {
    const oadby = readWardBoundaries(WARD_FILES.oadbyWigston2013);
    expect(oadby.wards).toHaveLength(10);
    expect(oadby.columns).toMatchObject({ code: "WD13CD", name: "WD13NM", welshName: "WD13NMW", boroughCode: null });
    expect(oadby.boroughFrom).toBe("the file name (E07000135)");
    expect(oadby.coordinateSystem).toEqual({
      system: "wgs84",
      detectedFrom: "crs member urn:ogc:def:crs:OGC:1.3:CRS84",
    });
    expect(oadby.wards[0]).toMatchObject({
      code: "E05005531",
      name: "Oadby Brocks Hill",
      boroughCode: "E07000135",
      boroughName: null,
    });

    const named = readWardBoundaries(WARD_FILES.oadbyWigston2013, {
      borough: { code: "E07000135", name: "Oadby and Wigston" },
    });
    expect(named.boroughFrom).toBe("--borough-code");
    expect(() => readWardBoundaries(WARD_FILES.oadbyWigston2013, { borough: { code: "E05005531" } })).toThrow(
      "--borough-code E05005531: a borough (local authority district) code is E06, E07, E08, E09, W06, S12 or N09 and six digits",
    );
    expect(new Set(named.wards.map((w) => w.boroughName))).toEqual(new Set(["Oadby and Wigston"]));
    // A label point found inside each ward, as the file has no LONG/LAT.
    for (const ward of named.wards) expect(ward.label[1]).toBeGreaterThan(52.5);
  });

  it("keeps Welsh names (WD13NMW), and none where ONS writes a blank", () => {
    const newport = readWardBoundaries(WARD_FILES.newport2013Welsh, { borough: { name: "Newport" } });
    expect(newport.wards).toHaveLength(20);
    expect(newport.wards.find((w) => w.name === "Allt-yr-yn")?.welshName).toBe("Allt-yr-ynn");
    const lancashire = readWardBoundaries(WARD_FILES.lancashire2022Bgc);
    expect(lancashire.wards).toHaveLength(66);
    expect(lancashire.wards.every((w) => w.welshName === null)).toBe(true);
    expect(new Set(lancashire.wards.map((w) => w.boroughName))).toEqual(new Set(["Blackpool", "Fylde", "Wyre"]));
    expect(lancashire.wards.every((w) => w.geometry.type === "Polygon" || w.geometry.type === "MultiPolygon")).toBe(
      true,
    );
    lancashire.wards.forEach(expectRfc7946Winding);
  });

  it("reads the older Boundary-Line style (GSS_CODE/NAME/LAGSSCODE/DISTRICT)", () => {
    const file = readWardBoundaries(WARD_FILES.camdenBoundaryLineStyle);
    expect(file.columns).toEqual({
      code: "GSS_CODE",
      name: "NAME",
      welshName: null,
      boroughCode: "LAGSSCODE",
      boroughName: "DISTRICT",
    });
    expect(file.wards.map((w) => [w.code, w.name, w.boroughName])).toEqual([
      ["E05013653", "Bloomsbury", "Camden"],
      ["E05013662", "Holborn & Covent Garden", "Camden"],
      ["E05013665", "Kilburn", "Camden"],
    ]);
  });

  it("reads any other names given by flag, and without them lists the properties it found and the flags", () => {
    const renamed = camdenFeatures.map((f) => ({
      ...f,
      properties: { ward_id: f.properties.WD22CD, ward: f.properties.WD22NM, council: f.properties.LAD22CD },
    }));
    const path = writeCollection("own-names.geojson", renamed);
    expect(() => readWardBoundaries(path)).toThrow(
      "The file has no recognisable ward code property (such as WD22CD/WD22NM or GSS_CODE/NAME). Its properties are ward_id, ward, council: name them with --code-property and --name-property",
    );
    const file = readWardBoundaries(path, {
      columns: { code: "ward_id", name: "ward", boroughCode: "council" },
      borough: { name: "Camden" },
    });
    expect(file.wards.map((w) => w.code)).toEqual([...CAMDEN_FIXTURE_WARDS]);
    expect(file.wards.every((w) => w.boroughCode === "E09000007" && w.boroughName === "Camden")).toBe(true);
    expect(() => readWardBoundaries(path, { columns: { code: "WD23CD", name: "ward" } })).toThrow(
      "--code-property WD23CD: the file has no such property. Its properties are ward_id, ward, council.",
    );
  });

  it("reads another year's names, and asks which when two years are present", () => {
    const of2023 = camdenFeatures.map((f) => ({
      ...f,
      properties: { WD23CD: f.properties.WD22CD, WD23NM: f.properties.WD22NM, LAD23CD: "E09000007", LAD23NM: "Camden" },
    }));
    expect(readWardBoundaries(writeCollection("2023.geojson", of2023)).columns.code).toBe("WD23CD");
    const both = of2023.map((f) => ({ ...f, properties: { ...f.properties, WD24CD: f.properties.WD23CD } }));
    expect(() => readWardBoundaries(writeCollection("two-years.geojson", both))).toThrow(
      "The file has several properties that could be the ward code (WD23CD, WD24CD): say which with --code-property.",
    );
  });
});

describe("British National Grid files", () => {
  const twins = readWardBoundaries(WARD_FILES.london2022).wards.filter((w) =>
    CAMDEN_FIXTURE_WARDS.includes(w.code as never),
  );

  it.each([
    ["GeoJSON with a crs member", WARD_FILES.camdenGridWithCrs, "crs member urn:ogc:def:crs:EPSG::27700"],
    ["GeoJSON without one (from the ranges)", WARD_FILES.camdenGridNoCrs, "coordinate ranges"],
    ["a Shapefile with its .prj", WARD_FILES.camdenGridShapefile, '.prj PROJCS["British_National_Grid"'],
  ])("reprojects %s to WGS84: each ward's centroid within 10 m of its WGS84 twin", (_, path, detectedFrom) => {
    const file = readWardBoundaries(path);
    expect(file.coordinateSystem.system).toBe("british-national-grid");
    expect(file.coordinateSystem.detectedFrom).toContain(detectedFrom);
    expect(file.reprojected).toBe(true);
    expect(file.wards.map((w) => w.code)).toEqual([...CAMDEN_FIXTURE_WARDS]);
    for (const ward of file.wards) {
      const twin = twins.find((t) => t.code === ward.code)!;
      expect(ward.name).toBe(twin.name);
      expect(ward.geometry.type).toBe(twin.geometry.type);
      expect(metresApart(centroid(ward.geometry), centroid(twin.geometry))).toBeLessThan(10);
      expectRfc7946Winding(ward);
    }
  });
});

describe("refusals", () => {
  it("refuses a coordinate system it does not know, naming it", () => {
    expect(() => readWardBoundaries(WARD_FILES.camdenWebMercator)).toThrow(
      'The file\'s coordinate system (crs member "urn:ogc:def:crs:EPSG::3857") is neither WGS84 longitude/latitude nor British National Grid (EPSG:27700)',
    );
    const withoutCrs = JSON.parse(readFileSync(WARD_FILES.camdenWebMercator, "utf8")) as { features: unknown[] };
    expect(() => readWardBoundaries(writeCollection("mercator-no-crs.geojson", withoutCrs.features))).toThrow(
      /^The file's coordinates \(x from -\d+\.\d+ to -\d+\.\d+, y from 6\d+\.\d+ to 6\d+\.\d+\) are neither longitude\/latitude nor British National Grid metres, and it names no coordinate system/,
    );
  });

  it("refuses a ring that is not closed, naming the ward and the feature", () => {
    const open = bloomsbury();
    open.geometry.coordinates[0]!.pop();
    const path = writeCollection("open-ring.geojson", [camdenFeatures[0], open]);
    expect(() => readWardBoundaries(path)).toThrow(
      `${path}: ward E05013653 Bloomsbury (feature 2): ring 1 of polygon 1 is not closed: its last position`,
    );
  });

  it("refuses a ring that crosses itself", () => {
    const bowTie = bloomsbury();
    bowTie.geometry.coordinates = [
      [
        [-0.13, 51.52],
        [-0.12, 51.53],
        [-0.12, 51.52],
        [-0.125, 51.535],
        [-0.13, 51.52],
      ],
    ];
    expect(() => readWardBoundaries(writeCollection("bow-tie.geojson", [bowTie]))).toThrow(
      "ward E05013653 Bloomsbury (feature 1): ring 1 of polygon 1 crosses itself near [-0.1225, 51.5275]",
    );
  });

  it("rewinds a clockwise outer ring to RFC 7946's anticlockwise", () => {
    const clockwise = bloomsbury();
    clockwise.geometry.coordinates[0]!.reverse();
    expect(signedArea(clockwise.geometry.coordinates[0]!)).toBeLessThan(0);
    const [ward] = readWardBoundaries(writeCollection("clockwise.geojson", [clockwise])).wards;
    expectRfc7946Winding(ward!);
  });

  it("refuses repeated ward codes, a missing file and a format it does not read", () => {
    expect(() => readWardBoundaries(writeCollection("twice.geojson", [bloomsbury(), bloomsbury()]))).toThrow(
      "the ward code E05013653 appears twice",
    );
    expect(() => readWardBoundaries(join(dir, "nowhere.geojson"))).toThrow("nowhere.geojson: no such file");
    const kml = join(dir, "wards.kml");
    writeFileSync(kml, "<kml/>");
    expect(() => readWardBoundaries(kml)).toThrow(
      "a ward file must be GeoJSON (.geojson, .json) or a Shapefile (.shp with its .dbf)",
    );
  });
});
