/**
 * The part of shpjs (MIT, https://github.com/calvinmetcalf/shapefile-js) we use, which ships no
 * types: parse a .shp's bytes to GeoJSON geometries (no projection given, so coordinates stay as
 * stored) and a .dbf's bytes to property objects (decoded as the .cpg says, else as UTF-8/latin1).
 */
declare module "shpjs" {
  export type ShpGeometry = { type: string; coordinates: unknown; bbox?: number[] };
  export function parseShp(shp: Uint8Array | ArrayBuffer, prj?: string | false): ShpGeometry[];
  export function parseDbf(dbf: Uint8Array | ArrayBuffer, cpg?: string): Record<string, unknown>[];
}
