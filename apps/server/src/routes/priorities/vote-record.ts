import type { Db } from "@wardpanel/db/client";
import { getVoteRecord } from "@wardpanel/db/queries/votes";
import { DomainError } from "@wardpanel/validators";
import type { FastifyInstance } from "fastify";

/**
 * Public: the full record of a published vote, for anyone to verify with `pnpm cli verify-vote`
 * (or any SHA-256 tool). Secret ballots carry pseudonymous tokens, never names.
 */
export function registerVoteRecord(app: FastifyInstance, db: Db): void {
  app.get<{ Params: { voteId: string } }>("/votes/:voteId/record.json", async (request, reply) => {
    const id = /^[1-9]\d{0,9}$/.test(request.params.voteId) ? Number(request.params.voteId) : null;
    const found = id === null ? null : getVoteRecord(db, id);
    if (!found || found.vote.status !== "published")
      throw new DomainError("not_found", "There is no published vote with that number");
    return reply
      .type("application/json; charset=utf-8")
      .header("content-disposition", `attachment; filename="vote-${id}-record.json"`)
      .header("cache-control", "no-cache")
      .send(JSON.stringify(found.record, null, 2));
  });
}
