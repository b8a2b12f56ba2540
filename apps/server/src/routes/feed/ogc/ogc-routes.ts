import type { Db } from "@wardpanel/db/client";
import { wardsExtent } from "@wardpanel/db/queries/wards";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

import type { FeedState } from "../feed-state";
import { sendProblem } from "../problem";
import { resolveScope, siteUrlOf } from "../scope";
import { ifNoneMatch } from "../snapshot-routes";
import { meetsBbox, parseBbox } from "./bbox-filter";
import { createGeoPackageCache, readLayer } from "./layer-source";
import {
  collectionDocument,
  conformanceDocument,
  itemsPage,
  landingDocument,
  OGC_JSON,
  type PageQuery,
} from "./ogc-documents";
import { parseDatetime, validDuring } from "./time-filter";

/**
 * The priorities as a GIS layer: OGC API – Features Part 1 Core (OGC 17-069r4) under /ogc, and
 * the same layer as a GeoPackage at /priorities.gpkg. Who may call: any live key, as for the
 * rest of the feed; features limited to its boroughs (and `ward`/`borough` if asked).
 * Query errors are 400 problems naming the parameter.
 */

export const COLLECTION_ID = "priorities";
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
const ITEMS_PARAMETERS = new Set(["limit", "offset", "bbox", "datetime", "ward", "borough", "f"]);

export function registerOgcRoutes(app: FastifyInstance, db: Db, state: FeedState): void {
  const geoPackageFor = createGeoPackageCache(db, state);
  const base = (request: FastifyRequest) => `${siteUrlOf(request)}/feed/v1`;
  const json = (reply: FastifyReply, body: unknown, type = OGC_JSON) =>
    reply.header("cache-control", "no-cache").type(type).send(body);

  app.get("/ogc", async (request, reply) => json(reply, landingDocument(base(request))));
  // A client given the address with a trailing slash still finds the landing page.
  app.get("/ogc/", async (request, reply) => json(reply, landingDocument(base(request))));
  app.get("/ogc/conformance", async (request, reply) => json(reply, conformanceDocument(base(request))));
  app.get("/ogc/collections", async (request, reply) =>
    json(reply, {
      links: [{ href: `${base(request)}/ogc/collections`, rel: "self", type: OGC_JSON, title: "This document" }],
      collections: [collectionDocument(base(request), wardsExtent(db))],
    }),
  );
  app.get(`/ogc/collections/${COLLECTION_ID}`, async (request, reply) =>
    json(reply, collectionDocument(base(request), wardsExtent(db))),
  );

  app.get(`/ogc/collections/${COLLECTION_ID}/items`, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const unknown = Object.keys(query).find((name) => !ITEMS_PARAMETERS.has(name));
    if (unknown)
      return sendProblem(reply, 400, `Unknown query parameter "${unknown}"; see /feed/v1/openapi.json`, {
        field: unknown,
        slug: "invalid",
      });
    const page = parsePage(query);
    if (!page.ok) return sendProblem(reply, 400, page.message, { field: page.field, slug: "invalid" });
    const bbox = parseBbox(query.bbox);
    if (!bbox.ok) return sendProblem(reply, 400, bbox.message, { field: "bbox", slug: "invalid" });
    const datetime = parseDatetime(query.datetime);
    if (!datetime.ok) return sendProblem(reply, 400, datetime.message, { field: "datetime", slug: "invalid" });
    const scope = resolveScope(db, request, reply);
    if (!scope) return reply;

    const selected = readLayer(db, scope, siteUrlOf(request), state).features.filter(
      (feature) =>
        (!bbox.bbox || meetsBbox(bbox.bbox, feature.geometry)) &&
        (!datetime.filter || validDuring(datetime.filter, feature.properties.effective, feature.properties.expire)),
    );
    // `f=json` is the page's alternate link: the same body, labelled plain JSON for clients that want it.
    const type = query.f === "json" ? OGC_JSON : "application/geo+json";
    return json(reply, itemsPage(base(request), selected, page.query, forwarded(query)), type);
  });

  app.get(`/ogc/collections/${COLLECTION_ID}/items/:id`, async (request, reply) => {
    const { id } = request.params as { id: string };
    const scope = resolveScope(db, request, reply);
    if (!scope) return reply;
    const feature = readLayer(db, scope, siteUrlOf(request), state).features.find((f) => f.id === id);
    if (!feature)
      return sendProblem(reply, 404, `There is no active priority ${id} that this key may see.`, {
        field: "id",
        slug: "unknown-priority",
      });
    const items = `${base(request)}/ogc/collections/${COLLECTION_ID}/items`;
    return json(
      reply,
      {
        type: "Feature",
        ...feature,
        links: [
          { href: `${items}/${encodeURIComponent(id)}`, rel: "self", type: "application/geo+json" },
          { href: `${base(request)}/ogc/collections/${COLLECTION_ID}`, rel: "collection", type: OGC_JSON },
        ],
      },
      "application/geo+json",
    );
  });

  app.get("/priorities.gpkg", async (request, reply) => {
    const scope = resolveScope(db, request, reply);
    if (!scope) return reply;
    const file = geoPackageFor(scope, siteUrlOf(request), state.head());
    reply.header("etag", file.etag).header("cache-control", "no-cache").header("vary", "authorization");
    if (ifNoneMatch(request.headers["if-none-match"], [file.etag])) return reply.code(304).send();
    return reply
      .header("content-disposition", 'attachment; filename="ward-priorities.gpkg"')
      .type("application/geopackage+sqlite3")
      .send(file.bytes);
  });
}

type PageResult = { ok: true; query: PageQuery } | { ok: false; message: string; field: string };

/** limit 1…; above MAX_LIMIT is served as MAX_LIMIT (OGC 17-069r4 /req/core/fc-limit-response-1). */
function parsePage(query: Record<string, unknown>): PageResult {
  const limit = query.limit === undefined ? DEFAULT_LIMIT : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1)
    return { ok: false, field: "limit", message: `limit must be a whole number from 1 to ${MAX_LIMIT}` };
  const offset = query.offset === undefined ? 0 : Number(query.offset);
  if (!Number.isInteger(offset) || offset < 0)
    return { ok: false, field: "offset", message: "offset must be a whole number, 0 or more" };
  if (query.f !== undefined && !["json", "geojson"].includes(String(query.f)))
    return { ok: false, field: "f", message: "f may only be json: the layer is served as GeoJSON" };
  return { ok: true, query: { limit: Math.min(limit, MAX_LIMIT), offset } };
}

/** The filters next/prev links carry over. */
function forwarded(query: Record<string, unknown>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of ["bbox", "datetime", "ward", "borough"])
    if (typeof query[name] === "string") kept[name] = query[name];
  return kept;
}
