import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { getVoteRecord } from "@wardpanel/db/queries/votes";
import { createTestDb, seedPanelWithMembers, seedPublishedMeeting, seedPublishedVote } from "@wardpanel/db/testing";
import { recordTrackers } from "@wardpanel/voting";
import { describe, expect, it } from "vitest";

import { runCliInProcess } from "../testing/cli-in-process";

const WARD = "E05013653";

/** A published approval vote's record and tracker list, written to files as someone would download them. */
function downloadedVote({ secret = true } = {}) {
  const db = createTestDb();
  seedPanelWithMembers(db, WARD, 4);
  const meetingId = seedPublishedMeeting(db, {
    wardCode: WARD,
    date: "2026-11-24",
    now: new Date("2026-11-01T12:00:00Z"),
  });
  const { voteId } = seedPublishedVote(db, {
    wardCode: WARD,
    meetingId,
    concerns: ["Speeding on Gower Street", "Bike theft at the station"],
    approvals: [[0], [0, 1], [1]],
    seats: 1,
    secret,
    now: new Date("2026-11-24T19:30:00Z"),
  });
  const { record } = getVoteRecord(db, voteId)!;
  const dir = mkdtempSync(join(tmpdir(), "wardpanel-trackers-"));
  const recordPath = join(dir, "record.json");
  writeFileSync(recordPath, JSON.stringify(record));
  return { dir, recordPath, trackers: recordTrackers(record.entries).trackers, finalHash: record.finalHash };
}

describe("verify-vote checks the published ballot trackers", () => {
  it("secret vote: prints the trackers, accepts the published list and refuses one left out or added", async () => {
    const { dir, recordPath, trackers, finalHash } = downloadedVote();
    expect(trackers).toHaveLength(3);
    const plain = await runCliInProcess(["verify-vote", recordPath], {});
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain(`3 ballot trackers: ${trackers.join(" ")}`);

    const listPath = join(dir, "trackers.txt");
    writeFileSync(listPath, `${trackers.join("\n")}\n\n`);
    const ok = await runCliInProcess(
      ["verify-vote", recordPath, "--trackers", listPath, "--final-hash", finalHash],
      {},
    );
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(
      "✓ Ballot trackers: secret vote: 3 random trackers listed apart from the ballots, one per ballot, none twice; they show a ballot was counted, not how; the published list is exactly the record's.",
    );
    expect(ok.stdout).toContain("The 3 published ballot trackers are exactly the record's.");

    const shortPath = join(dir, "short.txt");
    writeFileSync(shortPath, trackers.slice(1).join("\n"));
    const short = await runCliInProcess(["verify-vote", recordPath, "--trackers", shortPath], {});
    expect(short.code).toBe(1);
    expect(short.stderr).toContain(
      `Does NOT verify: The published list of ballot trackers does not match the record: Tracker ${trackers[0]} is in the record but missing from the list.`,
    );
    const extraPath = join(dir, "extra.txt");
    writeFileSync(extraPath, [...trackers, "ABCD-EFGH-JK"].join("\n"));
    const extra = await runCliInProcess(["verify-vote", recordPath, "--trackers", extraPath], {});
    expect(extra.code).toBe(1);
    expect(extra.stderr).toContain("Tracker ABCD-EFGH-JK is not in the record's list of cast trackers.");
    const missing = await runCliInProcess(["verify-vote", recordPath, "--trackers", join(dir, "nope.txt")], {});
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`Cannot read the tracker list ${join(dir, "nope.txt")}`);
    const usage = await runCliInProcess(["verify-vote", recordPath, "--trackers"], {});
    expect(usage.code).not.toBe(0);
  });

  it("open vote: says the trackers come from the ballot entries", async () => {
    const { recordPath } = downloadedVote({ secret: false });
    const plain = await runCliInProcess(["verify-vote", recordPath], {});
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain(
      "✓ Ballot trackers: 3 trackers from the ballot entries (an open vote's, or a secret vote's recorded before version 3) (pass --trackers to compare a published list).",
    );
  });
});
