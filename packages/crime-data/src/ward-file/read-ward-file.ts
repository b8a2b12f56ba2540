// shpjs ships no types; its declaration must travel with this file to every package that compiles it.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- a path reference is the only way that works across packages
/// <reference path="./shpjs.d.ts" />
import { existsSync, readFileSync } from "node:fs";
import { extname } from "node:path";

import { parseDbf, parseShp } from "shpjs";

import { WardBoundaryError } from "../errors";
import type { DeclaredCrs } from "./coordinate-system";

export type WardFileFormat = "GeoJSON" | "Shapefile";

/** A feature as read, before any checking: its properties and its geometry as the file holds them. */
export type RawFeature = { properties: Record<string, unknown>; geometry: unknown };

export type RawWardFile = { format: WardFileFormat; declared: DeclaredCrs; features: RawFeature[] };

/**
 * Reads a ward boundary file as the formats ONS and OS publish it: GeoJSON (`.geojson`, `.json`;
 * RFC 7946 or the 2008 spec's `crs` member) or an ESRI Shapefile (`.shp` with its `.dbf`, and the
 * `.prj` and `.cpg` beside it when present; read by shpjs, coordinates left as stored). Throws
 * WardBoundaryError naming the file and what is wrong.
 */
export function readWardFile(path: string): RawWardFile {
  const extension = extname(path).toLowerCase();
  if (!existsSync(path)) throw new WardBoundaryError(`${path}: no such file`);
  if (extension === ".shp") return readShapefile(path);
  if (extension === ".geojson" || extension === ".json") return readGeoJson(path);
  throw new WardBoundaryError(
    `${path}: a ward file must be GeoJSON (.geojson, .json) or a Shapefile (.shp with its .dbf); unzip a downloaded .zip first`,
  );
}

function readGeoJson(path: string): RawWardFile {
  let collection: unknown;
  try {
    collection = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new WardBoundaryError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const c = collection as { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } };
  if (c?.type !== "FeatureCollection" || !Array.isArray(c.features)) {
    throw new WardBoundaryError(`${path} is not a GeoJSON FeatureCollection`);
  }
  const crsName = c.crs?.properties?.name;
  const features = (c.features as Array<{ properties?: unknown; geometry?: unknown } | null>).map((f) => ({
    properties: isRecord(f?.properties) ? f.properties : {},
    geometry: f?.geometry ?? null,
  }));
  return {
    format: "GeoJSON",
    declared: typeof crsName === "string" ? { kind: "crs member", text: crsName } : null,
    features,
  };
}

function readShapefile(path: string): RawWardFile {
  const base = path.slice(0, -".shp".length);
  const sibling = (ext: string) => [`${base}.${ext}`, `${base}.${ext.toUpperCase()}`].find((p) => existsSync(p));
  const dbfPath = sibling("dbf");
  if (!dbfPath) throw new WardBoundaryError(`${path}: the Shapefile's .dbf (its properties) is not beside it`);
  const prjPath = sibling("prj");
  const cpgPath = sibling("cpg");
  let geometries: unknown[];
  let records: Record<string, unknown>[];
  try {
    geometries = parseShp(readFileSync(path));
    records = parseDbf(readFileSync(dbfPath), cpgPath ? readFileSync(cpgPath, "latin1").trim() : undefined);
  } catch (error) {
    throw new WardBoundaryError(`${path} could not be read as a Shapefile: ${(error as Error).message}`);
  }
  if (geometries.length !== records.length) {
    throw new WardBoundaryError(
      `${path} holds ${geometries.length} shapes but its .dbf ${records.length} records: the two files do not belong together`,
    );
  }
  return {
    format: "Shapefile",
    declared: prjPath ? { kind: ".prj", text: readFileSync(prjPath, "utf8") } : null,
    features: geometries.map((geometry, i) => ({ properties: records[i] ?? {}, geometry })),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
