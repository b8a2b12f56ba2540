import { createApiKey, revokeApiKey } from "@wardpanel/db/queries/api-keys";
import { getFeedHead, pruneFeedChanges } from "@wardpanel/db/queries/feed";
import { endPriority, updatePriority } from "@wardpanel/db/queries/priorities";
import { buildPriorityFields, seedActivePriority, seedPanel, squareAroundWard } from "@wardpanel/db/testing";
import { FeedChangesPage, FeedSnapshot, Problem } from "@wardpanel/priority-feed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createFeedTestDb, listenFeedOnly, listenWholeServer } from "./feed-test-server";

const CAMDEN = "E09000007";
const BLOOMSBURY = "E05013653"; // Camden
const ST_JAMES = "E05013806"; // Westminster
const NOW = new Date("2026-11-25T12:00:00Z");

// Bodies are JSON whose shape each test asserts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe("the feed's HTTP API", () => {
  const { db } = createFeedTestDb();
  let server: Awaited<ReturnType<typeof listenWholeServer>>;
  let camdenKey: string;
  let londonKey: string;
  let bloomsbury: number;
  let westminster: number;

  const get = (path: string, key: string | null = camdenKey, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/feed/v1${path}`, {
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
    });
  const post = (path: string, body: unknown, key = camdenKey) =>
    fetch(`${server.url}/feed/v1${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  /** A 4xx problem body, checked against the package's schema, with the field it names. */
  async function problemOf(response: Response, status: number) {
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    return Problem.parse(await response.json());
  }

  beforeAll(async () => {
    seedPanel(db, BLOOMSBURY);
    bloomsbury = seedActivePriority(db, {
      wardCode: BLOOMSBURY,
      now: NOW,
      fields: { area: squareAroundWard(db, BLOOMSBURY), streets: ["Bernard Street"] },
      isCallHandlingFlagged: true,
    });
    westminster = seedActivePriority(db, {
      wardCode: ST_JAMES,
      now: NOW,
      fields: { title: "Pickpocketing on The Mall", streets: ["The Mall"], postcodes: ["SW1A 1AA"] },
    });
    camdenKey = createApiKey(db, { name: "Camden CAD", boroughCodes: [CAMDEN], now: NOW }).key;
    londonKey = createApiKey(db, { name: "Met CAD", boroughCodes: [], now: NOW }).key;
    server = await listenWholeServer(db);
  });
  afterAll(() => server.close());

  it("serves a snapshot the package's schema accepts, limited to the key's boroughs, with a strong ETag and 304", async () => {
    const response = await get("/priorities");
    expect(response.status).toBe(200);
    const etag = response.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const snapshot = FeedSnapshot.parse(await response.json());
    expect(snapshot.items.map((i) => i.id)).toEqual([String(bloomsbury)]);
    expect(snapshot.cursor).toBe(String(getFeedHead(db).cursor));

    const unchanged = await get("/priorities", camdenKey, { "if-none-match": etag });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");
    expect((await get("/priorities", camdenKey, { "if-none-match": `W/${etag}` })).status).toBe(304);

    const all = FeedSnapshot.parse(await (await get("/priorities", londonKey)).json());
    expect(all.items.map((i) => i.id).sort()).toEqual([String(bloomsbury), String(westminster)].sort());

    updatePriority(db, {
      wardCode: BLOOMSBURY,
      priorityId: bloomsbury,
      fields: buildPriorityFields({ title: "Dealing by the gardens", area: squareAroundWard(db, BLOOMSBURY) }),
      now: NOW,
    });
    const changed = await get("/priorities", camdenKey, { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("filters by ward and borough, and refuses filters outside the key's boroughs (403) or malformed (400), naming the field", async () => {
    expect(FeedSnapshot.parse(await (await get(`/priorities?ward=${BLOOMSBURY}`)).json()).items).toHaveLength(1);
    expect(
      FeedSnapshot.parse(await (await get(`/priorities?borough=E09000033`, londonKey)).json()).items.map((i) => i.id),
    ).toEqual([String(westminster)]);
    expect((await problemOf(await get(`/priorities?ward=${ST_JAMES}`), 403)).field).toBe("ward");
    expect((await problemOf(await get(`/priorities?borough=E09000033`), 403)).field).toBe("borough");
    expect((await problemOf(await get(`/priorities?ward=Bloomsbury`), 400)).field).toBe("ward");
    expect((await problemOf(await get(`/priorities.geojson?ward=${ST_JAMES}`), 403)).field).toBe("ward");
  });

  it("refuses a missing, unknown or revoked key with 401 (revocation takes effect at once)", async () => {
    expect((await problemOf(await get("/priorities", null), 401)).field).toBe("authorization");
    await problemOf(await get("/priorities", "wp_live_not-a-real-key"), 401);
    await problemOf(await get("/priorities/changes?after=0", "wp_live_not-a-real-key"), 401);
    const doomed = createApiKey(db, { name: "Doomed", boroughCodes: [], now: NOW });
    expect((await get("/priorities", doomed.key)).status).toBe(200);
    revokeApiKey(db, { id: doomed.id, now: NOW });
    await problemOf(await get("/priorities", doomed.key), 401);
    await problemOf(await post("/match", { street: "Bernard Street" }, doomed.key), 401);
  });

  it("pages changes after a cursor, with tombstones, and answers a bad cursor with 400 and an expired one with 410 — never 5xx", async () => {
    const start = FeedSnapshot.parse(await (await get("/priorities")).json()).cursor;
    endPriority(db, {
      wardCode: BLOOMSBURY,
      priorityId: bloomsbury,
      outcome: "withdrawn",
      date: "2026-11-25",
      reason: "Passed to the council",
      supersededById: null,
      now: NOW,
    });
    const page = FeedChangesPage.parse(await (await get(`/priorities/changes?after=${start}&limit=10`)).json());
    expect(page.changes).toEqual([{ cursor: page.next, kind: "remove", id: String(bloomsbury), reason: "withdrawn" }]);
    expect(page.hasMore).toBe(false);
    const empty = FeedChangesPage.parse(await (await get(`/priorities/changes?after=${page.next}`)).json());
    expect(empty).toMatchObject({ changes: [], next: page.next, hasMore: false });

    for (const bad of ["abc", "-1", "1.5", "", "1e3", "%00", "9".repeat(40), "0x10"]) {
      const response = await get(`/priorities/changes?after=${bad}`);
      expect(response.status, `after=${bad}`).toBe(400);
      expect((await problemOf(response, 400)).field).toBe("after");
    }
    expect((await problemOf(await get("/priorities/changes"), 400)).field).toBe("after");
    expect((await problemOf(await get(`/priorities/changes?after=0&limit=0`), 400)).field).toBe("limit");
    expect((await problemOf(await get(`/priorities/changes?after=0&limit=lots`), 400)).field).toBe("limit");
    expect((await problemOf(await get(`/priorities/changes?after=999999999`), 410)).field).toBe("after");

    // Prune the oldest history: a cursor from before it is 410, and the consumer re-snapshots.
    const head = getFeedHead(db).cursor;
    pruneFeedChanges(db, { before: new Date("2100-01-01T00:00:00Z") });
    expect((await problemOf(await get(`/priorities/changes?after=${head - 2}`), 410)).title).toBe("Gone");
    expect((await get(`/priorities/changes?after=${head - 1}`)).status).toBe(200);
  });

  it("matches a call over HTTP within the key's boroughs, and names the field of a malformed body", async () => {
    seedActivePriority(db, {
      wardCode: BLOOMSBURY,
      now: NOW,
      fields: { title: "Bike theft at the station", category: "bicycle-theft", streets: ["Marchmont Street"] },
    });
    const answer = (await (
      await post("/match", { street: "marchmont st", category: "Bicycle theft", at: "2026-12-01T10:00:00Z" })
    ).json()) as Json;
    expect(answer.matches).toEqual([
      expect.objectContaining({
        title: "Bike theft at the station",
        ward: { code: BLOOMSBURY, name: "Bloomsbury", borough: { code: CAMDEN, name: "Camden" } },
        responseTargetMinutes: null,
        matchedOn: ["street", "category"],
      }),
    ]);
    expect(((await (await post("/match", { street: "The Mall" })).json()) as Json).matches).toEqual([]);
    expect(((await (await post("/match", { street: "The Mall" }, londonKey)).json()) as Json).matches).toHaveLength(1);

    expect((await problemOf(await post("/match", "{ not json"), 400)).field).toBe("body");
    expect((await problemOf(await post("/match", []), 400)).field).toBe("body");
    expect((await problemOf(await post("/match", { lon: -0.12 }), 400)).field).toBe("lat");
    expect((await problemOf(await post("/match", { lon: "west", lat: 51.5 }), 400)).field).toBe("lon");
    expect((await problemOf(await post("/match", { category: "drugs" }), 400)).field).toBe("lon");
    expect((await problemOf(await post("/match", { street: "X", at: "yesterday" }), 400)).field).toBe("at");
  });

  it("matches a street as police.uk and CAD write it, only in the call's ward (given, or containing its point)", async () => {
    seedActivePriority(db, {
      wardCode: BLOOMSBURY,
      now: NOW,
      fields: { title: "Cycle theft in Lamb's Conduit Street", streets: ["Lamb's Conduit Street"] },
    });
    const at = "2026-12-01T10:00:00Z";
    const pointIn = (ward: string) => {
      const [lon, lat] = (squareAroundWard(db, ward, 0) as { coordinates: number[][][] }).coordinates[0]![0]!;
      return { lon, lat };
    };
    const titlesFor = async (call: object) =>
      ((await (await post("/match", { ...call, at })).json()) as Json).matches
        .filter((m: Json) => m.matchedOn.includes("street"))
        .map((m: Json) => m.title);
    const ours = ["Cycle theft in Lamb's Conduit Street"];

    expect(await titlesFor({ street: "On or near Lamb's Conduit Street", ward: BLOOMSBURY })).toEqual(ours);
    expect(await titlesFor({ street: "Lambs Conduit St", ward: ST_JAMES })).toEqual([]);
    const address = "Flat 2, 12 Lambs Conduit St, London WC1N 3LE";
    expect(await titlesFor({ street: address, ...pointIn(BLOOMSBURY) })).toEqual(ours);
    expect(await titlesFor({ street: address, ...pointIn(ST_JAMES) })).toEqual([]);
    expect(await titlesFor({ street: address })).toEqual(ours);
    expect((await problemOf(await post("/match", { street: "X", ward: "Bloomsbury" }), 400)).field).toBe("ward");
  });

  it("records control rooms' response reports idempotently and names the report at fault", async () => {
    const report = {
      callReference: "CAD-20261125-0042",
      priorityId: String(bloomsbury),
      receivedAt: "2026-11-25T09:00:00Z",
      arrivedAt: "2026-11-25T09:41:00Z",
    };
    for (let i = 0; i < 2; i++)
      expect(await (await post("/responses", { responses: [report] })).json()).toEqual({ recorded: 1 });
    expect(
      (await problemOf(await post("/responses", { responses: [report, { ...report, receivedAt: "25/11/2026" }] }), 400))
        .field,
    ).toBe("responses[1].receivedAt");
    expect(
      (await problemOf(await post("/responses", { responses: [{ ...report, priorityId: String(westminster) }] }), 403))
        .field,
    ).toBe("responses[0].priorityId");
    expect(
      (await problemOf(await post("/responses", { responses: [{ ...report, priorityId: "999999" }] }), 404)).field,
    ).toBe("responses[0].priorityId");
    expect((await problemOf(await post("/responses", { responses: [] }), 400)).field).toBe("responses");
    expect((await problemOf(await post("/responses", { calls: [] }), 400)).field).toBe("responses");
    // Times no call to this priority could have: before it was active, in the future, arrival before the call.
    expect(
      (
        await problemOf(
          await post("/responses", { responses: [report, { ...report, receivedAt: "0001-01-01T00:00:00Z" }] }),
          400,
        )
      ).field,
    ).toBe("responses[1].receivedAt");
    expect(
      (
        await problemOf(
          await post("/responses", { responses: [{ ...report, receivedAt: "2999-01-01T00:00:00Z" }] }),
          400,
        )
      ).field,
    ).toBe("responses[0].receivedAt");
    expect(
      (
        await problemOf(
          await post("/responses", { responses: [{ ...report, arrivedAt: "2999-01-01T00:00:00Z" }] }),
          400,
        )
      ).field,
    ).toBe("responses[0].arrivedAt");
    expect(
      (
        await problemOf(
          await post("/responses", { responses: [{ ...report, arrivedAt: "2026-11-25T08:59:00Z" }] }),
          400,
        )
      ).field,
    ).toBe("responses[0].arrivedAt");
  });

  it("lets a key register, list and delete its own webhook endpoints only", async () => {
    const created = await post("/webhooks", { url: "https://cad.example.police.uk/hooks/ward-panel" });
    expect(created.status).toBe(201);
    const endpoint = (await created.json()) as Json;
    expect(endpoint.secret).toMatch(/^whsec_/);
    const listed = (await (await get("/webhooks")).json()) as Json;
    expect(listed.items).toEqual([
      expect.objectContaining({ id: endpoint.id, url: "https://cad.example.police.uk/hooks/ward-panel" }),
    ]);
    expect(JSON.stringify(listed)).not.toContain("whsec_");
    expect(((await (await get("/webhooks", londonKey)).json()) as Json).items).toEqual([]);
    const del = (id: unknown, key = camdenKey) =>
      fetch(`${server.url}/feed/v1/webhooks/${id}`, { method: "DELETE", headers: { authorization: `Bearer ${key}` } });
    await problemOf(await del(endpoint.id, londonKey), 404);
    expect((await problemOf(await del("abc"), 400)).field).toBe("id");
    expect((await del(endpoint.id)).status).toBe(204);
    expect((await problemOf(await post("/webhooks", { url: "ftp://cad.example/hooks" }), 400)).field).toBe("url");
    expect((await problemOf(await post("/webhooks", { url: "https://user:pw@cad.example/hooks" }), 400)).field).toBe(
      "url",
    );
  });

  it("serves GeoJSON and CSV of the same items, and a problem for unknown feed paths", async () => {
    const geojson = (await (await get("/priorities.geojson", londonKey)).json()) as Json;
    expect(geojson.type).toBe("FeatureCollection");
    expect(geojson.features.map((f: Json) => f.properties.wardCode).sort()).toContain(ST_JAMES);
    const csv = await (await get("/priorities.csv", londonKey)).text();
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe(
      "priority_id,version,ward_code,ward_name,borough_code,borough_name,title,category,flagged,response_target_minutes,valid_from,review_date,matcher,value,popup_text",
    );
    expect(lines.filter((l) => l.startsWith(`${westminster},`)).map((l) => l.split(",")[12])).toEqual([
      "street",
      "postcode",
    ]);
    await problemOf(await get("/nothing-here"), 404);
  });

  it("keeps the problem bodies control rooms already read: the same types, titles, statuses and fields", async () => {
    const FEED = "https://wardpanel.org/problems/feed";
    const report = {
      callReference: "CAD-20261125-0043",
      priorityId: "999999",
      receivedAt: "2026-11-25T09:00:00Z",
      arrivedAt: null,
    };
    // A domain error, thrown by the query and mapped by the server's one handler.
    expect(await (await post("/responses", { responses: [report] })).json()).toEqual({
      type: `${FEED}/not_found`,
      title: "Not found",
      status: 404,
      detail: expect.any(String),
      field: "responses[0].priorityId",
    });
    // Fastify's own 4xx.
    expect(await (await post("/match", "{ not json")).json()).toEqual({
      type: `${FEED}/FST_ERR_CTP_INVALID_JSON_BODY`,
      title: "Bad request",
      status: 400,
      detail: expect.any(String),
      field: "body",
    });
    // The feed's own refusals and its not-found.
    expect(await (await get("/priorities", null)).json()).toEqual({
      type: `${FEED}/missing-key`,
      title: "Unauthorised",
      status: 401,
      detail: "Send your API key as `Authorization: Bearer <key>`.",
      field: "authorization",
    });
    expect(await (await get("/nothing-here")).json()).toEqual({
      type: `${FEED}/404`,
      title: "Not found",
      status: 404,
      detail: "GET /feed/v1/nothing-here is not part of the feed; see /feed/v1/openapi.json",
    });
  });
});

describe("the feed's rate limit", () => {
  it("gives each key its own budget and answers 429 with Retry-After", async () => {
    const { db } = createFeedTestDb();
    const a = createApiKey(db, { name: "A", boroughCodes: [], now: NOW }).key;
    const b = createApiKey(db, { name: "B", boroughCodes: [], now: NOW }).key;
    const { app, url } = await listenFeedOnly(db, { rateLimit: { points: 2, durationSeconds: 60 } });
    try {
      const get = (key: string) => fetch(`${url}/feed/v1/priorities`, { headers: { authorization: `Bearer ${key}` } });
      expect([(await get(a)).status, (await get(a)).status]).toEqual([200, 200]);
      const limited = await get(a);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(Problem.parse(await limited.json()).status).toBe(429);
      expect((await get(b)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
