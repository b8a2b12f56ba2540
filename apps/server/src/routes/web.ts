import { existsSync } from "node:fs";

import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

import { sendProblem } from "../problems";

/** Paths that are never the web app, so a typo there is a 404 rather than the app's HTML. */
const NOT_THE_WEB_APP = /^\/(trpc|feed|api|healthz|readyz)(\/|$)/;

/** Serves the built web app, and its index.html for any other page path (client-side routing). */
export async function registerWebApp(app: FastifyInstance, webDist: string): Promise<void> {
  const built = existsSync(`${webDist}/index.html`);
  if (built) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, maxAge: "1h" });
  } else {
    app.log.warn({ webDist }, "the web app is not built: run `pnpm build` (pages will say so)");
  }

  app.setNotFoundHandler((request, reply) => {
    const wantsPage =
      request.method === "GET" &&
      !NOT_THE_WEB_APP.test(request.url) &&
      !/\.[a-z0-9]+$/i.test(request.url.split("?")[0] ?? "");
    if (!wantsPage)
      return sendProblem(reply, 404, `There is nothing at ${request.method} ${request.url.split("?")[0] ?? ""}`);
    if (!built)
      return reply
        .code(503)
        .type("text/plain")
        .send("The Ward Panel web app has not been built. Run `pnpm build`, then restart.");
    return reply.header("cache-control", "no-cache").sendFile("index.html");
  });
}
