import { authenticateApiKey } from "@wardpanel/db/queries/api-keys";
import { recordCallResponses } from "@wardpanel/db/queries/call-responses";
import { seedActivePriority, seedUser } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { callerFor, createTestDb } from "../testing";

const BLOOMSBURY = "E05013653";
const HOLBORN = "E05013662";
const NOW = new Date("2026-11-25T12:00:00Z");

describe("feedAdmin", () => {
  it("issues a key shown once, lists it without the key, and revokes it", async () => {
    const db = createTestDb();
    const admin = callerFor(db, (await seedUser(db, { roles: [{ role: "admin" }] })).id);
    const { id, key } = await admin.feedAdmin.createApiKey({
      name: "Met Command and Control",
      boroughCodes: ["e09000007"],
    });
    expect(authenticateApiKey(db, key)?.boroughCodes).toEqual(["E09000007"]);
    const listed = await admin.feedAdmin.apiKeys();
    expect(listed).toEqual([expect.objectContaining({ id, name: "Met Command and Control", revokedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(key);
    await admin.feedAdmin.revokeApiKey({ id });
    expect(authenticateApiKey(db, key)).toBeNull();
    await expect(admin.feedAdmin.createApiKey({ name: "X", boroughCodes: ["E09999999"] })).rejects.toThrow(
      "No such borough: E09999999",
    );
  });

  it("shows a sergeant their ward's response record, within the dates asked", async () => {
    const db = createTestDb();
    const sergeant = callerFor(db, (await seedUser(db, { roles: [{ role: "sergeant", wardCode: BLOOMSBURY }] })).id);
    const mine = seedActivePriority(db, { wardCode: BLOOMSBURY, now: NOW });
    const theirs = seedActivePriority(db, { wardCode: HOLBORN, now: NOW });
    const admin = callerFor(db, (await seedUser(db, { roles: [{ role: "admin" }] })).id);
    const { id: apiKeyId } = await admin.feedAdmin.createApiKey({ name: "CAD", boroughCodes: [] });
    recordCallResponses(db, {
      apiKeyId,
      boroughCodes: [],
      now: NOW,
      reports: [
        {
          callReference: "A",
          priorityId: mine,
          receivedAt: new Date("2026-11-20T09:00:00Z"),
          arrivedAt: new Date("2026-11-20T10:30:00Z"),
        },
        {
          callReference: "B",
          priorityId: mine,
          receivedAt: new Date("2026-11-21T23:30:00Z"),
          arrivedAt: new Date("2026-11-21T23:50:00Z"),
        },
        { callReference: "C", priorityId: theirs, receivedAt: new Date("2026-11-20T09:00:00Z"), arrivedAt: null },
      ],
    });
    const stats = await sergeant.feedAdmin.wardResponses({ wardCode: BLOOMSBURY });
    expect(stats.byWard).toEqual([
      expect.objectContaining({ wardCode: BLOOMSBURY, reported: 2, attendedInTime: 1, share: 0.5 }),
    ]);
    expect(stats.misses.map((m) => m.callReference)).toEqual(["A"]);
    expect(
      (await sergeant.feedAdmin.wardResponses({ wardCode: BLOOMSBURY, from: "2026-11-21", to: "2026-11-21" }))
        .byWard[0]!.reported,
    ).toBe(1);
    await expect(sergeant.feedAdmin.wardResponses({ wardCode: HOLBORN })).rejects.toThrow(
      "You do not have a role for this ward",
    );
    expect((await admin.feedAdmin.allResponses({})).byWard).toHaveLength(2);
  });
});
