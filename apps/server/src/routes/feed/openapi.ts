import { buildFeedJsonSchema, FEED_SCHEMA_VERSION } from "@wardpanel/priority-feed";
import { z } from "zod";

import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./changes-route";
import { MatchRequest } from "./match-route";
import { missesCsvPath } from "./misses-openapi";
import { LAYER_FEATURE_SCHEMA, ogcPaths } from "./ogc/openapi-ogc";
import { withExamples } from "./openapi-examples";
import { ResponsesRequest } from "./responses-route";

/**
 * The feed's OpenAPI 3.1 document (https://spec.openapis.org/oas/v3.1.0), served at
 * /feed/v1/openapi.json. Response bodies come from the package's own JSON Schema and request
 * bodies from the zod schemas the routes parse with, so the document cannot drift from either.
 */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** zod → JSON Schema 2020-12 (OpenAPI 3.1's dialect), without the per-schema $schema. */
function fromZod(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: "input",
    target: "draft-2020-12",
    unrepresentable: "any",
  });
  return rest;
}

/** The package's $defs, with their internal "#/$defs/X" references pointed at components. */
function feedSchemas(): Record<string, unknown> {
  const defs = (buildFeedJsonSchema() as { $defs: Record<string, unknown> }).$defs;
  return JSON.parse(JSON.stringify(defs).replaceAll('"#/$defs/', '"#/components/schemas/')) as Record<string, unknown>;
}

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ref("Problem") } },
});
const common = {
  "400": problem("Bad request: `field` names what to fix"),
  "401": problem("Missing, unknown or revoked API key"),
  "429": problem("This key's request budget is spent; see Retry-After"),
};
const scoped = { ...common, "403": problem("A ward or borough outside this key's boroughs") };
const filters = [
  {
    name: "ward",
    in: "query",
    required: false,
    schema: { type: "string", pattern: "^[EW]05\\d{6}$" },
    description: "Only this ward (ONS code)",
  },
  {
    name: "borough",
    in: "query",
    required: false,
    schema: { type: "string", pattern: "^(E0[6-9]|W06)\\d{6}$" },
    description: "Only this borough (ONS code)",
  },
];
const json = (schema: unknown, description: string) => ({ description, content: { "application/json": { schema } } });

export function buildOpenApiDocument() {
  return withExamples({
    openapi: "3.1.0",
    info: {
      title: "Ward Panel priority feed",
      version: FEED_SCHEMA_VERSION,
      summary: "Locally agreed policing priorities for control rooms, and whether a call relates to one.",
      description:
        "See docs/feed.md. Every request sends `Authorization: Bearer <key>`; items are limited to the key's boroughs. " +
        "Public, no key: this document (`/openapi.json`), this reference (`/docs`) and the client package (`/package.tgz`, " +
        "`npm install https://<this server>/feed/v1/package.tgz`).",
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: "/feed/v1" }],
    security: [{ apiKey: [] }],
    paths: {
      "/priorities": {
        get: {
          operationId: "getSnapshot",
          summary: "Every active priority the key may see",
          parameters: [
            ...filters,
            {
              name: "If-None-Match",
              in: "header",
              required: false,
              schema: { type: "string" },
              description: "The ETag you hold; 304 if unchanged",
            },
          ],
          responses: {
            "200": {
              ...json(ref("FeedSnapshot"), "The snapshot"),
              headers: { ETag: { schema: { type: "string" }, description: "Strong ETag of this feed state" } },
            },
            "304": { description: "Unchanged since the ETag you sent" },
            ...scoped,
          },
        },
      },
      "/priorities/changes": {
        get: {
          operationId: "getChanges",
          summary: "Changes after a cursor, oldest first",
          parameters: [
            {
              name: "after",
              in: "query",
              required: true,
              schema: { type: "string" },
              description: "The snapshot's `cursor` or a page's `next`, unchanged",
            },
            {
              name: "limit",
              in: "query",
              required: false,
              schema: { type: "integer", minimum: 1, default: DEFAULT_PAGE_SIZE },
              description: `Page size; capped at ${MAX_PAGE_SIZE}`,
            },
            ...filters,
          ],
          responses: {
            "200": json(ref("FeedChangesPage"), "A page of changes"),
            "410": problem("The cursor is older than retained history: take a fresh snapshot"),
            ...scoped,
          },
        },
      },
      "/priorities.geojson": {
        get: {
          operationId: "getGeoJson",
          summary: "The snapshot as a GeoJSON FeatureCollection",
          parameters: filters,
          responses: {
            "200": {
              description: "RFC 7946 FeatureCollection",
              content: { "application/geo+json": { schema: { type: "object" } } },
            },
            ...scoped,
          },
        },
      },
      "/priorities.csv": {
        get: {
          operationId: "getCsv",
          summary: "One row per priority and matcher, for spreadsheets",
          parameters: filters,
          responses: {
            "200": { description: "CSV with a header row", content: { "text/csv": { schema: { type: "string" } } } },
            ...scoped,
          },
        },
      },
      "/match": {
        post: {
          operationId: "match",
          summary: "Does a call relate to an agreed priority?",
          requestBody: { required: true, content: { "application/json": { schema: ref("MatchRequest") } } },
          responses: { "200": json(ref("MatchResponse"), "Matching priorities, best first"), ...common },
        },
      },
      "/responses": {
        post: {
          operationId: "reportResponses",
          summary: "Report calls that matched a priority, and when a unit arrived",
          requestBody: { required: true, content: { "application/json": { schema: ref("ResponsesRequest") } } },
          responses: {
            "200": json(
              { type: "object", properties: { recorded: { type: "integer" } }, required: ["recorded"] },
              "Recorded (idempotent)",
            ),
            "403": problem("A priority outside this key's boroughs"),
            "404": problem("No such published priority"),
            ...common,
          },
        },
      },
      "/responses/misses.csv": missesCsvPath,
      "/webhooks": {
        get: {
          operationId: "listWebhooks",
          summary: "This key's webhook endpoints",
          responses: {
            "200": json(
              {
                type: "object",
                properties: { items: { type: "array", items: ref("WebhookEndpoint") } },
                required: ["items"],
              },
              "Endpoints",
            ),
            ...common,
          },
        },
        post: {
          operationId: "createWebhook",
          summary: "Register a URL for signed change notices (Standard Webhooks)",
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    url: {
                      type: "string",
                      format: "uri",
                      description:
                        "http(s) at a public address; loopback, private, link-local and other internal addresses are refused (400) unless the operator allows their network",
                    },
                  },
                  required: ["url"],
                },
              },
            },
          },
          responses: {
            "201": json(
              {
                allOf: [
                  ref("WebhookEndpoint"),
                  {
                    type: "object",
                    properties: { secret: { type: "string", description: "whsec_…; shown only here" } },
                    required: ["secret"],
                  },
                ],
              },
              "Registered",
            ),
            "409": problem("Too many endpoints for this key"),
            ...common,
          },
        },
      },
      "/webhooks/{id}": {
        delete: {
          operationId: "deleteWebhook",
          summary: "Stop notices to an endpoint",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
          responses: { "204": { description: "Deleted" }, "404": problem("This key has no such endpoint"), ...common },
        },
      },
      ...ogcPaths(filters, common, scoped),
      "/docs": {
        get: {
          operationId: "getDocs",
          summary: "This reference, for people (public, no key)",
          security: [],
          responses: { "200": { description: "HTML page", content: { "text/html": { schema: { type: "string" } } } } },
        },
      },
      "/package.tgz": {
        get: {
          operationId: "getPackage",
          summary: "The @wardpanel/priority-feed client package, for npm install (public, no key)",
          security: [],
          parameters: [
            {
              name: "If-None-Match",
              in: "header",
              required: false,
              schema: { type: "string" },
              description: "The ETag you hold; 304 if unchanged",
            },
          ],
          responses: {
            "200": {
              description: "The `npm pack` tarball",
              headers: { ETag: { schema: { type: "string" }, description: "Strong ETag of these bytes" } },
              content: { "application/gzip": { schema: { type: "string", contentMediaType: "application/gzip" } } },
            },
            "304": { description: "Unchanged since the ETag you sent" },
          },
        },
      },
    },
    webhooks: {
      prioritiesChanged: {
        post: {
          summary: "The feed changed: fetch /priorities/changes after your cursor",
          description:
            "Signed per Standard Webhooks: verify webhook-signature over `${webhook-id}.${webhook-timestamp}.${body}` with your endpoint's secret.",
          requestBody: { content: { "application/json": { schema: ref("WebhookNotice") } } },
          responses: { "200": { description: "Any 2xx acknowledges; anything else is retried with back-off" } },
        },
      },
    },
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: "A key issued by Ward Panel's admins to a named control room",
        },
      },
      schemas: {
        ...feedSchemas(),
        LayerFeature: LAYER_FEATURE_SCHEMA,
        MatchRequest: fromZod(MatchRequest),
        MatchResponse: {
          type: "object",
          required: ["matches"],
          properties: {
            matches: {
              type: "array",
              items: {
                type: "object",
                required: ["id", "title", "ward", "responseTargetMinutes", "popupText", "matchedOn"],
                properties: {
                  id: { type: "string" },
                  title: { type: "string" },
                  ward: { $ref: "#/components/schemas/FeedPriority/properties/ward" },
                  responseTargetMinutes: {
                    type: ["integer", "null"],
                    enum: [60, null],
                    description:
                      "Schema 1.0: 60, or null (also when the force's target is not 60): read responseTarget",
                  },
                  responseTarget: {
                    $ref: "#/components/schemas/FeedPriority/properties/callHandling/properties/responseTarget",
                  },
                  popupText: { type: "string" },
                  matchedOn: {
                    type: "array",
                    items: { enum: ["area", "street", "postcode", "postcode-sector", "beat", "category"] },
                  },
                },
              },
            },
          },
        },
        ResponsesRequest: fromZod(ResponsesRequest),
        WebhookEndpoint: {
          type: "object",
          required: ["id", "url", "createdAt", "disabledAt"],
          properties: {
            id: { type: "integer" },
            url: { type: "string" },
            createdAt: { type: "string", format: "date-time" },
            disabledAt: { type: ["string", "null"], format: "date-time" },
          },
        },
        WebhookNotice: {
          type: "object",
          required: ["type", "timestamp", "data"],
          properties: {
            type: { const: "priorities.changed" },
            timestamp: { type: "string", format: "date-time" },
            data: {
              type: "object",
              required: ["cursor", "changeCount", "priorityIds"],
              properties: {
                cursor: { type: "string" },
                changeCount: { type: "integer" },
                priorityIds: { type: "array", items: { type: "string" } },
              },
            },
          },
        },
      },
    },
  });
}
