import { createApiKey } from "@wardpanel/db/queries/api-keys";
import { seedActivePriority, squareAroundWard } from "@wardpanel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readEnv } from "../../env";
import { createFeedTestDb, listenWholeServer } from "./feed-test-server";

const BLOOMSBURY = "E05013653";
const NOW = new Date("2026-11-25T12:00:00Z");

type Json = Record<string, unknown>;

describe("a force's own call-handling response target in the feed", () => {
  const { db } = createFeedTestDb();
  let server: Awaited<ReturnType<typeof listenWholeServer>>;
  let key: string;

  beforeAll(async () => {
    seedActivePriority(db, {
      wardCode: BLOOMSBURY,
      now: NOW,
      fields: { area: squareAroundWard(db, BLOOMSBURY), streets: ["Bernard Street"] },
      isCallHandlingFlagged: true,
    });
    key = createApiKey(db, { name: "Control room", boroughCodes: [], now: NOW }).key;
    // As `CALL_RESPONSE_TARGET_MINUTES=45 POLICE_FORCE_ID=city-of-london pnpm start` would set them.
    const settings = readEnv({ CALL_RESPONSE_TARGET_MINUTES: "45", POLICE_FORCE_ID: "city-of-london" });
    server = await listenWholeServer(db, {
      POLICE_FORCE_ID: settings.POLICE_FORCE_ID,
      CALL_RESPONSE_TARGET_MINUTES: settings.CALL_RESPONSE_TARGET_MINUTES,
    });
  });
  afterAll(async () => {
    await server.close();
  });

  const get = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${server.url}/feed/v1${path}`, {
      ...init,
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Json;
  };

  it("carries the setting in every flagged item, the changes and a match, as schema 1.1", async () => {
    const target = { minutes: 45, force: "city-of-london" };
    const snapshot = await get("/priorities");
    expect(snapshot.schemaVersion).toBe("1.2.0");
    const [item] = snapshot.items as { callHandling: Json; popupText: string }[];
    // Schema 1.0's field can only say 60: null, so a 1.0 consumer still reads the item.
    expect(item?.callHandling).toEqual({
      flagged: true,
      responseTargetMinutes: null,
      responseTarget: target,
      lapsed: false,
    });
    expect(item?.popupText).toMatch(/\. 45-minute response\.$/);

    const changes = await get("/priorities/changes?after=0");
    expect((changes.changes as { item: { callHandling: Json } }[])[0]?.item.callHandling.responseTarget).toEqual(
      target,
    );
    const match = await get("/match", { method: "POST", body: JSON.stringify({ street: "Bernard Street" }) });
    expect((match.matches as Json[])[0]).toMatchObject({ responseTargetMinutes: null, responseTarget: target });
  });

  it("refuses a setting that is not a whole number of minutes, naming it", () => {
    expect(readEnv({}).CALL_RESPONSE_TARGET_MINUTES).toBe(60);
    expect(() => readEnv({ CALL_RESPONSE_TARGET_MINUTES: "0" })).toThrow(
      /CALL_RESPONSE_TARGET_MINUTES: at least 1 minute/,
    );
    expect(() => readEnv({ CALL_RESPONSE_TARGET_MINUTES: "an hour" })).toThrow(/CALL_RESPONSE_TARGET_MINUTES/);
    expect(() => readEnv({ POLICE_FORCE_ID: "scotland" })).toThrow(/POLICE_FORCE_ID: Choose a police force/);
  });
});
