import { countCrimeMonth } from "@wardpanel/db/queries/crimes";
import { listPublishedPacks } from "@wardpanel/db/queries/packs";
import { createTestDb } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { seedDemoCrimeData } from "./demo";
import { getPublishedPackView } from "./pack-views";

describe("demo crime data", () => {
  it("imports the shipped files once and publishes a real December 2024 pack for each Camden ward", async () => {
    const db = createTestDb();
    expect(await seedDemoCrimeData(db)).toBe(true);
    expect(await seedDemoCrimeData(db)).toBe(false);
    expect(countCrimeMonth(db, { force: "City of London Police", month: "2024-02" }).total).toBe(826);
    expect(countCrimeMonth(db, { force: "Metropolitan Police Service", month: "2024-12" }).total).toBe(4761);
    expect(listPublishedPacks(db, "E05013653").map((p) => p.month)).toEqual(["2024-12"]);
    const view = getPublishedPackView(db, { wardCode: "E05013653", month: "2024-12" });
    expect(view?.headline.total).toBeGreaterThan(0);
    expect(view?.commentary[0]).toContain("burglary rows");
  });
});
