import type { FeedGeometry } from "@wardpanel/db/queries/feed";

import { envelopeOf } from "./bbox-filter";

/**
 * A polygon area as a GeoPackage geometry blob (OGC GeoPackage 1.3 §2.1.3, "GeoPackageBinary"):
 * the 8-byte header ("GP", version 0, flags: little-endian with an [minx, maxx, miny, maxy]
 * envelope), the int32 srs_id, the 32-byte envelope, then little-endian ISO WKB (OGC 06-103r4
 * §8.2) of a MultiPolygon — a Polygon is written as a one-part MultiPolygon, so the layer has
 * one geometry type, as a Shapefile needs. Coordinates are x = longitude, y = latitude.
 */

const WKB_POLYGON = 3;
const WKB_MULTIPOLYGON = 6;
const LITTLE_ENDIAN = 1;
/** Bit 0: little-endian; bits 1–3 = 1: envelope is [minx, maxx, miny, maxy]. */
const FLAGS = 0b0000_0011;

export function geoPackageGeometry(geometry: FeedGeometry, srsId: number): Buffer {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const wkb = multiPolygonWkb(polygons);
  const e = envelopeOf(geometry);
  const header = Buffer.alloc(8 + 32);
  header.write("GP", 0, "ascii");
  header.writeUInt8(0, 2);
  header.writeUInt8(FLAGS, 3);
  header.writeInt32LE(srsId, 4);
  [e.minX, e.maxX, e.minY, e.maxY].forEach((value, i) => header.writeDoubleLE(value, 8 + i * 8));
  return Buffer.concat([header, wkb]);
}

/** Little-endian WKB of a MultiPolygon: polygons of rings of [x, y] positions. */
export function multiPolygonWkb(polygons: readonly (readonly (readonly (readonly number[])[])[])[]): Buffer {
  let size = 9;
  for (const polygon of polygons) {
    size += 9;
    for (const ring of polygon) size += 4 + ring.length * 16;
  }
  const out = Buffer.alloc(size);
  let at = 0;
  const byteAndType = (type: number) => {
    at = out.writeUInt8(LITTLE_ENDIAN, at);
    at = out.writeUInt32LE(type, at);
  };
  byteAndType(WKB_MULTIPOLYGON);
  at = out.writeUInt32LE(polygons.length, at);
  for (const polygon of polygons) {
    byteAndType(WKB_POLYGON);
    at = out.writeUInt32LE(polygon.length, at);
    for (const ring of polygon) {
      at = out.writeUInt32LE(ring.length, at);
      for (const [x = NaN, y = NaN] of ring) {
        at = out.writeDoubleLE(x, at);
        at = out.writeDoubleLE(y, at);
      }
    }
  }
  return out;
}
