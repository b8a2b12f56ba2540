import type { LayerFeature } from "./layer-feature";

/**
 * The JSON documents of OGC API – Features Part 1 Core (OGC 17-069r4): landing page (§7.2),
 * conformance (§7.4), collection (§7.14) and a page of items (§7.15, GeoJSON per §8.3, CRS84).
 * `base` is the feed's absolute address, e.g. https://host/feed/v1; links are absolute.
 */

export const OGC_JSON = "application/json";
const GEOJSON = "application/geo+json";
const COLLECTION = "priorities";
const CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

export const CONFORMANCE_CLASSES = [
  "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
  "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
];

export type PageQuery = { limit: number; offset: number };

export function landingDocument(base: string) {
  return {
    title: "Ward Panel priority feed: GIS layer",
    description: "Agreed local policing priorities as an OGC API – Features layer. Send your key as a Bearer token.",
    links: [
      { href: `${base}/ogc`, rel: "self", type: OGC_JSON, title: "This document" },
      {
        href: `${base}/openapi.json`,
        rel: "service-desc",
        type: "application/vnd.oai.openapi+json;version=3.1",
        title: "The feed's API definition (OpenAPI 3.1)",
      },
      { href: `${base}/ogc/conformance`, rel: "conformance", type: OGC_JSON, title: "Conformance classes" },
      { href: `${base}/ogc/collections`, rel: "data", type: OGC_JSON, title: "Collections" },
    ],
  };
}

export function conformanceDocument(base: string) {
  return { links: [{ href: `${base}/ogc/conformance`, rel: "self", type: OGC_JSON }], conformsTo: CONFORMANCE_CLASSES };
}

/**
 * The collection; `bbox` is the loaded wards' extent in CRS84 ([west, south, east, north], from
 * wardsExtent), for clients sizing a first view: London's, Leicestershire's, whatever is loaded.
 * Without wards there is no spatial extent.
 */
export function collectionDocument(base: string, bbox: readonly number[] | null) {
  const self = `${base}/ogc/collections/${COLLECTION}`;
  return {
    id: COLLECTION,
    title: "Ward priorities",
    description:
      "Each active agreed local policing priority with its drawn area (none if only streets or postcodes are given).",
    itemType: "feature",
    crs: [CRS84],
    extent: {
      ...(bbox ? { spatial: { bbox: [outward(bbox)], crs: CRS84 } } : {}),
      temporal: { interval: [[null, null]] },
    },
    links: [
      { href: self, rel: "self", type: OGC_JSON, title: "This collection" },
      { href: `${self}/items`, rel: "items", type: GEOJSON, title: "The priorities (GeoJSON)" },
      {
        href: `${base}/priorities.gpkg`,
        rel: "enclosure",
        type: "application/geopackage+sqlite3",
        title: "The whole layer as a GeoPackage",
      },
    ],
  };
}

/** The box to 4 decimal places (about 10 m), rounded outwards so it still holds every ward. */
function outward([west = 0, south = 0, east = 0, north = 0]: readonly number[]): number[] {
  const down = (d: number) => Math.floor(d * 1e4) / 1e4;
  const up = (d: number) => Math.ceil(d * 1e4) / 1e4;
  return [down(west), down(south), up(east), up(north)];
}

/** One page of the selected features with self/alternate/next/prev links; `filters` are carried into links. */
export function itemsPage(
  base: string,
  selected: readonly LayerFeature[],
  page: PageQuery,
  filters: Record<string, string>,
) {
  const features = selected.slice(page.offset, page.offset + page.limit);
  const href = (offset: number, extra: Record<string, string> = {}) => {
    const params = new URLSearchParams({ ...filters, limit: String(page.limit), offset: String(offset), ...extra });
    return `${base}/ogc/collections/${COLLECTION}/items?${params.toString()}`;
  };
  const links: { href: string; rel: string; type: string; title?: string }[] = [
    { href: href(page.offset), rel: "self", type: GEOJSON, title: "This page" },
    { href: href(page.offset, { f: "json" }), rel: "alternate", type: OGC_JSON, title: "This page as JSON" },
    { href: `${base}/ogc/collections/${COLLECTION}`, rel: "collection", type: OGC_JSON },
  ];
  if (page.offset + page.limit < selected.length)
    links.push({ href: href(page.offset + page.limit), rel: "next", type: GEOJSON, title: "Next page" });
  if (page.offset > 0)
    links.push({
      href: href(Math.max(0, page.offset - page.limit)),
      rel: "prev",
      type: GEOJSON,
      title: "Previous page",
    });
  return {
    type: "FeatureCollection",
    timeStamp: new Date().toISOString(),
    numberMatched: selected.length,
    numberReturned: features.length,
    features: features.map((feature) => ({ type: "Feature", ...feature })),
    links,
  };
}
