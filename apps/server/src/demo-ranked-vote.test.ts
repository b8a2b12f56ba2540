// Issue 15, "done when": the demo's ranked vote exported as BLT and counted again by
// `pnpm cli count-vote` gives the same winners and round figures as the stored result; its record
// passes `pnpm cli verify-vote` step by step (the steps "Check this vote yourself" shows).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createSignInLimiter } from "@wardpanel/api";
import type { Db } from "@wardpanel/db/client";
import { getVoteRecord, listWardVotes } from "@wardpanel/db/queries/votes";
import { seedDemo } from "@wardpanel/db/seed";
import { createTestDb } from "@wardpanel/db/testing";
import { readBlt, type Round, type VoteRecord, type VoteResult } from "@wardpanel/voting";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildServer } from "./app";
import { runCliInProcess } from "./testing/cli-in-process";

const BELSIZE = "E05013652";

/** A round with candidates named by title, so rounds counted under different ids compare. */
function byTitle(round: Round, titleOf: (id: string) => string) {
  const keyed = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).map(([id, v]) => [titleOf(id), v]));
  return {
    ...round,
    from: round.from && titleOf(round.from),
    transfers: keyed(round.transfers),
    tallies: keyed(round.tallies),
    elected: round.elected.map(titleOf),
    excluded: round.excluded.map(titleOf),
    electedWithoutQuota: round.electedWithoutQuota?.map(titleOf),
  };
}

describe("the demo's ranked vote", () => {
  let db: Db;
  let app: FastifyInstance;
  let voteId = 0;
  const dir = mkdtempSync(join(tmpdir(), "wardpanel-demo-vote-"));

  beforeAll(async () => {
    db = createTestDb();
    expect(await seedDemo(db)).toBe(true);
    voteId = listWardVotes(db, BELSIZE).find(
      (v) => getVoteRecord(db, v.id)?.record.config.method.kind === "ranked",
    )!.id;
    app = await buildServer({
      db,
      env: { COOKIE_SECURE: false, TRUST_PROXY: false, WEB_DIST: "/nonexistent", LOG_LEVEL: "silent" },
      signInLimiter: createSignInLimiter(),
    });
  }, 60_000);
  afterAll(() => app.close());

  it("exported as BLT and counted by count-vote gives the stored winners and every round's figures", async () => {
    const record = (await app.inject({ method: "GET", url: `/votes/${voteId}/record.json` })).json<VoteRecord>();
    const stored = record.result!;
    expect(stored.validBallots).toBe(20);
    expect(stored.winners).toHaveLength(3);
    expect(stored.rounds.some((r) => r.action === "surplus")).toBe(true);
    expect(stored.rounds.some((r) => r.action === "exclusion")).toBe(true);

    const blt = (await app.inject({ method: "GET", url: `/votes/${voteId}/ballots.blt` })).body;
    const file = join(dir, "ballots.blt");
    writeFileSync(file, blt);
    const { code, stdout } = await runCliInProcess(["count-vote", file, "--json"], {});
    expect(code).toBe(0);
    const recount = JSON.parse(stdout) as VoteResult;

    const names = readBlt(Buffer.from(blt)).candidates;
    const bltTitle = (id: string) => names[Number(id.replace("candidate-", "")) - 1]!;
    const storedTitle = (id: string) => record.config.candidates.find((c) => c.id === id)!.title;
    expect(recount.winners.map(bltTitle)).toEqual(stored.winners.map(storedTitle));
    expect(recount.quota).toBe(stored.quota);
    expect(recount.validBallots).toBe(stored.validBallots);
    expect(recount.rounds.map((r) => byTitle(r, bltTitle))).toEqual(stored.rounds.map((r) => byTitle(r, storedTitle)));
  });

  it("passes verify-vote, which prints each step with a tick, and fails a changed ballot naming the step", async () => {
    const record = (await app.inject({ method: "GET", url: `/votes/${voteId}/record.json` })).json<VoteRecord>();
    const file = join(dir, "record.json");
    writeFileSync(file, JSON.stringify(record));
    const ok = await runCliInProcess(["verify-vote", file, "--final-hash", record.finalHash], {});
    expect(ok.code).toBe(0);
    const ticks = ok.stdout.split("\n").filter((line) => line.startsWith("✓ "));
    expect(ticks).toHaveLength(7);
    expect(ticks[1]).toBe(
      `✓ Hash chain recomputed: ${record.entries.length} of ${record.entries.length} entries link correctly.`,
    );
    expect(ticks[2]).toBe(`✓ Final hash ${record.finalHash} equals the published hash ${record.finalHash}.`);
    // The demo ranked vote is secret: its trackers were drawn at cast and listed apart from the ballots.
    expect(record.version).toBe(3);
    expect(ticks[4]).toBe(
      "✓ Ballot trackers: secret vote: 20 random trackers listed apart from the ballots, one per ballot, none twice; they show a ballot was counted, not how (pass --trackers to compare a published list).",
    );
    expect(ticks[6]).toBe(`✓ Rounds match: all ${record.result!.rounds.length} rounds equal the published rounds.`);

    const ranking = (e: (typeof record.entries)[number]) =>
      (e.payload as { ballot: { ranking: string[] } }).ballot.ranking;
    const ballot = record.entries.find((e) => e.type === "ballot" && ranking(e).length > 1)!;
    ranking(ballot).reverse();
    writeFileSync(file, JSON.stringify(record));
    const refused = await runCliInProcess(["verify-vote", file, "--final-hash", record.finalHash], {});
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("✗ Recomputing the hash chain: failed.");
    expect(refused.stderr).toContain(
      `Does NOT verify: Entry ${ballot.seq} (ballot): hash does not match — the record has been changed.`,
    );
  });
});
