import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { WARD_FILES } from "@wardpanel/crime-data/testing";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { closeDb, openDb } from "../client";
import { isMigrated, runMigrations } from "../migrate";
import { getWard, listBoroughs, searchWards } from "../queries/wards";
import { boroughs, wards } from "../schema";
import { createTestDb, createTestDbFile } from "../testing";
import { loadWards, LONDON_WARDS_PATH, planWardLoad } from "./load-wards";
import { wardIndexFor } from "./ward-index";

describe("migrations", () => {
  it("reports an empty database as not migrated, and a migrated one as migrated", () => {
    const db = openDb(":memory:");
    expect(isMigrated(db)).toBe(false);
    runMigrations(db);
    expect(isMigrated(db)).toBe(true);
  });
});

describe("London wards reference data", () => {
  const db = createTestDb();

  it("loads all 704 wards in 33 boroughs from the ONS file", () => {
    expect(db.select({ n: count() }).from(wards).get()?.n).toBe(704);
    expect(db.select({ n: count() }).from(boroughs).get()?.n).toBe(33);
  });

  it("keys wards by code, so the two Highgates stay apart", () => {
    const highgates = searchWards(db, { query: "Highgate" }).filter((w) => w.name === "Highgate");
    expect(highgates.map((w) => w.boroughName).sort()).toEqual(["Camden", "Haringey"]);
    expect(new Set(highgates.map((w) => w.code)).size).toBe(2);
  });

  it("finds wards by part of the name, by borough name, and within one borough", () => {
    expect(searchWards(db, { query: "bloomsb" }).map((w) => w.code)).toEqual(["E05013653"]);
    const camden = searchWards(db, { query: "Camden", limit: 100 });
    expect(camden.filter((w) => w.boroughName === "Camden")).toHaveLength(20);
    expect(searchWards(db, { query: "", boroughCode: "E09000007", limit: 100 })).toHaveLength(20);
    expect(searchWards(db, { query: "100%" })).toEqual([]);
  });

  it("keeps the boundary and a bounding box that contains the label point", () => {
    const ward = getWard(db, "E05013653");
    expect(ward.name).toBe("Bloomsbury");
    expect(ward.boroughName).toBe("Camden");
    expect(ward.boundary.type).toBe("Polygon");
    const box = db.select().from(wards).where(eq(wards.code, "E05013653")).get()!;
    expect(box.minLon).toBeLessThan(box.labelLon);
    expect(box.maxLat).toBeGreaterThan(box.labelLat);
  });

  it("reloading is idempotent", () => {
    expect(loadWards(db)).toBe(704);
    expect(db.select({ n: count() }).from(wards).get()?.n).toBe(704);
    expect(listBoroughs(db)).toHaveLength(33);
  });

  it("refuses an unknown ward code with a clear message", () => {
    expect(() => getWard(db, "E05999999")).toThrow("There is no ward with the code E05999999");
  });
});

describe("caches built from the wards", () => {
  it("are rebuilt after a load through the same connection and through another one", () => {
    const path = join(mkdtempSync(join(tmpdir(), "wards-fresh-")), "wards.sqlite");
    const server = createTestDbFile(path);
    const bloomsburyLabel = getWard(server, "E05013653");
    expect(wardIndexFor(server).wardAt(bloomsburyLabel.labelLon, bloomsburyLabel.labelLat)?.code).toBe("E05013653");
    expect(searchWards(server, { query: "Bloomsbury" }).map((w) => w.code)).toEqual(["E05013653"]);

    // Another connection (the CLI's, in another process in production) renames Bloomsbury and moves it 1° north.
    const london = JSON.parse(readFileSync(LONDON_WARDS_PATH, "utf8")) as {
      features: Array<{ properties: Record<string, unknown>; geometry: { coordinates: number[][][] } }>;
    };
    const feature = london.features.find((f) => f.properties.WD22CD === "E05013653")!;
    feature.properties.WD22NM = "Russell Square";
    feature.geometry.coordinates = feature.geometry.coordinates.map((ring) => ring.map(([x, y]) => [x!, y! + 1]));
    const moved = join(tmpdir(), `bloomsbury-moved-${process.pid}.geojson`);
    writeFileSync(moved, JSON.stringify({ type: "FeatureCollection", features: [feature] }));
    const cli = openDb(path);
    expect(planWardLoad(cli, moved)).toMatchObject({ added: [], updated: ["E05013653"], unchanged: 0 });
    loadWards(cli, moved);
    closeDb(cli);

    expect(wardIndexFor(server).wardAt(bloomsburyLabel.labelLon, bloomsburyLabel.labelLat)?.code).not.toBe("E05013653");
    expect(searchWards(server, { query: "Russell Square" }).map((w) => w.code)).toEqual(["E05013653"]);

    // And back, through the server's own connection (SQLite's data_version does not count its own writes).
    loadWards(server, LONDON_WARDS_PATH);
    expect(wardIndexFor(server).wardAt(bloomsburyLabel.labelLon, bloomsburyLabel.labelLat)?.code).toBe("E05013653");
    expect(searchWards(server, { query: "Bloomsbury" }).map((w) => w.code)).toEqual(["E05013653"]);
    closeDb(server);
  });

  it("stores the Welsh name a file gives", () => {
    const db = createTestDb();
    loadWards(db, WARD_FILES.newport2013Welsh, { borough: { name: "Newport" } });
    expect(db.select({ name: wards.nameWelsh }).from(wards).where(eq(wards.name, "Allt-yr-yn")).get()?.name).toBe(
      "Allt-yr-ynn",
    );
    expect(db.select({ name: wards.nameWelsh }).from(wards).where(eq(wards.code, "E05013653")).get()?.name).toBeNull();
  });
});
