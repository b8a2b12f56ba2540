import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createSignInLimiter } from "@wardpanel/api";
import { closeDb, type Db, openDb } from "@wardpanel/db/client";
import { createTestDbFile, seedUser, TEST_PASSWORD } from "@wardpanel/db/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildServer } from "./app";

const BLOOMSBURY = "E05013653";

function envFor(webDist: string) {
  return { COOKIE_SECURE: false, TRUST_PROXY: false as const, WEB_DIST: webDist, LOG_LEVEL: "silent" as const };
}

async function listen(db: Db, webDist = "/nonexistent") {
  const app = await buildServer({
    db,
    env: envFor(webDist),
    signInLimiter: createSignInLimiter({ perAccount: 3, perAddress: 100 }),
  });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, url: address };
}

// Response bodies are JSON whose shape each test asserts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (response: Response): Promise<any> => response.json();

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("the HTTP server", () => {
  let db: Db;
  let app: FastifyInstance;
  let url: string;
  let webDist: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "wardpanel-http-"));
    webDist = join(dir, "web");
    await import("node:fs").then((fs) => fs.mkdirSync(webDist));
    writeFileSync(join(webDist, "index.html"), "<!doctype html><title>Ward Panel</title><div id=root></div>");
    db = createTestDbFile(join(dir, "wardpanel.sqlite"));
    await seedUser(db, { email: "sergeant@example.test", roles: [{ role: "sergeant", wardCode: BLOOMSBURY }] });
    await seedUser(db, { email: "admin@example.test", roles: [{ role: "admin" }] });
    ({ app, url } = await listen(db, webDist));
  });
  afterAll(async () => {
    await app.close();
    closeDb(db);
  });

  it("answers /healthz and /readyz when migrated", async () => {
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await json(ready)).toEqual({ status: "ready" });
  });

  it("answers a tRPC batch of many procedures, as a page's first load sends", async () => {
    const procedures = ["site.mapTiles", "site.localForces", "site.callResponseTargetMinutes"];
    const path = [...procedures, ...procedures, ...procedures].join(",");
    expect(path.length).toBeGreaterThan(100);
    const response = await fetch(`${url}/trpc/${path}?batch=1&input=${encodeURIComponent("{}")}`);
    expect(response.status).toBe(200);
    const answers = (await response.json()) as { result?: unknown }[];
    expect(answers).toHaveLength(9);
    expect(answers.every((answer) => answer.result !== undefined)).toBe(true);
  });

  it("sends security headers", async () => {
    const response = await fetch(`${url}/`);
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("serves the web app for page paths and a 404 problem for unknown API paths", async () => {
    const page = await fetch(`${url}/wards/${BLOOMSBURY}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<div id=root>");
    const missing = await fetch(`${url}/trpc/nothing.here`);
    expect(missing.status).toBe(404);
    const noSuchRoute = await fetch(`${url}/api/nothing/here?x=1`);
    expect(noSuchRoute.status).toBe(404);
    expect(noSuchRoute.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await json(noSuchRoute)).toEqual({
      type: "https://wardpanel.org/problems/404",
      title: "Not found",
      status: 404,
      detail: "There is nothing at GET /api/nothing/here",
    });
    expect((await fetch(`${url}/missing.js`)).status).toBe(404);
  });

  it("signs in with an httpOnly, SameSite cookie that then identifies the person, and signs out", async () => {
    const signIn = await post(`${url}/trpc/auth.signIn`, { email: "sergeant@example.test", password: TEST_PASSWORD });
    expect(signIn.status).toBe(200);
    const setCookie = signIn.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^wp_session=[A-Za-z0-9_-]+;/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const cookie = setCookie.split(";")[0]!;

    const me = await fetch(`${url}/trpc/auth.me`, { headers: { cookie } });
    expect((await json(me)).result.data.email).toBe("sergeant@example.test");

    const panel = await fetch(
      `${url}/trpc/wards.panel?input=${encodeURIComponent(JSON.stringify({ wardCode: BLOOMSBURY }))}`,
      { headers: { cookie } },
    );
    expect(panel.status).toBe(200);

    const signOut = await post(`${url}/trpc/auth.signOut`, null, { cookie });
    expect(signOut.status).toBe(200);
    expect(signOut.headers.get("set-cookie")).toMatch(/wp_session=;/);
    const after = await fetch(`${url}/trpc/auth.me`, { headers: { cookie } });
    expect((await json(after)).result.data).toBeNull();
  });

  it("refuses a state-changing request from another site", async () => {
    const response = await post(
      `${url}/trpc/auth.signIn`,
      { email: "sergeant@example.test", password: TEST_PASSWORD },
      { origin: "https://evil.example" },
    );
    expect(response.status).toBe(403);
    expect(await json(response)).toMatchObject({
      status: 403,
      field: "origin",
      detail: "Requests from other sites are not allowed",
    });
    const opaque = await post(
      `${url}/trpc/auth.signIn`,
      { email: "sergeant@example.test", password: TEST_PASSWORD },
      { origin: "null" },
    );
    expect(opaque.status).toBe(403);
  });

  it("rate-limits bad sign-ins with 429 and a message that reveals nothing", async () => {
    const attempt = () => post(`${url}/trpc/auth.signIn`, { email: "admin@example.test", password: "wrong password" });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt()).status);
    expect(statuses).toEqual([400, 400, 400, 429]);
    const body = await json(await attempt());
    expect(body.error.message).toMatch(/^Too many sign-in attempts\. Wait \d+ minutes? and try again\.$/);
  });

  it("names the field a server error belongs to, so the form can show it there", async () => {
    const signIn = await post(`${url}/trpc/auth.signIn`, { email: "sergeant@example.test", password: TEST_PASSWORD });
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0]!;
    const response = await post(
      `${url}/trpc/wards.updateTeamContacts`,
      { wardCode: BLOOMSBURY, baseName: "", baseAddress: "", email: "not an email", phone: "", publicNote: "" },
      { cookie },
    );
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.error.data.fieldErrors.email).toEqual(["Enter an email address like team@example.police.uk"]);
  });

  it("refuses a sergeant of one ward acting on another over HTTP", async () => {
    const signIn = await post(`${url}/trpc/auth.signIn`, { email: "sergeant@example.test", password: TEST_PASSWORD });
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0]!;
    const response = await fetch(
      `${url}/trpc/wards.panel?input=${encodeURIComponent(JSON.stringify({ wardCode: "E05013662" }))}`,
      { headers: { cookie } },
    );
    expect(response.status).toBe(403);
  });
});

describe("/readyz", () => {
  it("answers 503 while the database is not migrated", async () => {
    const db = openDb(":memory:");
    const { app, url } = await listen(db);
    const response = await fetch(`${url}/readyz`);
    expect(response.status).toBe(503);
    expect((await json(response)).reason).toBe("database is not migrated");
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    await app.close();
  });
});
