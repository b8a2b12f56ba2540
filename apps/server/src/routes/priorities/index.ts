import type { Db } from "@wardpanel/db/client";
import type { FastifyInstance } from "fastify";

import { registerPoliceUkPriorities } from "./police-uk-priorities";
import { registerVoteRecord } from "./vote-record";

/** Vote records and the data.police.uk-shaped priorities API (issue 4). Both public. */
export async function registerPriorityRoutes(
  app: FastifyInstance,
  db: Db,
  options: { secureCookies: boolean; policeForceId: string },
): Promise<void> {
  registerVoteRecord(app, db);
  registerPoliceUkPriorities(app, db, options.policeForceId);
}
