import type { FastifyInstance } from "fastify";
import type { Db } from "@wardpanel/db/client";

/** The priority feed for control rooms: /feed/v1 (issue 5). */
export async function registerFeedRoutes(_app: FastifyInstance, _db: Db, _options: { secureCookies: boolean }): Promise<void> {}
