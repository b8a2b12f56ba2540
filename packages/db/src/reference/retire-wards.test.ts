import { WARD_FILES } from "@wardpanel/crime-data/testing";
import { CAMDEN_CODE_POINT_PATH } from "@wardpanel/postcodes/demo-data";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { type Db, openDb } from "../client";
import { runMigrations } from "../migrate";
import { postcodes, wards } from "../schema";
import { loadPostcodeFile } from "./load-postcodes";
import { loadWards, LONDON_WARDS_PATH, planWardLoad } from "./load-wards";
import { wardIndexFor } from "./ward-index";

/** A database holding only the invented earlier Camden: E05900001 "Bloomsbury and Holborn", and Kilburn. */
function earlierCamden(): Db {
  const db = openDb(":memory:");
  runMigrations(db);
  loadWards(db, WARD_FILES.camdenBefore2022);
  return db;
}

const held = (db: Db, code: string) => db.select().from(wards).where(eq(wards.code, code)).get();

describe("a load replaces the ward set of the boroughs it covers", () => {
  it("dates a borough's first wards as far back as known", () => {
    const db = earlierCamden();
    expect(held(db, "E05900001")).toMatchObject({ name: "Bloomsbury and Holborn", inForceFrom: null, retiredOn: null });
  });

  it("--check (the plan) lists added, unchanged and retired wards, with the new wards covering each retired one, and writes nothing", () => {
    const db = earlierCamden();
    const plan = planWardLoad(db, LONDON_WARDS_PATH, {}, { inForceFrom: "2022-05-05" });
    expect(plan.added).toHaveLength(703);
    expect(plan.updated).toEqual([]);
    expect(plan.unchanged).toBe(1); // Kilburn
    expect(plan.retiredOn).toBe("2022-05-05");
    expect(plan.retired).toHaveLength(1);
    const [merged] = plan.retired;
    expect(merged).toMatchObject({ code: "E05900001", name: "Bloomsbury and Holborn", boroughCode: "E09000007" });
    // Dissolved from the two 2022 wards, so they cover it between them, and nothing else does.
    expect(merged?.overlaps.map((o) => o.code).sort()).toEqual(["E05013653", "E05013662"]);
    const total = merged?.overlaps.reduce((sum, o) => sum + o.share, 0) ?? 0;
    expect(total).toBeCloseTo(1, 2);
    for (const o of merged?.overlaps ?? []) expect(o.share).toBeGreaterThan(0.2);
    expect(plan.boroughs.find((b) => b.code === "E09000007")).toMatchObject({
      isNew: false,
      inForceFrom: "2022-05-05",
    });
    expect(held(db, "E05900001")?.retiredOn).toBeNull();
    expect(held(db, "E05013653")).toBeUndefined();
  });

  it("retires the wards left out, keeping their row and boundary, and dates the added ones", () => {
    const db = earlierCamden();
    const before = held(db, "E05900001");
    loadWards(db, LONDON_WARDS_PATH, {}, { inForceFrom: "2022-05-05" });
    expect(held(db, "E05900001")).toEqual({ ...before, retiredOn: "2022-05-05" });
    expect(held(db, "E05013653")).toMatchObject({ inForceFrom: "2022-05-05", retiredOn: null });
    expect(held(db, "E05013665")).toMatchObject({ inForceFrom: null, retiredOn: null });
  });

  it("places the postcodes of a retired ward in the wards that replaced it", async () => {
    const db = earlierCamden();
    await loadPostcodeFile(db, CAMDEN_CODE_POINT_PATH);
    const inWard = (code: string) =>
      db.select({ n: count() }).from(postcodes).where(eq(postcodes.wardCode, code)).get()?.n ?? 0;
    const before = inWard("E05900001");
    expect(before).toBeGreaterThan(100);
    loadWards(db, LONDON_WARDS_PATH, {}, { inForceFrom: "2022-05-05" });
    expect(inWard("E05900001")).toBe(0);
    expect(inWard("E05013653") + inWard("E05013662")).toBe(before);
  });

  it("leaves the wards of boroughs the file does not cover alone", () => {
    const db = earlierCamden();
    loadWards(db, WARD_FILES.newport2013Welsh, { borough: { name: "Newport" } });
    expect(held(db, "E05900001")?.retiredOn).toBeNull();
  });

  it("puts a retired code that reappears back in force", () => {
    const db = earlierCamden();
    loadWards(db, LONDON_WARDS_PATH, {}, { inForceFrom: "2022-05-05" });
    const plan = planWardLoad(db, WARD_FILES.camdenBefore2022, {}, { inForceFrom: "2030-01-01" });
    expect(plan.unretired).toEqual(["E05900001"]);
    expect(plan.retired.map((w) => w.code)).toContain("E05013653");
    expect(plan.retired).toHaveLength(19);
    loadWards(db, WARD_FILES.camdenBefore2022, {}, { inForceFrom: "2030-01-01" });
    expect(held(db, "E05900001")?.retiredOn).toBeNull();
    expect(held(db, "E05013653")?.retiredOn).toBe("2030-01-01");
  });

  it("retires on today's UK date when no date is given", () => {
    const db = earlierCamden();
    const plan = planWardLoad(db, LONDON_WARDS_PATH, {}, { now: new Date("2026-06-30T23:30:00Z") });
    expect(plan.retiredOn).toBe("2026-07-01");
  });

  it("refuses a date not written YYYY-MM-DD, naming the flag", () => {
    const db = earlierCamden();
    expect(() => planWardLoad(db, LONDON_WARDS_PATH, {}, { inForceFrom: "5/5/2022" })).toThrow(
      '--in-force-from: "5/5/2022" is not a date written YYYY-MM-DD',
    );
    expect(() => planWardLoad(db, LONDON_WARDS_PATH, {}, { inForceFrom: "2022-02-30" })).toThrow("--in-force-from");
  });
});

describe("the ward index for a month", () => {
  it("places points with the boundaries in force on the month's last day", () => {
    const db = earlierCamden();
    loadWards(db, LONDON_WARDS_PATH, {}, { inForceFrom: "2022-05-05" });
    const bloomsbury = held(db, "E05013653")!;
    const [lon, lat] = [bloomsbury.labelLon, bloomsbury.labelLat];
    expect(wardIndexFor(db, "2022-04").wardAt(lon, lat)?.code).toBe("E05900001");
    expect(wardIndexFor(db, "2022-05").wardAt(lon, lat)?.code).toBe("E05013653");
    expect(wardIndexFor(db, "2024-12").wardAt(lon, lat)?.code).toBe("E05013653");
    expect(wardIndexFor(db).wardAt(lon, lat)?.code).toBe("E05013653");
    // Kilburn, in force throughout, is found either side of the change; months sharing boundaries share one index.
    const kilburn = held(db, "E05013665")!;
    expect(wardIndexFor(db, "2019-01").wardAt(kilburn.labelLon, kilburn.labelLat)?.code).toBe("E05013665");
    expect(wardIndexFor(db, "2019-01")).toBe(wardIndexFor(db, "2022-04"));
    expect(wardIndexFor(db, "2023-01")).toBe(wardIndexFor(db));
  });
});
