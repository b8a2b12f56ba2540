import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import Database from "better-sqlite3";

import { envelopeOf } from "./bbox-filter";
import { LAYER_FIELDS, type LayerFeature, type LayerProperties } from "./layer-feature";
import { geoPackageGeometry } from "./wkb";

/**
 * The GIS layer as an OGC GeoPackage 1.3 file (OGC 12-128r18): the required
 * gpkg_spatial_ref_sys (with EPSG:4326), gpkg_contents and gpkg_geometry_columns tables and one
 * feature table, `ward_priorities`, whose columns are the layer's fields plus `fid` and `geom`
 * (MULTIPOLYGON, EPSG:4326; NULL for a priority with no drawn area). No spatial index: a
 * few thousand features draw at once without one. Written with better-sqlite3 to a temporary
 * file, read back and deleted; returns the file's bytes.
 */

export const GEOPACKAGE_TABLE = "ward_priorities";
const SRS_ID = 4326;
/** PRAGMA application_id "GPKG" and user_version 10300 (GeoPackage 1.3). */
const APPLICATION_ID = 0x47504b47;
const USER_VERSION = 10300;
const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],' +
  'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],' +
  'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]';

/** SQLite/GeoPackage column type of each field (GeoPackage 1.3 Table 1 data types). */
const COLUMN_TYPES: Record<keyof LayerProperties, string> = {
  id: "TEXT NOT NULL",
  version: "INTEGER NOT NULL",
  status: "TEXT NOT NULL",
  effective: "DATETIME NOT NULL",
  expire: "DATETIME",
  review: "DATE NOT NULL",
  updated: "DATETIME NOT NULL",
  agency: "TEXT NOT NULL",
  ward_code: "TEXT NOT NULL",
  ward_name: "TEXT NOT NULL",
  bor_code: "TEXT NOT NULL",
  bor_name: "TEXT NOT NULL",
  title: "TEXT NOT NULL",
  category: "TEXT",
  flagged: "BOOLEAN NOT NULL",
  resp_min: "INTEGER",
  popup: "TEXT NOT NULL",
  url: "TEXT NOT NULL",
};

/** `changedAt`: when the layer last changed, for gpkg_contents.last_change. */
export function writeGeoPackage(features: readonly LayerFeature[], changedAt: Date): Buffer {
  const dir = mkdtempSync(join(tmpdir(), "wardpanel-gpkg-"));
  const path = join(dir, "ward-priorities.gpkg");
  try {
    const db = new Database(path);
    try {
      fill(db, features, changedAt);
    } finally {
      db.close();
    }
    return readFileSync(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function fill(db: Database.Database, features: readonly LayerFeature[], changedAt: Date): void {
  db.pragma("journal_mode = DELETE");
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma(`user_version = ${USER_VERSION}`);
  db.exec(`
    CREATE TABLE gpkg_spatial_ref_sys (
      srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
      organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
    CREATE TABLE gpkg_contents (
      table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
      description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
      min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
      CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
    CREATE TABLE gpkg_geometry_columns (
      table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
      srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
      CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
      CONSTRAINT uk_gc_table_name UNIQUE (table_name),
      CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
      CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
    CREATE TABLE ${GEOPACKAGE_TABLE} (
      fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom MULTIPOLYGON,
      ${LAYER_FIELDS.map((field) => `${field} ${COLUMN_TYPES[field]}`).join(", ")});
  `);
  const srs = db.prepare(
    "INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition, description) VALUES (?, ?, ?, ?, ?, ?)",
  );
  srs.run("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate reference system");
  srs.run("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system");
  srs.run("WGS 84 geodetic", SRS_ID, "EPSG", 4326, WGS84_WKT, "longitude/latitude coordinates in decimal degrees");

  const extent = layerExtent(features);
  db.prepare(
    "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?, ?)",
  ).run(
    GEOPACKAGE_TABLE,
    "Ward priorities",
    "Agreed local policing priorities (Ward Panel)",
    changedAt.toISOString(),
    extent?.minX ?? null,
    extent?.minY ?? null,
    extent?.maxX ?? null,
    extent?.maxY ?? null,
    SRS_ID,
  );
  db.prepare(
    "INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) VALUES (?, 'geom', 'MULTIPOLYGON', ?, 0, 0)",
  ).run(GEOPACKAGE_TABLE, SRS_ID);

  const insert = db.prepare(
    `INSERT INTO ${GEOPACKAGE_TABLE} (geom, ${LAYER_FIELDS.join(", ")}) VALUES (?, ${LAYER_FIELDS.map(() => "?").join(", ")})`,
  );
  db.transaction(() => {
    for (const feature of features) {
      const values = LAYER_FIELDS.map((field) => {
        const value = feature.properties[field];
        return typeof value === "boolean" ? (value ? 1 : 0) : value;
      });
      insert.run(feature.geometry ? geoPackageGeometry(feature.geometry, SRS_ID) : null, ...values);
    }
  })();
}

function layerExtent(features: readonly LayerFeature[]) {
  const envelopes = features.flatMap((f) => (f.geometry ? [envelopeOf(f.geometry)] : []));
  if (envelopes.length === 0) return null;
  return {
    minX: Math.min(...envelopes.map((e) => e.minX)),
    minY: Math.min(...envelopes.map((e) => e.minY)),
    maxX: Math.max(...envelopes.map((e) => e.maxX)),
    maxY: Math.max(...envelopes.map((e) => e.maxY)),
  };
}
