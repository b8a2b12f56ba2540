import type { Db } from "@wardpanel/db/client";
import type { FastifyInstance } from "fastify";

import { registerPoliceUkPriorities } from "./police-uk-priorities";
import { registerVoteBallotsBlt } from "./vote-ballots-blt";
import { registerVoteRecord } from "./vote-record";

/** Vote records, ranked votes' BLT ballot files and the data.police.uk-shaped priorities API. All public. */
export async function registerPriorityRoutes(
  app: FastifyInstance,
  db: Db,
  options: { secureCookies: boolean; policeForceId: string },
): Promise<void> {
  registerVoteRecord(app, db);
  registerVoteBallotsBlt(app, db);
  registerPoliceUkPriorities(app, db, options.policeForceId);
}
