import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { openDb } from "../client";
import { isMigrated, runMigrations } from "../migrate";
import { getWard, listBoroughs, searchWards } from "../queries/wards";
import { boroughs, wards } from "../schema";
import { createTestDb } from "../testing";
import { loadWards } from "./load-wards";

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
