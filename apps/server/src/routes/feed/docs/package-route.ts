import { createRequire } from "node:module";
import { dirname, join } from "node:path";

import type { FastifyInstance } from "fastify";

import { staticAsset } from "./static-asset";

const require = createRequire(import.meta.url);

/**
 * Where `pnpm --filter @wardpanel/priority-feed build` leaves the package's `pnpm pack` tarball
 * (packages/priority-feed/dist/package/; `pnpm start` builds it first).
 */
export const PACKAGE_TARBALL = join(
  dirname(require.resolve("@wardpanel/priority-feed/schema.json")),
  "dist",
  "package",
  "wardpanel-priority-feed.tgz",
);

/**
 * GET /package.tgz: the @wardpanel/priority-feed package as built with this server, for
 * `npm install https://<server>/feed/v1/package.tgz`. Who may call: anyone — it is the MIT-licensed
 * client, holding no data. `application/gzip` (RFC 6713), strong ETag and 304.
 */
export function registerPackageRoute(app: FastifyInstance): void {
  const tarball = staticAsset(PACKAGE_TARBALL, {
    contentType: "application/gzip",
    cacheControl: "public, max-age=300",
    filename: "wardpanel-priority-feed.tgz",
  });
  app.get("/package.tgz", async (request, reply) => tarball.send(request, reply));
}
