import { createSignInLimiter } from "@wardpanel/api";
import { closeDb } from "@wardpanel/db/client";
import { createTestDb } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { buildServer } from "./app";
import { readEnv } from "./env";

/** The real server with the given settings on a free port; closed after `use`. */
async function withServer(settings: Record<string, string>, use: (url: string) => Promise<void>) {
  const db = createTestDb();
  const env = readEnv({ ...settings, LOG_LEVEL: "silent", WEB_DIST: "/nonexistent" });
  const app = await buildServer({ db, env, signInLimiter: createSignInLimiter() });
  try {
    await use(await app.listen({ port: 0, host: "127.0.0.1" }));
  } finally {
    await app.close();
    closeDb(db);
  }
}

const mapTilesOf = async (url: string) =>
  ((await (await fetch(`${url}/trpc/site.mapTiles`)).json()) as { result: { data: unknown } }).result.data;

describe("street map tiles over HTTP", () => {
  it("gives the web app the tile source and lets browsers load tiles from its host (with {s} as a wildcard)", async () => {
    await withServer(
      { MAP_TILE_URL: "https://{s}.tiles.example.org/{z}/{x}/{y}.png?key=k", MAP_ATTRIBUTION: "© Example <Maps>" },
      async (url) => {
        expect(await mapTilesOf(url)).toEqual({
          url: "https://{s}.tiles.example.org/{z}/{x}/{y}.png?key=k",
          attribution: "© Example <Maps>",
        });
        const csp = (await fetch(`${url}/healthz`)).headers.get("content-security-policy") ?? "";
        expect(csp).toContain("img-src 'self' data: https://*.tiles.example.org;");
      },
    );
  });

  it("answers null and allows no other image host when MAP_TILE_URL is unset", async () => {
    await withServer({}, async (url) => {
      expect(await mapTilesOf(url)).toBeNull();
      const csp = (await fetch(`${url}/healthz`)).headers.get("content-security-policy") ?? "";
      expect(csp).toContain("img-src 'self' data:;");
    });
  });
});
