// Issue 15, "done when": a ranked vote's ballots exported as BLT at /votes/{id}/ballots.blt and
// counted again by `pnpm cli count-vote` give the published result, round by round.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createSignInLimiter } from "@wardpanel/api";
import type { Db } from "@wardpanel/db/client";
import { createTestDb, seedPanelWithMembers, seedPublishedMeeting, seedPublishedVote } from "@wardpanel/db/testing";
import type { Round, VoteRecord, VoteResult } from "@wardpanel/voting";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildServer } from "./app";
import { runCliInProcess } from "./testing/cli-in-process";

const BLOOMSBURY = "E05013653";
const CONCERNS = [
  "Drug dealing by the children's play area",
  'Motorbikes on the pavement ("scramblers") at night',
  "Bike theft at the station",
  "Speeding past the primary school",
];
// 10 ballots, 2 places: quota floor(10/3)+1 = 4. The play area has 6: its surplus of 2 moves at
// 2/6 -> 0.33333 a paper, so 0.00002 is lost to rounding; then bike theft and speeding are excluded.
const RANKINGS = [...Array.from({ length: 4 }, () => [0, 1]), [0, 2], [0, 2], [1, 0], [2], [3, 2], [3, 2]];

/** A round with candidates named by title, so rounds counted under different ids compare. */
function byTitle(round: Round, titleOf: (id: string) => string) {
  const named = (ids: string[]) => ids.map(titleOf);
  const keyed = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).map(([id, v]) => [titleOf(id), v]));
  return {
    ...round,
    from: round.from && titleOf(round.from),
    transfers: keyed(round.transfers),
    tallies: keyed(round.tallies),
    elected: named(round.elected),
    excluded: named(round.excluded),
    electedWithoutQuota: round.electedWithoutQuota && named(round.electedWithoutQuota),
  };
}

describe("a ranked vote's ballots as a BLT file", () => {
  let db: Db;
  let app: FastifyInstance;
  let rankedId: number;
  let approvalId: number;
  const dir = mkdtempSync(join(tmpdir(), "wardpanel-blt-"));

  beforeAll(async () => {
    db = createTestDb();
    seedPanelWithMembers(db, BLOOMSBURY, 9);
    const meeting = (date: string) =>
      seedPublishedMeeting(db, { wardCode: BLOOMSBURY, date, now: new Date("2026-11-01T12:00:00Z") });
    rankedId = seedPublishedVote(db, {
      wardCode: BLOOMSBURY,
      meetingId: meeting("2026-11-24"),
      concerns: CONCERNS,
      rankings: RANKINGS,
      seats: 2,
      now: new Date("2026-11-24T19:30:00Z"),
    }).voteId;
    approvalId = seedPublishedVote(db, {
      wardCode: BLOOMSBURY,
      meetingId: meeting("2026-12-15"),
      concerns: ["Litter in the square"],
      approvals: [[0]],
      seats: 1,
      now: new Date("2026-12-15T19:30:00Z"),
    }).voteId;
    app = await buildServer({
      db,
      env: { COOKIE_SECURE: false, TRUST_PROXY: false, WEB_DIST: "/nonexistent", LOG_LEVEL: "silent" },
      signInLimiter: createSignInLimiter(),
    });
  });
  afterAll(() => app.close());

  it("serves the ballots as BLT text: candidates in the order raised, identical rankings merged, no voter", async () => {
    const response = await app.inject({ method: "GET", url: `/votes/${rankedId}/ballots.blt` });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(response.headers["content-disposition"]).toBe(`attachment; filename="vote-${rankedId}-ballots.blt"`);
    expect(response.body).toBe(
      [
        "4 2",
        "4 1 2 0",
        "2 1 3 0",
        "1 2 1 0",
        "1 3 0",
        "2 4 3 0",
        "0",
        `"Drug dealing by the children's play area"`,
        `"Motorbikes on the pavement (""scramblers"") at night"`,
        `"Bike theft at the station"`,
        `"Speeding past the primary school"`,
        `"Bloomsbury ward panel, vote ${rankedId}"`,
        "",
      ].join("\n"),
    );
    const record = (await app.inject({ method: "GET", url: `/votes/${rankedId}/record.json` })).json<VoteRecord>();
    expect(record.config.ballotSecrecy).toBe("secret");
    for (const entry of record.entries.filter((e) => e.type === "ballot"))
      expect(response.body).not.toContain((entry.payload as { voter: string }).voter);
  });

  it("is counted again by the command-line counter with the published winners and every round the same", async () => {
    const record = (await app.inject({ method: "GET", url: `/votes/${rankedId}/record.json` })).json<VoteRecord>();
    const published = record.result!;
    expect(published.validBallots).toBe(RANKINGS.length);
    expect(published.rounds[1]?.lostToRounding).toBe(0.00002);
    const file = join(dir, "ballots.blt");
    writeFileSync(file, (await app.inject({ method: "GET", url: `/votes/${rankedId}/ballots.blt` })).body);

    const { code, stdout } = await runCliInProcess(["count-vote", file, "--json"], {});
    expect(code).toBe(0);
    const recount = JSON.parse(stdout) as VoteResult;
    const publishedTitle = (id: string) => record.config.candidates.find((c) => c.id === id)!.title;
    const bltTitle = (id: string) => CONCERNS[Number(id.replace("candidate-", "")) - 1]!;
    expect(recount.winners.map(bltTitle)).toEqual(published.winners.map(publishedTitle));
    expect(recount.winners.map(bltTitle)).toEqual([CONCERNS[0], CONCERNS[1]]);
    expect(recount.quota).toBe(published.quota);
    expect(recount.validBallots).toBe(published.validBallots);
    expect(recount.rounds.map((r) => byTitle(r, bltTitle))).toEqual(
      published.rounds.map((r) => byTitle(r, publishedTitle)),
    );

    const text = await runCliInProcess(["count-vote", file], {});
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Valid ballots: 10. Quota: 4.");
    expect(text.stdout).toMatch(/Lost to rounding +0\.00002 {2}\+0\.00002\n/);
    expect(text.stdout).toContain(`Elected: ${CONCERNS[1]} (last place, without reaching the quota)`);
    expect(text.stdout).toContain(`Elected, in order: ${CONCERNS[0]}, ${CONCERNS[1]}.`);
  });

  it("has no BLT file for a vote that is not ranked or not published", async () => {
    const approval = await app.inject({ method: "GET", url: `/votes/${approvalId}/ballots.blt` });
    expect(approval.statusCode).toBe(404);
    expect(approval.body).toContain("not a ranked vote");
    expect((await app.inject({ method: "GET", url: "/votes/999999/ballots.blt" })).statusCode).toBe(404);
    expect((await app.inject({ method: "GET", url: "/votes/x/ballots.blt" })).statusCode).toBe(404);
  });

  it("refuses a broken file naming the line, and a mistyped command with its usage", async () => {
    const broken = join(dir, "broken.blt");
    writeFileSync(broken, '3 1\n2 1 2 0\n1 3 4 0\n0\n"A"\n"B"\n"C"\n"T"\n');
    const refused = await runCliInProcess(["count-vote", broken], {});
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `${broken} is not a BLT file this counter can read. Line 3: there is no candidate 4: the file has 3 candidates.`,
    );
    const misused = await runCliInProcess(["count-vote", broken, "--tie-break", "coin"], {});
    expect(misused.code).toBe(2);
    expect(misused.stderr).toContain("Usage: pnpm cli count-vote <ballots.blt>");
  });
});
