import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

import { createApiKey } from "@wardpanel/db/queries/api-keys";
import { seedActivePriority, seedPanel, squareAroundWard } from "@wardpanel/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createFeedTestDb, listenWholeServer } from "../feed-test-server";
import { LAYER_FIELDS } from "./layer-feature";

/**
 * The GIS layer read by a real GIS client: Debian's gdal-bin (ogrinfo's OAPIF and GPKG drivers,
 * ogr2ogr to a Shapefile), run as child processes against the whole server on a loopback port.
 */

const run = promisify(execFile);
const CAMDEN = "E09000007";
const BLOOMSBURY = "E05013653"; // Camden
const ST_JAMES = "E05013806"; // Westminster
const NOW = new Date("2026-11-25T12:00:00Z");

// Bodies are JSON whose shape each test asserts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe("the feed's GIS layer (OGC API – Features and GeoPackage)", () => {
  const { db } = createFeedTestDb();
  let server: Awaited<ReturnType<typeof listenWholeServer>>;
  let camdenKey: string;
  let londonKey: string;
  let current: number;
  let fromDecember: number;
  let westminster: number;

  const get = (path: string, key: string | null = londonKey) =>
    fetch(`${server.url}/feed/v1${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  const getJson = async (path: string, key?: string): Promise<Json> => {
    const response = await get(path, key);
    expect(response.status, path).toBe(200);
    return response.json();
  };
  const gdal = (tool: string, args: string[], key = londonKey) =>
    run(tool, [...args, "--config", "GDAL_HTTP_HEADERS", `Authorization: Bearer ${key}`], { timeout: 60_000 });

  beforeAll(async () => {
    seedPanel(db, BLOOMSBURY);
    current = seedActivePriority(db, {
      wardCode: BLOOMSBURY,
      now: NOW,
      // A review date far off: the whole server's expiry sweep runs on the real clock.
      fields: { area: squareAroundWard(db, BLOOMSBURY), startDate: "2026-11-01", reviewDate: "2099-02-01" },
      isCallHandlingFlagged: true,
    });
    fromDecember = seedActivePriority(db, {
      wardCode: BLOOMSBURY,
      now: NOW,
      fields: { title: "Cycle theft at the station", area: squareAroundWard(db, BLOOMSBURY), startDate: "2026-12-01" },
    });
    westminster = seedActivePriority(db, {
      wardCode: ST_JAMES,
      now: NOW,
      fields: { title: "Pickpocketing on The Mall", streets: ["The Mall"], startDate: "2026-11-01" },
    });
    camdenKey = createApiKey(db, { name: "Camden CAD", boroughCodes: [CAMDEN], now: NOW }).key;
    londonKey = createApiKey(db, { name: "Met GIS", boroughCodes: [], now: NOW }).key;
    server = await listenWholeServer(db);
  });
  afterAll(() => server.close());

  it("ogrinfo's OAPIF driver lists the collection and reads its features with the key sent as a header", async () => {
    const url = `OAPIF:${server.url}/feed/v1/ogc`;
    const listed = await gdal("ogrinfo", ["-ro", "-q", url]);
    expect(listed.stdout).toMatch(/1: priorities/);

    // Pages of 2 make GDAL follow the `next` link.
    const all = await gdal("ogrinfo", ["-ro", "-al", "-oo", "PAGE_SIZE=2", url]);
    expect(all.stdout).toContain("Feature Count: 3");
    for (const field of LAYER_FIELDS) expect(all.stdout, field).toMatch(new RegExp(`^${field}: `, "m"));
    expect(all.stdout).toContain("title (String) = Cycle theft at the station");
    expect(all.stdout).toMatch(/effective \(DateTime\) = 2026\/12\/01 00:00:00\+00/);
    expect(all.stdout).toMatch(/resp_min \(Integer\) = 60/);
    expect(all.stdout).toMatch(/POLYGON \(\(-0\.13/);

    const camden = await gdal("ogrinfo", ["-ro", "-al", "-so", url], camdenKey);
    expect(camden.stdout).toContain("Feature Count: 2");
    await expect(gdal("ogrinfo", ["-ro", "-al", "-so", url], "wp_live_not-a-real-key")).rejects.toThrow(/401/);
  });

  it("ogr2ogr copies the OGC API layer to a Shapefile keeping every field name", async () => {
    const out = mkdtempSync(join(tmpdir(), "wardpanel-shp-"));
    await gdal("ogr2ogr", ["-f", "ESRI Shapefile", out, `OAPIF:${server.url}/feed/v1/ogc`, "priorities"]);
    const { stdout } = await run("ogrinfo", ["-ro", "-so", join(out, "priorities.shp"), "priorities"]);
    for (const field of LAYER_FIELDS) expect(stdout, field).toMatch(new RegExp(`^${field}: `, "m"));
  });

  it("selects by datetime across a priority's start: an instant or an interval, with open ends", async () => {
    const ids = async (query: string) =>
      ((await getJson(`/ogc/collections/priorities/items?${query}`)).features as Json[]).map((f) => f.id).sort();
    const all = [String(current), String(fromDecember), String(westminster)].sort();
    const beforeDecember = [String(current), String(westminster)].sort();
    // Valid from London midnight on 1 December (GMT, so 00:00Z).
    expect(await ids("datetime=2026-11-30T23:59:59.999Z")).toEqual(beforeDecember);
    expect(await ids("datetime=2026-12-01T00:00:00Z")).toEqual(all);
    expect(await ids("datetime=2026-12-01T00:30:00%2B01:00")).toEqual(beforeDecember);
    expect(await ids("datetime=../2026-11-30T23:59:59Z")).toEqual(beforeDecember);
    expect(await ids("datetime=2026-11-15T00:00:00Z/2026-12-01T00:00:00Z")).toEqual(all);
    expect(await ids("datetime=2026-12-01T00:00:00Z/..")).toEqual(all);
    expect(await ids("datetime=/2026-10-31T23:59:59Z")).toEqual([]);
    expect(await ids("datetime=../..")).toEqual(all);

    for (const bad of ["2026-12-01", "2026-12-01T00:00:00", "tomorrow", "2026-12-02T00:00:00Z/2026-12-01T00:00:00Z"]) {
      const response = await get(`/ogc/collections/priorities/items?datetime=${encodeURIComponent(bad)}`);
      expect(response.status, bad).toBe(400);
      expect(((await response.json()) as Json).field).toBe("datetime");
    }
  });

  it("selects by bbox (priorities with no drawn area are in none) and pages with limit, next and prev links", async () => {
    const inBox = await getJson("/ogc/collections/priorities/items?bbox=-0.14,51.52,-0.12,51.53");
    expect(inBox.features.map((f: Json) => f.id).sort()).toEqual([String(current), String(fromDecember)].sort());
    expect((await getJson("/ogc/collections/priorities/items?bbox=0.1,51.4,0.2,51.5")).features).toEqual([]);
    const badBox = await get("/ogc/collections/priorities/items?bbox=-0.14,51.52,-0.12");
    expect(badBox.status).toBe(400);
    expect(((await badBox.json()) as Json).field).toBe("bbox");

    const first = await getJson("/ogc/collections/priorities/items?limit=2&datetime=../..");
    expect(first).toMatchObject({ type: "FeatureCollection", numberMatched: 3, numberReturned: 2 });
    expect(Date.parse(first.timeStamp)).not.toBeNaN();
    const rel = (page: Json, name: string) => page.links.find((l: Json) => l.rel === name)?.href as string | undefined;
    expect(rel(first, "self")).toBeDefined();
    const alternate = await get(
      new URL(rel(first, "alternate")!).pathname.replace("/feed/v1", "") + new URL(rel(first, "alternate")!).search,
    );
    expect(alternate.headers.get("content-type")).toContain("application/json");
    expect(((await alternate.json()) as Json).numberReturned).toBe(2);
    expect(rel(first, "prev")).toBeUndefined();
    const next = new URL(rel(first, "next")!);
    expect(next.searchParams.get("datetime")).toBe("../..");
    const second = await getJson(`${next.pathname.replace("/feed/v1", "")}${next.search}`);
    expect(second).toMatchObject({ numberMatched: 3, numberReturned: 1 });
    expect(rel(second, "next")).toBeUndefined();
    expect(new URL(rel(second, "prev")!).searchParams.get("offset")).toBe("0");
    expect([...first.features, ...second.features].map((f: Json) => f.id)).toEqual([
      String(current),
      String(fromDecember),
      String(westminster),
    ]);

    expect((await getJson("/ogc/collections/priorities/items?limit=100000")).numberReturned).toBe(3);
    for (const [query, field] of [
      ["limit=0", "limit"],
      ["offset=-1", "offset"],
      ["sortby=id", "sortby"],
    ] as const) {
      const response = await get(`/ogc/collections/priorities/items?${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as Json).field).toBe(field);
    }
  });

  it("serves the landing page, conformance, the collection and one feature, within the key's boroughs", async () => {
    const landing = await getJson("/ogc", camdenKey);
    expect(landing.links.map((l: Json) => l.rel).sort()).toEqual(["conformance", "data", "self", "service-desc"]);
    expect(await getJson("/ogc/", camdenKey)).toEqual(landing);
    expect((await getJson("/ogc/conformance")).conformsTo).toContain(
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    );
    expect((await getJson("/ogc/collections")).collections.map((c: Json) => c.id)).toEqual(["priorities"]);
    // The loaded wards' box (London's here), rounded outwards: not a fixed London.
    expect((await getJson("/ogc/collections/priorities")).extent.spatial).toEqual({
      bbox: [[-0.5103, 51.2867, 0.334, 51.6919]],
      crs: "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
    });

    const response = await get(`/ogc/collections/priorities/items/${current}`, camdenKey);
    expect(response.headers.get("content-type")).toContain("application/geo+json");
    const feature = (await response.json()) as Json;
    expect(feature).toMatchObject({ type: "Feature", id: String(current), geometry: { type: "Polygon" } });
    expect(feature.properties).toMatchObject({
      id: String(current),
      status: "active",
      effective: "2026-11-01T00:00:00.000Z",
      expire: "2099-02-16T00:00:00.000Z",
      review: "2099-02-01",
      updated: NOW.toISOString(),
      agency: "127.0.0.1",
      ward_code: BLOOMSBURY,
      ward_name: "Bloomsbury",
      bor_code: CAMDEN,
      bor_name: "Camden",
      flagged: true,
      resp_min: 60,
      url: `${server.url}/wards/${BLOOMSBURY}/priorities#priority-${current}`,
    });
    expect(feature.properties.popup.length).toBeLessThanOrEqual(200);
    expect(Object.keys(feature.properties)).toEqual([...LAYER_FIELDS]);

    expect((await get(`/ogc/collections/priorities/items/${westminster}`, camdenKey)).status).toBe(404);
    expect((await get(`/ogc/collections/priorities/items/${westminster}`)).status).toBe(200);
    expect((await get("/ogc/collections/priorities/items", null)).status).toBe(401);
    expect((await get("/ogc", null)).status).toBe(401);
  });

  it("downloads the layer as a GeoPackage, with an ETag, that ogrinfo opens and ogr2ogr turns into a Shapefile keeping every field", async () => {
    const response = await get("/priorities.gpkg", camdenKey);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/geopackage+sqlite3");
    const etag = response.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const dir = mkdtempSync(join(tmpdir(), "wardpanel-gpkg-test-"));
    const file = join(dir, "ward-priorities.gpkg");
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const unchanged = await fetch(`${server.url}/feed/v1/priorities.gpkg`, {
      headers: { authorization: `Bearer ${camdenKey}`, "if-none-match": etag },
    });
    expect(unchanged.status).toBe(304);

    const opened = await run("ogrinfo", ["-ro", "-al", file]);
    expect(opened.stderr).toBe("");
    expect(opened.stdout).toContain("using driver `GPKG'");
    expect(opened.stdout).toContain("Layer name: ward_priorities");
    expect(opened.stdout).toContain("Geometry: Multi Polygon");
    expect(opened.stdout).toContain("Feature Count: 2");
    expect(opened.stdout).toMatch(/Layer SRS WKT:[\s\S]*WGS 84/);
    expect(opened.stdout).toMatch(/effective \(DateTime\) = 2026\/12\/01 00:00:00\+00/);
    expect(opened.stdout).toMatch(/MULTIPOLYGON \(\(\(-0\.13398 51\.5213,/);

    const shp = join(dir, "shp");
    await run("ogr2ogr", ["-f", "ESRI Shapefile", shp, file]);
    expect(readdirSync(shp)).toContain("ward_priorities.dbf");
    const { stdout } = await run("ogrinfo", ["-ro", "-so", join(shp, "ward_priorities.shp"), "ward_priorities"]);
    for (const field of LAYER_FIELDS) {
      expect(field.length).toBeLessThanOrEqual(10);
      expect(stdout, field).toMatch(new RegExp(`^${field}: `, "m"));
    }
  });
});
