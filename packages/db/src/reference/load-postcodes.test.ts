import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { CAMDEN_CODE_POINT_PATH, POSTCODE_FIXTURES } from "@wardpanel/postcodes/demo-data";
import { defined } from "@wardpanel/validators";
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import type { Db } from "../client";
import { getPostcodeWard, listCoveringWards } from "../queries/postcodes";
import { postcodes } from "../schema";
import { createTestDb } from "../testing";
import { loadPostcodeFile, type PostcodeLoadSummary } from "./load-postcodes";
import { wardIndexFor } from "./ward-index";

/** The Camden rows as published: postcode, the file's ward column (WC), the grid point. */
const camdenRows = readFileSync(CAMDEN_CODE_POINT_PATH, "utf8")
  .split(/\r?\n/)
  .filter((line) => line !== "")
  .map((line) => {
    const fields = line.split(",").map((f) => f.replace(/^"|"$/g, ""));
    return { postcode: fields[0] ?? "", ward: fields[9] ?? "" };
  });

describe("loading Camden's Code-Point Open postcodes", () => {
  let db: Db;
  let summary: PostcodeLoadSummary;
  beforeAll(async () => {
    db = createTestDb();
    summary = await loadPostcodeFile(db, CAMDEN_CODE_POINT_PATH);
  });

  it("keeps every Camden postcode, each with the ward its own row names", () => {
    expect(camdenRows).toHaveLength(7_528);
    expect(summary).toMatchObject({
      format: "code-point-open",
      rowsRead: 7_528,
      kept: 7_528,
      byFileWard: 7_528,
      byPointInPolygon: 0,
      outsideLoadedWards: 0,
      terminated: 0,
    });
    const stored = new Map(
      db
        .select({ pcds: postcodes.pcds, wardCode: postcodes.wardCode })
        .from(postcodes)
        .all()
        .map((r) => [r.pcds, r.wardCode]),
    );
    const wrong = camdenRows.filter((row) => stored.get(row.postcode.replace(/\s+/g, " ")) !== row.ward);
    expect(wrong).toEqual([]);
    expect(new Set(camdenRows.map((r) => r.ward)).size).toBe(20);
  });

  it("counts how many postcodes point in polygon alone would put in another ward (why the file's ward wins)", () => {
    const index = wardIndexFor(db);
    const rows = db
      .select({ pcds: postcodes.pcds, lat: postcodes.lat, lon: postcodes.lon, wardCode: postcodes.wardCode })
      .from(postcodes)
      .all();
    let otherWard = 0;
    let noWard = 0;
    for (const row of rows) {
      const ward = index.wardAt(defined(row.lon, "longitude"), defined(row.lat, "latitude"));
      if (!ward) noWard += 1;
      else if (ward.code !== row.wardCode) otherWard += 1;
    }
    const share = (((otherWard + noWard) / rows.length) * 100).toFixed(1);
    console.info(
      `Point in polygon alone: ${otherWard} of ${rows.length} Camden postcodes in another ward, ${noWard} in none (${share}%).`,
    );
    // Generalised boundaries (~37 points a ward) misplace points near edges: a few per cent, never most.
    expect(otherWard + noWard).toBeGreaterThan(0);
    expect(otherWard + noWard).toBeLessThan(rows.length * 0.1);
  });

  it("loads the same file again in place", async () => {
    const again = await loadPostcodeFile(db, CAMDEN_CODE_POINT_PATH);
    expect(again.kept).toBe(7_528);
    expect(db.select({ n: count() }).from(postcodes).get()?.n).toBe(7_528);
  });

  it("converts British National Grid to WGS84 (NW1 0AA, 529135 E 183622 N)", () => {
    const row = db.select().from(postcodes).where(eq(postcodes.pcds, "NW1 0AA")).get();
    expect(row?.lat).toBeCloseTo(51.5367, 3);
    expect(row?.lon).toBeCloseTo(-0.1395, 3);
  });
});

describe("loading an ONSPD-layout file", () => {
  it("keeps terminated postcodes, takes the file's ward first, and falls back to point in polygon", async () => {
    const db = createTestDb();
    const dir = mkdtempSync(join(tmpdir(), "wardpanel-onspd-"));
    const file = join(dir, "onspd-camden.csv");
    // Made-up rows in the NSPL/ONSPD layout, on real Camden points (Code-Point Open's NW1 0AA…).
    writeFileSync(
      file,
      [
        "pcds,doterm,oslaua,osward,lat,long",
        "NW1 0AA,,E09000007,E05013668,51.536739,-0.139484", // live, the file's ward
        "NW1 9ZZ,200512,E09000007,E05013668,51.536739,-0.139484", // terminated: kept, marked
        "NW1 8ZZ,,E09000007,E05999999,51.536739,-0.139484", // a ward we do not hold: point in polygon
        "NW1 7ZZ,,E09000007,E05013668,99.999999,0.000000", // no location, but the file names the ward
        "AB1 0AA,,S12000033,S13002843,57.101474,-2.242851", // Aberdeen: outside
        "",
      ].join("\n"),
    );
    const summary = await loadPostcodeFile(db, file);
    expect(summary).toEqual({
      file: "onspd-camden.csv",
      format: "onspd",
      rowsRead: 5,
      kept: 4,
      byFileWard: 3,
      byPointInPolygon: 1,
      terminated: 1,
      outsideLoadedWards: 1,
    });
    const rows = db.select().from(postcodes).orderBy(postcodes.pcds).all();
    expect(rows.map((r) => [r.pcds, r.wardCode, r.wardAssignedBy, r.terminatedOn, r.lat === null])).toEqual([
      ["NW1 0AA", "E05013668", "file", null, false],
      ["NW1 7ZZ", "E05013668", "file", null, true],
      ["NW1 8ZZ", "E05013668", "point_in_polygon", null, false],
      ["NW1 9ZZ", "E05013668", "file", "2005-12", false],
    ]);
    expect(getPostcodeWard(db, "NW1 9ZZ")).toMatchObject({ terminatedOn: "2005-12", ward: { code: "E05013668" } });
    // A sector's wards come from its live postcodes only.
    expect(listCoveringWards(db, { sector: "NW1 9" })).toEqual([]);
  });

  it("stops at a refused row with the postcodes before it stored", async () => {
    const db = createTestDb();
    const dir = mkdtempSync(join(tmpdir(), "wardpanel-onspd-"));
    const file = join(dir, "onspd-refused.csv");
    writeFileSync(
      file,
      [
        "pcds,doterm,oslaua,osward,lat,long",
        "NW1 0AA,,E09000007,E05013668,51.536739,-0.139484",
        "NW1 9ZZ,,E09000007,E05013668,51.536739,-0.139484",
        "NOT A POSTCODE,,E09000007,E05013668,51.536739,-0.139484",
        "NW1 8ZZ,,E09000007,E05013668,51.536739,-0.139484",
        "",
      ].join("\n"),
    );
    await expect(loadPostcodeFile(db, file)).rejects.toThrow(
      'file onspd-refused.csv, line 4: "NOT A POSTCODE" is not a UK postcode',
    );
    const stored = db.select({ pcds: postcodes.pcds }).from(postcodes).orderBy(postcodes.pcds).all();
    expect(stored.map((r) => r.pcds)).toEqual(["NW1 0AA", "NW1 9ZZ"]);
  });

  it("reads every row and keeps none outside the loaded (London) wards", async () => {
    const db = createTestDb();
    const summary = await loadPostcodeFile(db, POSTCODE_FIXTURES.onspdExcerpt);
    expect(summary).toMatchObject({ format: "onspd", rowsRead: 222, kept: 0, outsideLoadedWards: 222 });
  });
});
