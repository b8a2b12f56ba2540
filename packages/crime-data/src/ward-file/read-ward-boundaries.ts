import { basename, extname } from "node:path";

import { WardBoundaryError } from "../errors";
import { detectCoordinateSystem, type DetectedCoordinateSystem } from "./coordinate-system";
import { gridPositionToWgs84 } from "./national-grid";
import { readWardFile, type WardFileFormat } from "./read-ward-file";
import {
  extentOf,
  labelPoint,
  mapPositions,
  readPolygons,
  validWardGeometry,
  type WardGeometry,
} from "./ward-geometry";
import { findWardColumns, textProperty, type WardColumnFlags, type WardColumns } from "./ward-properties";

export type WardFileOptions = {
  /** Property names given by flag, overriding detection. */
  columns?: WardColumnFlags;
  /** For a file of one borough with no borough properties (ONS's per-district files). */
  borough?: { code?: string | undefined; name?: string | undefined };
};

/** One ward ready to store: WGS84, RFC 7946-wound, checked. */
export type BoundaryWard = {
  code: string;
  name: string;
  /** The Welsh name (`WDyyNMW`), null when the file has none or leaves it blank. */
  welshName: string | null;
  boroughCode: string;
  /** Null when neither the file nor a flag names it: the loader may know it from the database. */
  boroughName: string | null;
  /** A point inside the ward, [longitude, latitude]: ONS's LONG/LAT when given, else found. */
  label: [number, number];
  geometry: WardGeometry;
};

export type WardBoundaries = {
  path: string;
  format: WardFileFormat;
  coordinateSystem: DetectedCoordinateSystem;
  /** True when positions were converted from British National Grid to WGS84. */
  reprojected: boolean;
  columns: WardColumns;
  /** Where the borough came from: "properties LAD22CD/LAD22NM", "--borough-code", "the file name". */
  boroughFrom: string;
  /** Sorted by ward code. */
  wards: BoundaryWard[];
};

/** A local authority district's GSS code: E06–E09 (England), W06 (Wales), S12 (Scotland), N09 (Northern Ireland). */
const BOROUGH_CODE = /^(?:E0[6-9]|W06|S12|N09)\d{6}$/;

/**
 * Reads, checks and reprojects a ward boundary file (see readWardFile for the formats,
 * findWardColumns for the property names, detectCoordinateSystem for coordinates). Writes nothing.
 * Throws WardBoundaryError, naming the file, the feature and what is wrong, for anything it cannot
 * store faithfully.
 */
export function readWardBoundaries(path: string, options: WardFileOptions = {}): WardBoundaries {
  const file = readWardFile(path);
  if (file.features.length === 0) throw new WardBoundaryError(`${path} holds no features`);
  const propertyNames = [...new Set(file.features.flatMap((f) => Object.keys(f.properties)))];
  const columns = findWardColumns(propertyNames, options.columns);
  const fixedBorough = boroughWithoutColumns(path, columns, options);

  const read = file.features.map((feature, index) => {
    const code = textProperty(feature.properties, columns.code);
    const name = textProperty(feature.properties, columns.name);
    const label = `ward ${[code, name].filter(Boolean).join(" ") || "without code or name"} (feature ${index + 1})`;
    if (code === null) throw new WardBoundaryError(`${path}: feature ${index + 1} has no ward code in ${columns.code}`);
    if (name === null) throw new WardBoundaryError(`${path}: ${label} has no ward name in ${columns.name}`);
    const boroughCode = fixedBorough?.code ?? textProperty(feature.properties, columns.boroughCode);
    if (boroughCode === null) {
      throw new WardBoundaryError(`${path}: ${label} has no borough code in ${columns.boroughCode ?? "any property"}`);
    }
    return {
      code,
      name,
      boroughCode,
      label,
      properties: feature.properties,
      polygons: readPolygons(feature.geometry, `${path}: ${label}`),
    };
  });

  const coordinateSystem = detectCoordinateSystem(file.declared, extentOf(read.map((r) => r.polygons)));
  const reprojected = coordinateSystem.system === "british-national-grid";
  const wards = read.map((r): BoundaryWard => {
    const where = `${path}: ${r.label}`;
    const polygons = reprojected ? mapPositions(r.polygons, gridPositionToWgs84, where) : r.polygons;
    const geometry = validWardGeometry(polygons, where);
    return {
      code: r.code,
      name: r.name,
      welshName: textProperty(r.properties, columns.welshName),
      boroughCode: r.boroughCode,
      boroughName: fixedBorough
        ? (fixedBorough.name ?? null)
        : (textProperty(r.properties, columns.boroughName) ?? options.borough?.name ?? null),
      label: publishedLabel(r.properties) ?? labelPoint(geometry),
      geometry,
    };
  });

  const boroughCodes = new Set(wards.map((w) => w.boroughCode));
  if (options.borough?.name !== undefined && columns.boroughName === null && boroughCodes.size > 1) {
    throw new WardBoundaryError(
      `--borough-name names one borough, but the file holds ${boroughCodes.size} (${[...boroughCodes].join(", ")}): name the property holding borough names with --borough-name-property`,
    );
  }
  const seen = new Set<string>();
  for (const ward of wards) {
    if (seen.has(ward.code)) throw new WardBoundaryError(`${path}: the ward code ${ward.code} appears twice`);
    seen.add(ward.code);
  }
  return {
    path,
    format: file.format,
    coordinateSystem,
    reprojected,
    columns,
    boroughFrom:
      fixedBorough?.from ?? `properties ${columns.boroughCode}${columns.boroughName ? `/${columns.boroughName}` : ""}`,
    wards: wards.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
  };
}

/**
 * The one borough of a file whose features carry no borough code: `--borough-code`, else the file
 * name when it is a district code (ONS's per-district downloads, `E07000135.json`). Null when the
 * features carry their own.
 */
function boroughWithoutColumns(
  path: string,
  columns: WardColumns,
  options: WardFileOptions,
): { code: string; name: string | undefined; from: string } | null {
  const given = options.borough?.code;
  if (given !== undefined) {
    if (!BOROUGH_CODE.test(given)) {
      throw new WardBoundaryError(
        `--borough-code ${given}: a borough (local authority district) code is E06, E07, E08, E09, W06, S12 or N09 and six digits, such as E07000135`,
      );
    }
    return { code: given, name: options.borough?.name, from: "--borough-code" };
  }
  if (columns.boroughCode !== null) return null;
  const stem = basename(path, extname(path));
  if (BOROUGH_CODE.test(stem)) return { code: stem, name: options.borough?.name, from: `the file name (${stem})` };
  throw new WardBoundaryError(
    `${path}: the features carry no borough (local authority district) code such as LAD22CD or LAGSSCODE. Give the borough with --borough-code and --borough-name for a file of one borough, or name the property with --borough-code-property.`,
  );
}

/** ONS's own label point (`LONG`/`LAT`, degrees, in every recent release), when the file has one. */
function publishedLabel(properties: Record<string, unknown>): [number, number] | null {
  const lon = properties.LONG;
  const lat = properties.LAT;
  if (typeof lon !== "number" || typeof lat !== "number") return null;
  return Math.abs(lon) <= 180 && Math.abs(lat) <= 90 ? [lon, lat] : null;
}
