import { readFileSync } from "node:fs";

import { CAMDEN_CODE_POINT_PATH, POSTCODE_FIXTURES } from "@wardpanel/postcodes/demo-data";
import { defined } from "@wardpanel/validators";
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import type { Db } from "../client";
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
  it("reads every row and keeps none outside the loaded (London) wards", async () => {
    const db = createTestDb();
    const summary = await loadPostcodeFile(db, POSTCODE_FIXTURES.onspdExcerpt);
    expect(summary).toMatchObject({ format: "onspd", rowsRead: 222, kept: 0, outsideLoadedWards: 222 });
  });
});
