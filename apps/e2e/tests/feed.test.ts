import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { closeDb, type Db } from "@wardpanel/db/client";
import { createApiKey } from "@wardpanel/db/queries/api-keys";
import {
  createPriority,
  endPriority,
  publishPriority,
  setCallHandling,
  updatePriority,
} from "@wardpanel/db/queries/priorities";
import {
  buildPriorityFields,
  createTestDbFile,
  seedActivePriority,
  seedPanel,
  squareAroundWard,
} from "@wardpanel/db/testing";
import { type RunningServer, startServerProcess } from "@wardpanel/server/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type ConsumerEvent, startConsumer } from "../src/feed-consumer";

const BLOOMSBURY = "E05013653";
const HOLBORN = "E05013662";
const CAMDEN = "E09000007";
/** Calls are placed after the priorities' start date (2026-11-01), whatever the machine's clock says. */
const AT = "2026-12-01T12:00:00Z";

/** The centre of a ward's demo square: a call there is inside the priority's drawn area. */
function centreOf(db: Db, wardCode: string) {
  const ring = squareAroundWard(db, wardCode).coordinates[0] as number[][];
  return { lon: (ring[0]![0]! + ring[2]![0]!) / 2, lat: (ring[0]![1]! + ring[2]![1]!) / 2 };
}

/**
 * Issue 5's "done when": the real server as a process, and a control room's consumer as another
 * process using only the built @wardpanel/priority-feed. The app's changes are made with the same
 * lifecycle functions the staff app calls, on the server's SQLite file.
 */
describe("a control room consumes the priority feed", () => {
  let db: Db;
  let server: RunningServer;
  let consumer: Awaited<ReturnType<typeof startConsumer>>;
  let key: string;
  let cachePath: string;
  let gardens: number;
  const now = () => new Date();

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "wardpanel-feed-e2e-"));
    const databasePath = join(dir, "wardpanel.sqlite");
    cachePath = join(dir, "control-room", "feed-cache.json");
    db = createTestDbFile(databasePath);
    seedPanel(db, BLOOMSBURY);
    seedPanel(db, HOLBORN);
    gardens = seedActivePriority(db, {
      wardCode: BLOOMSBURY,
      now: now(),
      fields: { area: squareAroundWard(db, BLOOMSBURY), streets: ["Bernard Street"] },
      isCallHandlingFlagged: true,
    });
    key = createApiKey(db, { name: "Camden control room", boroughCodes: [CAMDEN], now: now() }).key;
    // The control room's webhook receiver listens on this machine, so the operator opens loopback to webhooks.
    server = await startServerProcess({
      DATABASE_PATH: databasePath,
      DEMO_DATA: "false",
      WEBHOOK_ALLOWED_NETWORKS: "127.0.0.0/8",
    });
    consumer = await startConsumer({
      FEED_URL: server.url,
      PRIORITY_FEED_KEY: key,
      CACHE_PATH: cachePath,
      REGISTER_WEBHOOK: "1",
    });
  });

  afterAll(async () => {
    await consumer?.stop();
    if (server && server.process.exitCode === null) {
      server.process.kill("SIGTERM");
      await server.exited;
    }
    if (db) closeDb(db);
  });

  /** After a change in the app: a verified webhook arrives, then the consumer pulls the change. */
  async function expectNoticeThenChanges(priorityId: number): Promise<ConsumerEvent> {
    const notice = await consumer.next((e) => e.event === "webhook", "a verified webhook notice");
    expect(notice.payload).toMatchObject({ type: "priorities.changed", data: { priorityIds: [String(priorityId)] } });
    const synced = await consumer.next((e) => e.event === "synced", "a sync after the notice");
    expect(synced.result).toMatchObject({ mode: "changes", applied: 1 });
    return synced;
  }

  it("syncs, hears of each change by a signed webhook and pulls it, and keeps matching from its cache while the server is down and after its own restart", async () => {
    // 1. It syncs a snapshot and matches a call in the priority's area.
    expect(await consumer.send("sync")).toEqual({ mode: "snapshot", applied: 1, itemCount: 1 });
    const matches = await consumer.send("match", { call: { ...centreOf(db, BLOOMSBURY), category: "drugs", at: AT } });
    expect(matches).toEqual([
      expect.objectContaining({
        id: String(gardens),
        responseTargetMinutes: 60,
        matchedOn: ["area", "category"],
        popupText: "Ward priority (Bloomsbury): Drug dealing in Russell Square gardens. 60-minute response.",
      }),
    ]);
    expect(await consumer.send("sync")).toMatchObject({ mode: "unchanged", applied: 0 });

    // 2. It sees a newly published priority through a signed webhook and changes, and matches it.
    const holborn = { ...centreOf(db, HOLBORN), at: AT };
    expect(await consumer.send("match", { call: holborn })).toEqual([]);
    const id = createPriority(db, {
      wardCode: HOLBORN,
      fields: buildPriorityFields({
        title: "Phone snatching on Kingsway",
        category: "theft-from-the-person",
        area: squareAroundWard(db, HOLBORN),
        streets: ["Kingsway"],
      }),
      now: now(),
    });
    setCallHandling(db, { wardCode: HOLBORN, priorityId: id, isFlagged: true, now: now() });
    publishPriority(db, { wardCode: HOLBORN, priorityId: id, now: now() });
    await expectNoticeThenChanges(id);
    expect(await consumer.send("match", { call: holborn })).toEqual([
      expect.objectContaining({ id: String(id), title: "Phone snatching on Kingsway", matchedOn: ["area"] }),
    ]);

    // 3. It stops matching a withdrawn priority once told.
    endPriority(db, {
      wardCode: BLOOMSBURY,
      priorityId: gardens,
      outcome: "withdrawn",
      date: "2026-11-25",
      reason: "The council has locked the gardens at night",
      supersededById: null,
      now: now(),
    });
    await expectNoticeThenChanges(gardens);
    expect(await consumer.send("match", { call: { ...centreOf(db, BLOOMSBURY), at: AT } })).toEqual([]);

    // 4. It matches an edited priority by its new street.
    const holbornPriority = Number(
      (await consumer.send("match", { call: { ...centreOf(db, HOLBORN), at: AT } }))[0].id,
    );
    expect(await consumer.send("match", { call: { street: "High Holborn", at: AT } })).toEqual([]);
    updatePriority(db, {
      wardCode: HOLBORN,
      priorityId: holbornPriority,
      fields: buildPriorityFields({
        title: "Phone snatching on Kingsway and High Holborn",
        category: "theft-from-the-person",
        area: squareAroundWard(db, HOLBORN),
        streets: ["Kingsway", "High Holborn"],
      }),
      now: now(),
    });
    await expectNoticeThenChanges(holbornPriority);
    expect(await consumer.send("match", { call: { street: "high holborn", at: AT } })).toEqual([
      expect.objectContaining({
        title: "Phone snatching on Kingsway and High Holborn",
        version: 3,
        matchedOn: ["street"],
      }),
    ]);

    // 5. It keeps matching from its cache when the server is down, and after its own restart.
    server.process.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    await expect(consumer.send("sync")).rejects.toMatchObject({ code: "network" });
    const call = { call: { ...centreOf(db, HOLBORN), at: AT } };
    expect(await consumer.send("match", call)).toEqual([
      expect.objectContaining({ title: "Phone snatching on Kingsway and High Holborn" }),
    ]);
    expect((await consumer.send("staleness")).lastError).toBeTruthy();

    await consumer.stop();
    consumer = await startConsumer({ FEED_URL: server.url, PRIORITY_FEED_KEY: key, CACHE_PATH: cachePath });
    expect(await consumer.send("match", call)).toEqual([
      expect.objectContaining({ title: "Phone snatching on Kingsway and High Holborn" }),
    ]);
  }, 300_000);
});
