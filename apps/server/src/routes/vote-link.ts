import type { Db } from "@wardpanel/db/client";
import { getVoteWardCode } from "@wardpanel/db/queries/votes";
import type { FastifyInstance } from "fastify";

import { sendProblem } from "../problems";

/**
 * GET /votes/:voteId — the vote result link that feed items carried before issue 14
 * (`decided.resultUrl`), kept working for consumers that stored it: a 301 to the public result
 * page, /wards/:wardCode/votes/:voteId. 404 (problem+json) for an id that is not a vote.
 */
export function registerVoteLinkRoute(app: FastifyInstance, db: Db): void {
  app.get<{ Params: { voteId: string } }>("/votes/:voteId", async (request, reply) => {
    const { voteId } = request.params;
    const wardCode = /^[1-9]\d{0,15}$/.test(voteId) ? getVoteWardCode(db, Number(voteId)) : null;
    if (wardCode === null) return sendProblem(reply, 404, `There is no vote ${voteId}`);
    return reply.redirect(`/wards/${wardCode}/votes/${voteId}`, 301);
  });
}
