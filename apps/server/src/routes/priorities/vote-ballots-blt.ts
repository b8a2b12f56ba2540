import type { Db } from "@wardpanel/db/client";
import { getVoteRecord } from "@wardpanel/db/queries/votes";
import { DomainError } from "@wardpanel/validators";
import { voteToBlt, writeBlt } from "@wardpanel/voting";
import type { FastifyInstance } from "fastify";

/**
 * Public, like the record it is drawn from: the ballots of a published ranked vote as a BLT file,
 * for recounting in OpenSTV, OpaVote, droop, OpenTally or `pnpm cli count-vote`. Candidates are
 * the shortlist in the order raised; identical rankings are one line with their count, so the file
 * holds no voter, token or casting order (decision 0013 holds for secret votes).
 * 404 for a vote that is not published or not ranked.
 */
export function registerVoteBallotsBlt(app: FastifyInstance, db: Db): void {
  app.get<{ Params: { voteId: string } }>("/votes/:voteId/ballots.blt", async (request, reply) => {
    const id = /^[1-9]\d{0,9}$/.test(request.params.voteId) ? Number(request.params.voteId) : null;
    const found = id === null ? null : getVoteRecord(db, id);
    if (!found || found.vote.status !== "published")
      throw new DomainError("not_found", "There is no published vote with that number");
    const { record } = found;
    if (record.config.method.kind !== "ranked")
      throw new DomainError("not_found", "This vote was not a ranked vote, so it has no BLT ballot file");
    const title = `${record.ward.name} ward panel, vote ${id}`;
    return reply
      .type("text/plain; charset=utf-8")
      .header("content-disposition", `attachment; filename="vote-${id}-ballots.blt"`)
      .header("cache-control", "no-cache")
      .send(writeBlt(voteToBlt({ config: record.config, entries: record.entries, title })));
  });
}
