import type { FastifyInstance } from "fastify";
import type { Db } from "@wardpanel/db/client";

/** Vote records and the data.police.uk-shaped priorities API (issue 4). */
export async function registerPriorityRoutes(_app: FastifyInstance, _db: Db, _options: { secureCookies: boolean }): Promise<void> {}
