import { WardBoundaryError } from "../errors";
import { GRID_EXTENT } from "./national-grid";

/** The two coordinate systems ward files arrive in: WGS84 degrees (RFC 7946) or OS grid metres. */
export type CoordinateSystem = "wgs84" | "british-national-grid";

export type DetectedCoordinateSystem = {
  system: CoordinateSystem;
  /** How it was told: "crs member urn:ogc:def:crs:EPSG::27700", ".prj OSGB_1936_British_National_Grid", or the ranges. */
  detectedFrom: string;
};

export const COORDINATE_SYSTEM_NAMES: Record<CoordinateSystem, string> = {
  wgs84: "WGS84 longitude/latitude (EPSG:4326)",
  "british-national-grid": "British National Grid metres (EPSG:27700)",
};

/**
 * What a file says of its coordinates: a GeoJSON `crs` member's name (the 2008 GeoJSON spec, still
 * written by ogr2ogr and ArcGIS: "urn:ogc:def:crs:EPSG::27700", "EPSG:27700",
 * "urn:ogc:def:crs:OGC:1.3:CRS84"), or a Shapefile's .prj (ESRI WKT).
 */
export type DeclaredCrs = { kind: "crs member" | ".prj"; text: string } | null;

const WGS84_NAMES = /(?:^|[:/])(?:CRS84|4326)$|^WGS ?84$/i;
const GRID_NAMES = /(?:^|[:/])27700$/;

/** Reads a `crs` member or .prj text; refuses any other system, naming it. */
function fromDeclaration(declared: NonNullable<DeclaredCrs>): CoordinateSystem {
  const text = declared.text.trim();
  if (declared.kind === "crs member") {
    const name = text.replace(/::/g, ":");
    if (WGS84_NAMES.test(name)) return "wgs84";
    if (GRID_NAMES.test(name)) return "british-national-grid";
  } else {
    // ESRI WKT: a projected system names its projection; a plain geographic one is GEOGCS only.
    if (/British_National_Grid|OSGB[ _]?1936|OSGB36|27700/i.test(text) && /PROJCS|PROJCRS/i.test(text)) {
      return "british-national-grid";
    }
    if (/^GEOG(?:CS|CRS)\[/i.test(text) && /WGS[ _]?(?:19)?84/i.test(text)) return "wgs84";
  }
  const shown = text.length > 120 ? `${text.slice(0, 117)}…` : text;
  throw new WardBoundaryError(
    `The file's coordinate system (${declared.kind} "${shown}") is neither WGS84 longitude/latitude nor British National Grid (EPSG:27700): reproject it to one of those first (for example ogr2ogr -t_srs EPSG:4326).`,
  );
}

/** The smallest box holding every position: [minX, minY, maxX, maxY]. */
export type Extent = [number, number, number, number];

/**
 * Decides the coordinate system: the file's own declaration when it has one, else the coordinate
 * ranges (longitude −180…180 and latitude −90…90 are degrees; eastings 0…700 km and northings
 * 0…1,300 km are the grid; a ward's grid metres are never all below 180). Throws WardBoundaryError
 * naming the problem for anything else.
 */
export function detectCoordinateSystem(declared: DeclaredCrs, extent: Extent): DetectedCoordinateSystem {
  if (declared) return { system: fromDeclaration(declared), detectedFrom: `${declared.kind} ${declared.text.trim()}` };
  const [minX, minY, maxX, maxY] = extent;
  const ranges = `x from ${minX} to ${maxX}, y from ${minY} to ${maxY}`;
  if (minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90) {
    return { system: "wgs84", detectedFrom: `coordinate ranges (${ranges})` };
  }
  if (minX >= 0 && maxX <= GRID_EXTENT.maxEasting && minY >= 0 && maxY <= GRID_EXTENT.maxNorthing) {
    return { system: "british-national-grid", detectedFrom: `coordinate ranges (${ranges})` };
  }
  throw new WardBoundaryError(
    `The file's coordinates (${ranges}) are neither longitude/latitude nor British National Grid metres, and it names no coordinate system: reproject it to WGS84 (EPSG:4326) or EPSG:27700 first.`,
  );
}
