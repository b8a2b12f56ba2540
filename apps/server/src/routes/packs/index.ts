import type { FastifyInstance } from "fastify";
import type { Db } from "@wardpanel/db/client";

/** Monthly packs as web, PDF and e-mail; crime uploads; subscriptions (issue 6). */
export async function registerPackRoutes(_app: FastifyInstance, _db: Db, _options: { secureCookies: boolean }): Promise<void> {}
