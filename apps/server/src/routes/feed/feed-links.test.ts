import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { createApiKey } from "@wardpanel/db/queries/api-keys";
import { publishPriority, updatePriority } from "@wardpanel/db/queries/priorities";
import { getWard } from "@wardpanel/db/queries/wards";
import {
  buildPriorityFields,
  seedActivePriority,
  seedPanelWithMembers,
  seedPublishedMeeting,
  seedPublishedVote,
  squareAroundWard,
} from "@wardpanel/db/testing";
import { FeedSnapshot } from "@wardpanel/priority-feed";
import { type AreaGeometry, defined } from "@wardpanel/validators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createFeedTestDb, listenWholeServer } from "./feed-test-server";

const BLOOMSBURY = "E05013653"; // Camden
const ISLEWORTH = "E05013625"; // Hounslow: five parts in the ONS 2022 boundaries
const NOW = new Date("2026-11-25T12:00:00Z");
const WEB_SRC = resolve(import.meta.dirname, "../../../../web/src");

/** Every `<Route path="…">` in the web app's router (main.tsx and routes/*.tsx), as regular expressions. */
function webRoutePatterns(): RegExp[] {
  const files = [
    join(WEB_SRC, "main.tsx"),
    ...readdirSync(join(WEB_SRC, "routes")).map((f) => join(WEB_SRC, "routes", f)),
  ];
  const paths = files.flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/<Route path="([^"*]+)"/g)].map((m) => m[1] ?? ""),
  );
  return paths.map((path) => new RegExp(`^/${path.replace(/:[A-Za-z]+/g, "[^/]+")}$`));
}

/** Every string in a JSON value that is an absolute http(s) URL. */
function urlsIn(value: unknown): string[] {
  if (typeof value === "string") return /^https?:\/\//.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(urlsIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(urlsIn);
  return [];
}

/** Twice the signed area (shoelace): positive for an anticlockwise ring of [longitude, latitude]. */
function signedArea(ring: number[][]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++)
    sum += (ring[i]?.[0] ?? 0) * (ring[i + 1]?.[1] ?? 0) - (ring[i + 1]?.[0] ?? 0) * (ring[i]?.[1] ?? 0);
  return sum;
}

const clockwise = (geometry: AreaGeometry): AreaGeometry =>
  geometry.type === "Polygon"
    ? {
        type: "Polygon",
        coordinates: geometry.coordinates.map((ring, r) =>
          signedArea(ring) > 0 === (r === 0) ? [...ring].reverse() : ring,
        ),
      }
    : {
        type: "MultiPolygon",
        coordinates: geometry.coordinates.map((rings) =>
          rings.map((ring, r) => (signedArea(ring) > 0 === (r === 0) ? [...ring].reverse() : ring)),
        ),
      };

describe("the feed's links and geometry (issue 14)", () => {
  const { db } = createFeedTestDb();
  let server: Awaited<ReturnType<typeof listenWholeServer>>;
  let key: string;
  let voteId: number;

  beforeAll(async () => {
    const webDist = mkdtempSync(join(tmpdir(), "wardpanel-web-"));
    writeFileSync(join(webDist, "index.html"), "<!doctype html><title>Ward Panel</title><div id=root></div>");
    seedPanelWithMembers(db, BLOOMSBURY, 3);
    const meetingId = seedPublishedMeeting(db, {
      wardCode: BLOOMSBURY,
      date: "2026-11-25",
      now: new Date("2026-11-01T12:00:00Z"),
    });
    const vote = seedPublishedVote(db, {
      wardCode: BLOOMSBURY,
      meetingId,
      concerns: ["Drug dealing in Russell Square gardens", "Cycling on the pavement"],
      approvals: [[0], [0, 1], [0]],
      seats: 1,
      now: NOW,
    });
    voteId = vote.voteId;
    for (const priorityId of vote.priorityIds) {
      const fields = buildPriorityFields({ streets: ["Bernard Street"] });
      updatePriority(db, { wardCode: BLOOMSBURY, priorityId, fields, now: NOW });
      publishPriority(db, { wardCode: BLOOMSBURY, priorityId, now: NOW });
    }
    // Drawn clockwise, as the editor's map may give them: the feed must publish them wound by RFC 7946.
    seedActivePriority(db, {
      wardCode: BLOOMSBURY,
      now: NOW,
      fields: { title: "Bike theft at the station", area: clockwise(squareAroundWard(db, BLOOMSBURY)) },
    });
    const isleworth = getWard(db, ISLEWORTH).boundary as AreaGeometry;
    seedActivePriority(db, {
      wardCode: ISLEWORTH,
      now: NOW,
      fields: { title: "Burglary across the whole ward", area: clockwise(isleworth) },
    });
    key = createApiKey(db, { name: "Met CAD", boroughCodes: [], now: NOW }).key;
    server = await listenWholeServer(db, { WEB_DIST: webDist });
  });
  afterAll(async () => server.close());

  const feed = (path: string) => fetch(`${server.url}/feed/v1${path}`, { headers: { authorization: `Bearer ${key}` } });

  it("links a decided priority to its public vote result page, and every URL in the snapshot resolves", async () => {
    const snapshot = FeedSnapshot.parse(await (await feed("/priorities")).json());
    const decided = defined(
      snapshot.items.find((item) => item.decided.voteId !== null),
      "a decided item",
    );
    expect(decided.decided.resultUrl).toBe(`${server.url}/wards/${BLOOMSBURY}/votes/${voteId}`);

    const routes = webRoutePatterns();
    const urls = [...new Set(urlsIn(snapshot))];
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      const response = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
      expect(response.status, url).toBe(200);
      if ((response.headers.get("content-type") ?? "").includes("text/html")) {
        // The server answers any page path with the app; the page is real only if the app routes it.
        const path = new URL(response.url).pathname;
        expect(
          routes.some((route) => route.test(path)),
          `${url}: no web route for ${path}`,
        ).toBe(true);
      }
    }
  });

  it("sends the older /votes/:id link on to the public result page", async () => {
    const old = await fetch(`${server.url}/votes/${voteId}`, { redirect: "manual" });
    expect(old.status).toBe(301);
    expect(old.headers.get("location")).toBe(`/wards/${BLOOMSBURY}/votes/${voteId}`);
    const missing = await fetch(`${server.url}/votes/999999`, { redirect: "manual" });
    expect(missing.status).toBe(404);
  });

  it("publishes GeoJSON that passes an RFC 7946 winding check, keeping every part of a multi-part ward", async () => {
    const collection = (await (await feed("/priorities.geojson")).json()) as {
      features: { properties: { title: string }; geometry: AreaGeometry | null }[];
    };
    const geometries = collection.features.flatMap((f) => (f.geometry ? [f.geometry] : []));
    expect(geometries.length).toBeGreaterThanOrEqual(2);
    for (const geometry of geometries) {
      const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
      polygons.forEach((rings) =>
        rings.forEach((ring, r) => {
          expect(ring[0]).toEqual(ring.at(-1)); // closed
          expect(signedArea(ring) > 0, r === 0 ? "exterior anticlockwise" : "hole clockwise").toBe(r === 0);
          for (const [x, y] of ring) expect([x, y].map((v) => Math.round((v ?? 0) * 1e6) / 1e6)).toEqual([x, y]);
        }),
      );
    }
    const isleworth = defined(
      collection.features.find((f) => f.properties.title === "Burglary across the whole ward"),
      "the Isleworth feature",
    );
    expect(isleworth.geometry?.type).toBe("MultiPolygon");
    expect(isleworth.geometry?.type === "MultiPolygon" && isleworth.geometry.coordinates).toHaveLength(5);
  });

  it("matches a call in Isleworth's main part, which is not the ward file's first part", async () => {
    const ward = getWard(db, ISLEWORTH);
    const parts = (ward.boundary as Extract<AreaGeometry, { type: "MultiPolygon" }>).coordinates;
    const areas = parts.map((rings) => Math.abs(signedArea(rings[0] ?? [])));
    // As issue 14 says: the first part is a sliver, so keeping only it would lose the ward.
    expect(areas[0]).toBeLessThan(0.01 * areas.reduce((a, b) => a + b, 0));
    const response = await fetch(`${server.url}/feed/v1/match`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ lon: ward.labelLon, lat: ward.labelLat }),
    });
    const answer = (await response.json()) as { matches: { title: string; matchedOn: string[] }[] };
    expect(answer.matches).toEqual([
      expect.objectContaining({ title: "Burglary across the whole ward", matchedOn: expect.arrayContaining(["area"]) }),
    ]);
  });
});
