import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createSignInLimiter } from "@wardpanel/api";
import type { Db } from "@wardpanel/db/client";
import { addProgress, publishPriority, updatePriority } from "@wardpanel/db/queries/priorities";
import {
  buildPriorityFields,
  createTestDb,
  seedPanelWithMembers,
  seedPublishedMeeting,
  seedPublishedVote,
} from "@wardpanel/db/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildServer } from "./app";
import { runCliInProcess } from "./testing/cli-in-process";

const BLOOMSBURY = "E05013653";

/** `pnpm cli verify-vote <path>`: what it prints on stdout when the record verifies, on stderr when not. */
async function verifyVote(path: string) {
  const { code, stdout, stderr } = await runCliInProcess(["verify-vote", path], {});
  return { code, out: code === 0 ? stdout : stderr };
}

describe("vote records and the police.uk priorities API", () => {
  let db: Db;
  let app: FastifyInstance;
  let voteId: number;
  const dir = mkdtempSync(join(tmpdir(), "wardpanel-vote-"));

  beforeAll(async () => {
    db = createTestDb();
    seedPanelWithMembers(db, BLOOMSBURY, 4);
    const meetingId = seedPublishedMeeting(db, {
      wardCode: BLOOMSBURY,
      date: "2026-11-24",
      now: new Date("2026-11-01T12:00:00Z"),
    });
    const now = new Date("2026-11-24T19:30:00Z");
    const vote = seedPublishedVote(db, {
      wardCode: BLOOMSBURY,
      meetingId,
      concerns: ["Drug dealing in Russell Square gardens", "Speeding on Gower Street", "Bike theft at the station"],
      approvals: [[0, 1], [0], [0, 2], [1], [0, 1]],
      seats: 1,
      now,
    });
    voteId = vote.voteId;
    const [priorityId] = vote.priorityIds;
    updatePriority(db, {
      wardCode: BLOOMSBURY,
      priorityId: priorityId!,
      fields: buildPriorityFields({ title: "Drug dealing in Russell Square gardens" }),
      now,
    });
    publishPriority(db, { wardCode: BLOOMSBURY, priorityId: priorityId!, now });
    addProgress(db, {
      wardCode: BLOOMSBURY,
      priorityId: priorityId!,
      month: "2026-12",
      policeAction: "Twelve evening patrols; two arrests.",
      partnerAction: "The council cut back the hedges.",
      whatChanged: "",
      createdBy: null,
    });
    app = await buildServer({
      db,
      env: { COOKIE_SECURE: false, TRUST_PROXY: false, WEB_DIST: "/nonexistent", LOG_LEVEL: "silent" },
      signInLimiter: createSignInLimiter(),
    });
  });
  afterAll(() => app.close());

  it("serves the record of a published vote, which the command-line verifier accepts, and refuses once a ballot is changed", async () => {
    const response = await app.inject({ method: "GET", url: `/votes/${voteId}/record.json` });
    expect(response.statusCode).toBe(200);
    const record = response.json();
    expect(record.format).toBe("wardpanel-vote-record");
    const untouched = join(dir, "record.json");
    writeFileSync(untouched, response.body);
    const ok = await verifyVote(untouched);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("Verified");

    const ballot = record.entries.find((e: { type: string }) => e.type === "ballot");
    ballot.payload.ballot.approved = ["concern-2"];
    const changed = join(dir, "changed.json");
    writeFileSync(changed, JSON.stringify(record));
    const refused = await verifyVote(changed);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/Does NOT verify: Entry \d+ \(ballot\): hash does not match/);
    expect((await app.inject({ method: "GET", url: "/votes/999999/record.json" })).statusCode).toBe(404);
  });

  it("answers the data.police.uk neighbourhood priorities shape for the configured force", async () => {
    const response = await app.inject({ method: "GET", url: `/api/metropolitan/${BLOOMSBURY}/priorities` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([
      {
        issue:
          "<p>Drug dealing in Russell Square gardens.</p>\n<p>Residents see drug dealing near the children&#39;s play area most evenings.</p>",
        "issue-date": "2026-11-01T00:00:00",
        action: "<p>Twelve evening patrols; two arrests. The council cut back the hedges.</p>",
        "action-date": "2026-12-01T00:00:00",
      },
    ]);
    expect((await app.inject({ method: "GET", url: `/api/leicestershire/${BLOOMSBURY}/priorities` })).statusCode).toBe(
      404,
    );
  });

  it("shows a vote as failing verification when a ballot row is changed in the database", async () => {
    const input = encodeURIComponent(JSON.stringify({ wardCode: BLOOMSBURY, voteId }));
    const before = (await app.inject({ method: "GET", url: `/trpc/votes.result?input=${input}` })).json();
    expect(before.result.data.verification).toEqual({ ok: true });
    db.$client
      .prepare(
        "update vote_entries set payload = json_set(payload, '$.source', 'paper') where id = (select min(id) from vote_entries where vote_id = ? and type = 'ballot')",
      )
      .run(voteId);
    const after = (await app.inject({ method: "GET", url: `/trpc/votes.result?input=${input}` })).json();
    expect(after.result.data.verification.ok).toBe(false);
    expect(after.result.data.verification.reason).toMatch(/hash does not match/);
  });
});
