import { rmSync } from "node:fs";

import { closeDb, type Db } from "@wardpanel/db/client";
import { createApiKey } from "@wardpanel/db/queries/api-keys";
import { seedActivePriority } from "@wardpanel/db/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createFileDb, listenLogged } from "./testing/logged-server";

const BLOOMSBURY = "E05013653";
const CAMDEN = "E09000007";

// Response bodies are JSON whose shape each test asserts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/**
 * A bug we cannot foresee, made real: a table renamed out from under the server, so SQLite
 * answers "no such table". Its words must stay in the log, under an id the client is given.
 */
describe("an unexpected error", () => {
  let db: Db;
  let dir: string;
  let app: FastifyInstance;
  let url: string;
  let logs: Record<string, unknown>[];
  let priorityId: number;
  let feedKey: string;

  beforeAll(async () => {
    ({ db, dir } = createFileDb());
    priorityId = seedActivePriority(db, { wardCode: BLOOMSBURY, now: new Date() });
    feedKey = createApiKey(db, { name: "Camden CAD", boroughCodes: [CAMDEN], now: new Date() }).key;
    ({ app, url, logs } = await listenLogged(db, dir));
  });
  afterAll(async () => {
    await app.close();
    closeDb(db);
    rmSync(dir, { recursive: true, force: true });
  });

  /** The 500's error id, after checking the body says nothing of SQLite and the log holds the real error under that id. */
  function expectLoggedUnder(body: Json, errorId: unknown, table: string) {
    expect(errorId).toMatch(/^[0-9a-f]{8}$/);
    expect(JSON.stringify(body)).not.toMatch(/sqlite|no such table|insert into|select /i);
    const line = logs.find((l) => l.errorId === errorId);
    expect(line).toBeDefined();
    expect(String((line!.err as { message?: string }).message)).toContain(`no such table: ${table}`);
  }

  function renamed(table: string, run: () => Promise<void>) {
    return async () => {
      db.$client.exec(`ALTER TABLE ${table} RENAME TO ${table}_gone`);
      try {
        await run();
      } finally {
        db.$client.exec(`ALTER TABLE ${table}_gone RENAME TO ${table}`);
      }
    };
  }

  it(
    "through tRPC is a 500 whose message carries the error id that is in the log",
    renamed("concerns", async () => {
      const response = await fetch(`${url}/trpc/concerns.submit`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          wardCode: BLOOMSBURY,
          description: "Bikes stolen",
          location: "Tavistock Place",
          postcode: "",
          lon: null,
          lat: null,
          category: "bicycle-theft",
          website: "",
          openedAt: Date.now() - 60_000,
        }),
      });
      expect(response.status).toBe(500);
      const body = (await response.json()) as Json;
      const errorId = body.error.data.errorId;
      expect(body.error.message).toBe(
        `An unexpected error stopped this (error ${errorId}). If it keeps happening, quote that error number.`,
      );
      expectLoggedUnder(body, errorId, "concerns");
    }),
  );

  it(
    "through a plain HTTP route is a 500 problem with the error id as an extension member, and the id in the log",
    renamed("subscribers", async () => {
      const response = await fetch(`${url}/api/subscriptions/unsubscribe/${"u".repeat(43)}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
      expect(response.status).toBe(500);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      const body = (await response.json()) as Json;
      expect(body).toMatchObject({
        type: "https://wardpanel.org/problems/500",
        title: "Internal error",
        status: 500,
        detail: `An unexpected error stopped this (error ${body.errorId}). If it keeps happening, quote that error number.`,
      });
      expectLoggedUnder(body, body.errorId, "subscribers");
    }),
  );

  it(
    "through the feed is a 500 problem with the error id as an extension member",
    renamed("call_responses", async () => {
      const response = await fetch(`${url}/feed/v1/responses`, {
        method: "POST",
        headers: { authorization: `Bearer ${feedKey}`, "content-type": "application/json" },
        body: JSON.stringify({
          responses: [
            {
              callReference: "CAD-1",
              priorityId: String(priorityId),
              receivedAt: new Date(Date.now() - 60_000).toISOString(),
              arrivedAt: null,
            },
          ],
        }),
      });
      expect(response.status).toBe(500);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      const body = (await response.json()) as Json;
      expect(body).toMatchObject({
        status: 500,
        title: "Internal error",
        detail: `An unexpected error stopped this (error ${body.errorId}). If it keeps happening, quote that error number.`,
      });
      expectLoggedUnder(body, body.errorId, "call_responses");
    }),
  );

  it("keeps domain errors, field errors and Fastify's 4xx as refusals in their own words", async () => {
    const response = await fetch(`${url}/trpc/concerns.submit`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        wardCode: BLOOMSBURY,
        description: "",
        location: "Tavistock Place",
        postcode: "",
        lon: null,
        lat: null,
        category: "bicycle-theft",
        website: "",
        openedAt: Date.now() - 60_000,
      }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Json;
    expect(body.error.data).toMatchObject({ fieldErrors: { description: ["Describe the problem"] }, errorId: null });

    const stale = await fetch(`${url}/trpc/concerns.submit`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        wardCode: BLOOMSBURY,
        description: "Bikes stolen",
        location: "Tavistock Place",
        postcode: "",
        lon: null,
        lat: null,
        category: "bicycle-theft",
        website: "",
        openedAt: Date.now() - 2 * 24 * 3_600_000,
      }),
    });
    expect(stale.status).toBe(400);
    expect(((await stale.json()) as Json).error.message).toBe(
      "This form was opened more than a day ago. Reload the page and send it again.",
    );

    // On a plain route, a domain error and Fastify's own 4xx are problems with their status and words.
    const noPaper = await fetch(`${url}/api/wards/${BLOOMSBURY}/meetings/999999/papers/999999`);
    expect(noPaper.status).toBe(404);
    expect(await noPaper.json()).toEqual({
      type: "https://wardpanel.org/problems/not_found",
      title: "Not found",
      status: 404,
      detail: "There is no such paper",
    });
    const unreadable = await fetch(`${url}/api/subscriptions/unsubscribe/${"u".repeat(43)}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{ not json",
    });
    expect(unreadable.status).toBe(400);
    expect(unreadable.headers.get("content-type")).toContain("application/problem+json");
    expect(await unreadable.json()).toMatchObject({
      type: "https://wardpanel.org/problems/FST_ERR_CTP_INVALID_JSON_BODY",
      status: 400,
      field: "body",
    });
  });
});
