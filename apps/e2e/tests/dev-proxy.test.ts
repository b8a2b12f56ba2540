import { mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import type { Db } from "@wardpanel/db/client";
import { publishPack, savePackText } from "@wardpanel/db/queries/packs";
import { createTestDb, seedPublishedMeeting } from "@wardpanel/db/testing";
import { importMetDecember } from "@wardpanel/packs/testing";
import { buildServer } from "@wardpanel/server/app";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const BLOOMSBURY = "E05013653";
const MONTH = "2024-12";
const WEB_DIR = fileURLToPath(new URL("../../web/", import.meta.url));

/** The little of Vite's API this test uses; Vite is the web app's own dependency, loaded from there. */
type ProxyEntry = { target?: unknown } & Record<string, unknown>;
type ViteConfig = Record<string, unknown> & {
  server?: Record<string, unknown> & { proxy?: Record<string, string | ProxyEntry> };
};
type Vite = {
  loadConfigFromFile(
    env: { command: "serve"; mode: string },
    configFile: string,
    root: string,
  ): Promise<{ config: ViteConfig } | null>;
  createServer(
    config: Record<string, unknown>,
  ): Promise<{ listen(): Promise<unknown>; resolvedUrls: { local: string[] } | null; close(): Promise<void> }>;
};

/** The Vite that `pnpm dev` runs in apps/web (its package exports one ES module entry). */
async function webAppsVite(): Promise<Vite> {
  const manifest = createRequire(join(WEB_DIR, "package.json")).resolve("vite/package.json");
  const entry = (JSON.parse(readFileSync(manifest, "utf8")) as { exports: { ".": string } }).exports["."];
  return (await import(pathToFileURL(join(dirname(manifest), entry)).href)) as Vite;
}

/** What a browser sends when a person follows a link: Vite answers a page path with the app's HTML. */
const ASKED_AS_A_PAGE = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };
/** Vite's own index.html, transformed for development, carries its client script. */
const isDevAppShell = (body: string) => body.includes("/@vite/client");

/**
 * `pnpm dev` serves the web app from Vite and the server beside it: Vite must pass every server
 * path on (apps/web/vite.config.ts), or a PDF link gets the app's HTML. Vite runs here as in
 * development, with the config file as written, only pointed at a real server on a free port.
 */
describe("the development server (Vite) with its proxy to the real server", () => {
  let db: Db;
  let server: Awaited<ReturnType<typeof buildServer>>;
  let vite: Awaited<ReturnType<Vite["createServer"]>>;
  let devUrl: string;
  let serverRoutes: string[];

  beforeAll(async () => {
    db = createTestDb();
    seedPublishedMeeting(db, {
      wardCode: BLOOMSBURY,
      date: `${new Date().getUTCFullYear() + 1}-02-10`,
      now: new Date(),
    });
    await importMetDecember(db);
    savePackText(db, {
      wardCode: BLOOMSBURY,
      month: MONTH,
      commentary: "Burglary is our priority.",
      partnerActions: "",
      now: new Date(),
    });
    publishPack(db, { wardCode: BLOOMSBURY, month: MONTH, now: new Date() });
    const mail = {
      PACK_OUTBOX_DIR: join(mkdtempSync(join(tmpdir(), "wardpanel-dev-proxy-")), "outbox"),
      PACK_TOKEN_SECRET: "a-test-secret-of-at-least-thirty-two-chars",
      PACK_MAIL_POLL_MS: 3_600_000,
    };
    server = await buildServer({
      db,
      env: { COOKIE_SECURE: false, TRUST_PROXY: false, WEB_DIST: "/nonexistent", LOG_LEVEL: "silent", ...mail },
    });
    const serverUrl = await server.listen({ port: 0, host: "127.0.0.1" });
    // Top-level lines of Fastify's route tree, printed with full paths: every route the server has.
    serverRoutes = [...server.printRoutes({ commonPrefix: false }).matchAll(/^[├└]── (\S+)/gmu)].map((m) => m[1]!);

    const { createServer, loadConfigFromFile } = await webAppsVite();
    const loaded = await loadConfigFromFile(
      { command: "serve", mode: "development" },
      join(WEB_DIR, "vite.config.ts"),
      WEB_DIR,
    );
    const proxy = loaded?.config.server?.proxy ?? {};
    const toTestServer = Object.fromEntries(
      Object.entries(proxy).map(([path, entry]) => [
        path,
        typeof entry === "string" ? serverUrl : { ...entry, target: serverUrl },
      ]),
    );
    vite = await createServer({
      ...loaded?.config,
      configFile: false,
      root: WEB_DIR,
      logLevel: "silent",
      server: { ...loaded?.config.server, proxy: toTestServer, host: "127.0.0.1", port: 0, hmr: false },
    });
    await vite.listen();
    devUrl = vite.resolvedUrls!.local[0]!.replace(/\/$/, "");
  }, 180_000);
  afterAll(async () => {
    await vite?.close();
    await server?.close();
  });

  const get = (path: string) => fetch(`${devUrl}${path}`, { headers: ASKED_AS_A_PAGE, redirect: "manual" });

  it("serves the app's pages itself, and passes tRPC, a pack's PDF, a calendar and a CSV on to the server", async () => {
    const page = await get(`/wards/${BLOOMSBURY}/packs/${MONTH}`);
    expect(page.status).toBe(200);
    expect(isDevAppShell(await page.text())).toBe(true);

    const procedure = await get(
      `/trpc/crimePacks.publishedPage?input=${encodeURIComponent(JSON.stringify({ wardCode: BLOOMSBURY, month: MONTH }))}`,
    );
    expect(procedure.headers.get("content-type")).toMatch(/^application\/json/);
    expect(((await procedure.json()) as { result: { data: { pdfPath: string } } }).result.data.pdfPath).toBe(
      `/wards/${BLOOMSBURY}/packs/${MONTH}.pdf`,
    );

    const pdf = await get(`/wards/${BLOOMSBURY}/packs/${MONTH}.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString("latin1"),
    ).toBe("%PDF-");

    const calendar = await get(`/wards/${BLOOMSBURY}/meetings.ics`);
    expect(calendar.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(await calendar.text()).toMatch(/^BEGIN:VCALENDAR/);

    // Not signed in: the server's refusal, not the app's HTML.
    const csv = await get("/api/oversight.csv?borough=E09000007");
    expect(csv.status).toBe(401);
    expect(csv.headers.get("content-type")).toMatch(/^application\/problem\+json/);

    // A state-changing request from the page itself passes the server's same-site check (a 403
    // would be the refusal): the procedure itself answers, here that the link is not valid.
    const fromThePage = await fetch(`${devUrl}/trpc/subscriptions.confirm`, {
      method: "POST",
      headers: { origin: devUrl, "content-type": "application/json" },
      body: JSON.stringify({ token: "x".repeat(43) }),
    });
    expect(fromThePage.status).toBe(404);
    expect(((await fromThePage.json()) as { error: { message: string } }).error.message).toMatch(
      /^This confirmation link is not valid/,
    );
  });

  it("passes on every route the server registers", async () => {
    expect(serverRoutes).toContain("/trpc/:path");
    expect(serverRoutes.length).toBeGreaterThan(15);
    const sample = (route: string) =>
      route
        .replace(":wardCode", BLOOMSBURY)
        .replace(":month(^\\d{4}-\\d{2})", MONTH)
        .replace(":meetingId(^\\d+)", "1")
        .replace(":path", "auth.me")
        .replace(/:[A-Za-z]+/g, "1");
    const answeredByTheApp: string[] = [];
    for (const route of serverRoutes) {
      const response = await get(sample(route));
      if (isDevAppShell(await response.text())) answeredByTheApp.push(route);
    }
    expect(answeredByTheApp).toEqual([]);
  });
});
