import { describe, expect, it } from "vitest";

import { detectCoordinateSystem, type Extent } from "./coordinate-system";

const LONDON_DEGREES: Extent = [-0.51, 51.28, 0.34, 51.69];
const LONDON_METRES: Extent = [503_000, 155_000, 562_000, 201_000];

const ESRI_WGS84 =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const ESRI_UTM =
  'PROJCS["ETRS_1989_UTM_Zone_30N",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"]]';

describe("telling the coordinate system of a ward file", () => {
  it.each([
    ["urn:ogc:def:crs:OGC:1.3:CRS84", "wgs84"],
    ["EPSG:4326", "wgs84"],
    ["urn:ogc:def:crs:EPSG::27700", "british-national-grid"],
    ["EPSG:27700", "british-national-grid"],
    ["http://www.opengis.net/def/crs/EPSG/0/27700", "british-national-grid"],
  ])("reads the crs member %s", (name, system) => {
    expect(detectCoordinateSystem({ kind: "crs member", text: name }, LONDON_DEGREES).system).toBe(system);
  });

  it("reads an ESRI .prj of WGS84 and refuses another projection, naming it", () => {
    expect(detectCoordinateSystem({ kind: ".prj", text: ESRI_WGS84 }, LONDON_DEGREES).system).toBe("wgs84");
    expect(() => detectCoordinateSystem({ kind: ".prj", text: ESRI_UTM }, LONDON_METRES)).toThrow(
      'The file\'s coordinate system (.prj "PROJCS["ETRS_1989_UTM_Zone_30N"',
    );
    expect(() => detectCoordinateSystem({ kind: "crs member", text: "EPSG:2157" }, LONDON_METRES)).toThrow(
      '(crs member "EPSG:2157") is neither WGS84 longitude/latitude nor British National Grid (EPSG:27700)',
    );
  });

  it("without a declaration, tells degrees from grid metres by their ranges, and refuses anything else", () => {
    expect(detectCoordinateSystem(null, LONDON_DEGREES).system).toBe("wgs84");
    expect(detectCoordinateSystem(null, LONDON_METRES)).toEqual({
      system: "british-national-grid",
      detectedFrom: "coordinate ranges (x from 503000 to 562000, y from 155000 to 201000)",
    });
    expect(() => detectCoordinateSystem(null, [-14_000, 6_700_000, 37_000, 6_740_000])).toThrow(
      "The file's coordinates (x from -14000 to 37000, y from 6700000 to 6740000) are neither longitude/latitude nor British National Grid metres",
    );
  });
});
