import { createRequire } from "node:module";

import type { FastifyInstance } from "fastify";

import { DOCS_PAGE, DOCS_START_SCRIPT, DOCS_STYLES } from "./docs-page";
import { staticAsset } from "./static-asset";

const require = createRequire(import.meta.url);

/** Scalar's browser bundle as installed (a dependency of the server, pinned; decision 0030). */
export const SCALAR_BUNDLE = require.resolve("@scalar/api-reference").replace(/index\.js$/, "browser/standalone.js");

/**
 * GET /docs (the API reference for people), /docs/api-reference.js (Scalar's bundle),
 * /docs/start.js and /docs/docs.css. Who may call: anyone — like openapi.json, the docs describe
 * the API and hold no data. Nothing is fetched from another site at run time.
 */
export function registerDocsRoutes(app: FastifyInstance): void {
  const bundle = staticAsset(SCALAR_BUNDLE, {
    contentType: "text/javascript; charset=utf-8",
    cacheControl: "public, max-age=3600",
    gzip: true,
  });
  app.get("/docs", async (_request, reply) =>
    reply.header("cache-control", "public, max-age=300").type("text/html; charset=utf-8").send(DOCS_PAGE),
  );
  app.get("/docs/api-reference.js", async (request, reply) => bundle.send(request, reply));
  app.get("/docs/start.js", async (_request, reply) =>
    reply.header("cache-control", "public, max-age=300").type("text/javascript; charset=utf-8").send(DOCS_START_SCRIPT),
  );
  app.get("/docs/docs.css", async (_request, reply) =>
    reply.header("cache-control", "public, max-age=300").type("text/css; charset=utf-8").send(DOCS_STYLES),
  );
}
