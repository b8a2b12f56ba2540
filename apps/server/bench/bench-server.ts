import { openDb } from "@wardpanel/db/client";
import Fastify from "fastify";

import { registerFeedRoutes } from "../src/routes/feed/index";

/**
 * The feed's routes in their own process for the bench, so the load generator does not share
 * their event loop. The same registerFeedRoutes as the server, with the per-key rate limit
 * lifted (a bench is one key sending thousands of requests a second) and no webhook worker.
 */
const db = openDb(process.argv[2]!);
const app = Fastify({ logger: false });
await registerFeedRoutes(app, db, { secureCookies: false, rateLimit: { points: 1e9, durationSeconds: 1 } });
const url = await app.listen({ port: 0, host: "127.0.0.1" });
process.stdout.write(`listening ${url}\n`);
process.once("SIGTERM", () => void app.close().then(() => process.exit(0)));
