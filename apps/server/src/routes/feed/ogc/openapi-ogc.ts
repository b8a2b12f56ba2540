import { DEFAULT_LIMIT, MAX_LIMIT } from "./ogc-routes";

/**
 * The GIS layer's part of the feed's OpenAPI 3.1 document: the OGC API – Features Part 1 Core
 * paths under /ogc and the GeoPackage download, and the layer's feature schema. The caller
 * passes the document's shared parameters and problem responses so both parts read alike.
 */

type Responses = Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const ogcJson = (description: string) => ({
  description,
  content: { "application/json": { schema: { type: "object" } } },
});
const nullable = (type: string, description: string, format?: string) => ({
  type: [type, "null"],
  description,
  ...(format ? { format } : {}),
});

export function ogcPaths(filters: readonly unknown[], common: Responses, scoped: Responses) {
  const notFound = { description: "No active priority with this id that the key may see" };
  const geoJson = (schema: unknown, description: string) => ({
    description,
    content: { "application/geo+json": { schema } },
  });
  return {
    "/ogc": {
      get: {
        operationId: "getOgcLanding",
        summary: "OGC API – Features landing page",
        responses: { "200": ogcJson("Links to the API definition, conformance and collections"), ...common },
      },
    },
    "/ogc/conformance": {
      get: {
        operationId: "getOgcConformance",
        summary: "Conformance classes: core and geojson",
        responses: { "200": ogcJson("conformsTo"), ...common },
      },
    },
    "/ogc/collections": {
      get: {
        operationId: "getOgcCollections",
        summary: "The one collection, priorities",
        responses: { "200": ogcJson("Collections"), ...common },
      },
    },
    "/ogc/collections/priorities": {
      get: {
        operationId: "getOgcCollection",
        summary: "The priorities collection",
        responses: { "200": ogcJson("The collection, with its extent and links"), ...common },
      },
    },
    "/ogc/collections/priorities/items": {
      get: {
        operationId: "getOgcItems",
        summary: "Priorities as GeoJSON features (CRS84), filtered and paged",
        parameters: [
          {
            name: "limit",
            in: "query",
            required: false,
            schema: { type: "integer", minimum: 1, default: DEFAULT_LIMIT },
            description: `Page size; above ${MAX_LIMIT} is served as ${MAX_LIMIT}`,
          },
          {
            name: "offset",
            in: "query",
            required: false,
            schema: { type: "integer", minimum: 0, default: 0 },
            description: "Features to skip; follow the `next` link rather than building it",
          },
          {
            name: "bbox",
            in: "query",
            required: false,
            style: "form",
            explode: false,
            schema: { type: "array", minItems: 4, maxItems: 4, items: { type: "number" } },
            description: "minLon,minLat,maxLon,maxLat (CRS84); features whose area's envelope meets it",
          },
          {
            name: "datetime",
            in: "query",
            required: false,
            schema: { type: "string" },
            description:
              "RFC 3339 date-time with offset, or interval start/end with `..` for an open end: priorities valid then",
          },
          ...filters,
          { name: "f", in: "query", required: false, schema: { enum: ["json", "geojson"] } },
        ],
        responses: {
          "200": geoJson(
            {
              type: "object",
              required: ["type", "features", "links", "timeStamp", "numberReturned"],
              properties: {
                type: { const: "FeatureCollection" },
                features: { type: "array", items: ref("LayerFeature") },
                links: { type: "array", items: { type: "object" } },
                timeStamp: { type: "string", format: "date-time" },
                numberMatched: { type: "integer" },
                numberReturned: { type: "integer" },
              },
            },
            "A page of features with self, alternate, next and prev links",
          ),
          ...scoped,
        },
      },
    },
    "/ogc/collections/priorities/items/{id}": {
      get: {
        operationId: "getOgcItem",
        summary: "One priority as a GeoJSON feature",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": geoJson(ref("LayerFeature"), "The feature"), "404": notFound, ...common },
      },
    },
    "/priorities.gpkg": {
      get: {
        operationId: "getGeoPackage",
        summary: "The GIS layer as an OGC GeoPackage 1.3 file (table ward_priorities, EPSG:4326)",
        parameters: [...filters, { name: "If-None-Match", in: "header", required: false, schema: { type: "string" } }],
        responses: {
          "200": {
            description: "GeoPackage with a strong ETag",
            content: {
              "application/geopackage+sqlite3": {
                schema: { type: "string", contentMediaType: "application/geopackage+sqlite3" },
              },
            },
          },
          "304": { description: "Unchanged since the ETag you sent" },
          ...scoped,
        },
      },
    },
  };
}

/** The layer's feature: property names of at most 10 characters, so a Shapefile keeps them. */
export const LAYER_FEATURE_SCHEMA = {
  type: "object",
  required: ["type", "id", "geometry", "properties"],
  properties: {
    type: { const: "Feature" },
    id: { type: "string" },
    geometry: { $ref: "#/components/schemas/FeedPriority/properties/area/properties/geometry" },
    properties: {
      type: "object",
      properties: {
        id: { type: "string" },
        version: { type: "integer" },
        status: { type: "string" },
        effective: { type: "string", format: "date-time", description: "Valid from (NENA STA-006 Effective)" },
        expire: nullable(
          "string",
          "Valid until, exclusive (Expire): the end of the review date + the force's grace (PRIORITY_REVIEW_GRACE_DAYS)",
          "date-time",
        ),
        review: { type: "string", format: "date", description: "When the panel next reviews it" },
        updated: { type: "string", format: "date-time", description: "Last change (DateUpdate)" },
        agency: { type: "string", description: "Domain to report a discrepancy to (DiscrpAgID)" },
        ward_code: { type: "string" },
        ward_name: { type: "string" },
        bor_code: { type: "string" },
        bor_name: { type: "string" },
        title: { type: "string", maxLength: 200 },
        category: nullable("string", "police.uk crime category"),
        flagged: { type: "boolean" },
        resp_min: nullable("integer", "Promised attendance in minutes"),
        popup: { type: "string", maxLength: 200 },
        url: { type: "string", format: "uri" },
      },
    },
  },
};
