/**
 * An example for every operation in the feed's OpenAPI document: request bodies, every JSON or
 * text response and every problem (RFC 9457). `withExamples` adds them to a built document as
 * `examples` on each media type (OpenAPI 3.1 §4.8.14); openapi-examples.test.ts validates each
 * one against the schema beside it, so an example cannot drift from the contract. Binary bodies
 * (the GeoPackage, the package tarball) and the docs page have none.
 */

import { MISSES_CSV } from "./misses-openapi";

const SITE = "https://wardpanel.example.org";

const PRIORITY = {
  id: "1",
  version: 2,
  status: "active",
  ward: { code: "E05013653", name: "Bloomsbury", borough: { code: "E09000007", name: "Camden" } },
  title: "Drug dealing in Russell Square gardens",
  description: "Residents see drug dealing near the children's play area most evenings.",
  category: "drugs",
  callHandling: {
    flagged: true,
    responseTargetMinutes: 60,
    responseTarget: { minutes: 60, force: "metropolitan" },
    lapsed: false,
  },
  area: {
    geometry: {
      type: "Polygon",
      coordinates: [
        [
          [-0.13398, 51.5213],
          [-0.13098, 51.5213],
          [-0.13098, 51.5243],
          [-0.13398, 51.5243],
          [-0.13398, 51.5213],
        ],
      ],
    },
    streets: ["Bernard Street"],
    postcodes: ["WC1N 1LJ"],
    postcodeSectors: [],
    beats: [],
  },
  validFrom: "2026-11-01T00:00:00.000Z",
  reviewDate: "2027-02-01",
  // The end of the review date + 14 days' grace, London time (decision 0029).
  expiresAt: "2027-02-16T00:00:00.000Z",
  decided: { meetingId: "unrecorded", meetingDate: "2026-11-25", voteId: null, resultUrl: null },
  popupText: "Ward priority (Bloomsbury): Drug dealing in Russell Square gardens. 60-minute response.",
};

const LAYER_FEATURE = {
  type: "Feature",
  id: "1",
  geometry: PRIORITY.area.geometry,
  properties: {
    id: "1",
    version: 2,
    status: "active",
    effective: "2026-11-01T00:00:00.000Z",
    expire: "2027-02-16T00:00:00.000Z",
    review: "2027-02-01",
    updated: "2026-11-25T12:00:00.000Z",
    agency: "wardpanel.example.org",
    ward_code: "E05013653",
    ward_name: "Bloomsbury",
    bor_code: "E09000007",
    bor_name: "Camden",
    title: PRIORITY.title,
    category: "drugs",
    flagged: true,
    resp_min: 60,
    popup: PRIORITY.popupText,
    url: `${SITE}/wards/E05013653/priorities#priority-1`,
  },
};

const OGC = `${SITE}/feed/v1/ogc`;
const COLLECTION = {
  id: "priorities",
  title: "Ward priorities",
  description:
    "Each active agreed local policing priority with its drawn area (none if only streets or postcodes are given).",
  itemType: "feature",
  crs: ["http://www.opengis.net/def/crs/OGC/1.3/CRS84"],
  extent: {
    spatial: { bbox: [[-0.5104, 51.2868, 0.334, 51.6919]], crs: "http://www.opengis.net/def/crs/OGC/1.3/CRS84" },
    temporal: { interval: [[null, null]] },
  },
  links: [
    { href: `${OGC}/collections/priorities`, rel: "self", type: "application/json", title: "This collection" },
    {
      href: `${OGC}/collections/priorities/items`,
      rel: "items",
      type: "application/geo+json",
      title: "The priorities",
    },
  ],
};

const CSV = `priority_id,version,ward_code,ward_name,borough_code,borough_name,title,category,flagged,response_target_minutes,valid_from,review_date,matcher,value,popup_text
1,2,E05013653,Bloomsbury,E09000007,Camden,Drug dealing in Russell Square gardens,drugs,yes,60,2026-11-01T00:00:00.000Z,2027-02-01,street,Bernard Street,Ward priority (Bloomsbury): Drug dealing in Russell Square gardens. 60-minute response.
`;

const WEBHOOK = {
  id: 3,
  url: "https://cad.example.police.uk/hooks/ward-panel",
  createdAt: "2026-11-25T12:00:00.000Z",
  disabledAt: null,
};

/** A problem as the server writes it (problems.ts), for one status. */
function problem(status: number, title: string, slug: string, detail: string, field?: string) {
  return {
    type: `https://wardpanel.org/problems/feed/${slug}`,
    title,
    status,
    detail,
    ...(field ? { field } : {}),
  };
}

/** The problems every keyed operation may answer; an operation's own entries below override them. */
const PROBLEMS: Record<string, unknown> = {
  "400": problem(400, "Bad request", "invalid", "ward must be an ONS ward code (E05…)", "ward"),
  "401": problem(401, "Unauthorised", "invalid-key", "Send your key as Authorization: Bearer <key>", "authorization"),
  "403": problem(403, "Forbidden", "out-of-scope", "This key does not cover borough E09000033", "ward"),
  "404": problem(404, "Not found", "not_found", "There is no published priority 99"),
  "409": problem(409, "Conflict", "conflict", "A key may have at most 5 webhook endpoints; delete one first", "url"),
  "410": problem(
    410,
    "Gone",
    "cursor-expired",
    "This cursor is older than the 30 days of history kept: take a new snapshot",
    "after",
  ),
  "429": problem(
    429,
    "Too many requests",
    "rate-limited",
    "This key has made 1,200 requests this minute; try again in 12 s",
  ),
};

type OperationExamples = { request?: unknown; responses: Record<string, unknown> };

/** By operationId (and "webhook:<name>" for the webhooks the feed sends). */
export const OPERATION_EXAMPLES: Record<string, OperationExamples> = {
  getSnapshot: {
    responses: {
      "200": { schemaVersion: "1.2.0", cursor: "1", generatedAt: "2026-11-25T12:00:00.000Z", items: [PRIORITY] },
    },
  },
  getChanges: {
    responses: {
      "200": {
        schemaVersion: "1.2.0",
        changes: [
          { cursor: "41", kind: "upsert", item: PRIORITY },
          { cursor: "42", kind: "remove", id: "7", reason: "achieved" },
        ],
        next: "42",
        hasMore: false,
      },
      "400": problem(400, "Bad request", "invalid", "after must be a cursor from this feed", "after"),
    },
  },
  getGeoJson: {
    responses: {
      "200": {
        type: "FeatureCollection",
        features: [
          { type: "Feature", id: "1", geometry: PRIORITY.area.geometry, properties: { title: PRIORITY.title } },
        ],
      },
    },
  },
  getCsv: { responses: { "200": CSV } },
  getResponseMissesCsv: { responses: { "200": MISSES_CSV } },
  match: {
    request: {
      lon: -0.1246,
      lat: 51.5226,
      street: "Marchmont St",
      ward: "E05013653",
      category: "drugs",
      at: "2026-12-01T21:14:00+00:00",
    },
    responses: {
      "200": {
        matches: [
          {
            id: "1",
            title: PRIORITY.title,
            ward: PRIORITY.ward,
            responseTargetMinutes: 60,
            responseTarget: { minutes: 60, force: "metropolitan" },
            popupText: PRIORITY.popupText,
            matchedOn: ["area", "category"],
          },
        ],
      },
      "400": problem(400, "Bad request", "invalid", "Send lon and lat together", "lat"),
    },
  },
  reportResponses: {
    request: {
      responses: [
        {
          callReference: "CAD-2026-120104",
          priorityId: "1",
          receivedAt: "2026-12-01T21:14:00Z",
          arrivedAt: "2026-12-01T21:52:00Z",
        },
      ],
    },
    responses: {
      "200": { recorded: 1 },
      "400": problem(400, "Bad request", "invalid", "arrivedAt is before receivedAt", "responses[0].arrivedAt"),
    },
  },
  listWebhooks: { responses: { "200": { items: [WEBHOOK] } } },
  createWebhook: {
    request: { url: WEBHOOK.url },
    responses: {
      "201": { ...WEBHOOK, secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" },
      "400": problem(400, "Bad request", "invalid", "Notices go only to public addresses; 10.0.0.5 is private", "url"),
    },
  },
  deleteWebhook: { responses: { "404": problem(404, "Not found", "not_found", "This key has no webhook endpoint 8") } },
  getOgcLanding: {
    responses: {
      "200": {
        title: "Ward Panel priority feed: GIS layer",
        description:
          "Agreed local policing priorities as an OGC API – Features layer. Send your key as a Bearer token.",
        links: [
          { href: OGC, rel: "self", type: "application/json", title: "This document" },
          { href: `${OGC}/conformance`, rel: "conformance", type: "application/json", title: "Conformance classes" },
          { href: `${OGC}/collections`, rel: "data", type: "application/json", title: "Collections" },
        ],
      },
    },
  },
  getOgcConformance: {
    responses: {
      "200": {
        links: [{ href: `${OGC}/conformance`, rel: "self", type: "application/json" }],
        conformsTo: [
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        ],
      },
    },
  },
  getOgcCollections: {
    responses: {
      "200": {
        links: [{ href: `${OGC}/collections`, rel: "self", type: "application/json", title: "This document" }],
        collections: [COLLECTION],
      },
    },
  },
  getOgcCollection: { responses: { "200": COLLECTION } },
  getOgcItems: {
    responses: {
      "200": {
        type: "FeatureCollection",
        timeStamp: "2026-12-01T21:14:00.000Z",
        numberMatched: 1,
        numberReturned: 1,
        features: [LAYER_FEATURE],
        links: [
          { href: `${OGC}/collections/priorities/items?limit=10&offset=0`, rel: "self", type: "application/geo+json" },
        ],
      },
      "400": problem(400, "Bad request", "invalid", "datetime must be an RFC 3339 instant or interval", "datetime"),
    },
  },
  getOgcItem: {
    responses: {
      "200": {
        ...LAYER_FEATURE,
        links: [{ href: `${OGC}/collections/priorities/items/1`, rel: "self", type: "application/geo+json" }],
      },
      "404": problem(404, "Not found", "not_found", "There is no priority 99 in this layer"),
    },
  },
  getGeoPackage: { responses: {} },
  getOpenApi: { responses: {} },
  getDocs: { responses: {} },
  getPackage: { responses: {} },
  "webhook:prioritiesChanged": {
    request: {
      type: "priorities.changed",
      timestamp: "2026-11-25T12:00:01.000Z",
      data: { cursor: "42", changeCount: 2, priorityIds: ["1", "7"] },
    },
    responses: {},
  },
};

type MediaType = { schema?: unknown; examples?: Record<string, { summary: string; value: unknown }> };
type Operation = {
  operationId?: string;
  requestBody?: { content?: Record<string, MediaType> };
  responses?: Record<string, { content?: Record<string, MediaType> }>;
};

/** Media types whose bodies are text or JSON, and so carry an example. */
export function takesExample(mediaType: string): boolean {
  return /json|^text\/csv/.test(mediaType);
}

/**
 * A copy of the document with each operation's examples added. Throws when an operation has no
 * entry in OPERATION_EXAMPLES (a new path needs its examples here).
 */
export function withExamples<T extends { paths: object; webhooks?: object }>(document: T): T {
  const copy = JSON.parse(JSON.stringify(document)) as T;
  const operations: [string, Operation][] = [];
  for (const methods of Object.values(copy.paths as Record<string, Record<string, Operation>>))
    for (const operation of Object.values(methods)) operations.push([operation.operationId ?? "", operation]);
  for (const [name, methods] of Object.entries((copy.webhooks ?? {}) as Record<string, Record<string, Operation>>))
    for (const operation of Object.values(methods)) operations.push([`webhook:${name}`, operation]);

  for (const [id, operation] of operations) {
    const examples = OPERATION_EXAMPLES[id];
    if (!examples) throw new Error(`openapi-examples.ts: no examples for operation "${id}"`);
    for (const [mediaType, media] of Object.entries(operation.requestBody?.content ?? {}))
      if (takesExample(mediaType) && examples.request !== undefined)
        media.examples = { example: { summary: "Example request", value: examples.request } };
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      const value = examples.responses[status] ?? PROBLEMS[status];
      for (const [mediaType, media] of Object.entries(response.content ?? {}))
        if (takesExample(mediaType) && value !== undefined)
          media.examples = { [`status-${status}`]: { summary: `Example ${status} answer`, value } };
    }
  }
  return copy;
}
