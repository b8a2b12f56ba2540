import { WARD_FILES } from "@wardpanel/crime-data/testing";
import { loadWards } from "@wardpanel/db/reference";
import { describe, expect, it } from "vitest";

import { callerFor, createTestDb } from "../testing";

const CAERLEON = "W05000837";

/** The public procedures give a ward's Welsh name (from the real 2013 Newport file's WD13NMW) beside its English one. */
describe("Welsh ward names in the public procedures", () => {
  it("finds a ward by its Welsh name, and the ward page returns both names", async () => {
    const db = createTestDb();
    loadWards(db, WARD_FILES.newport2013Welsh, { borough: { name: "Newport" } });
    const caller = callerFor(db, null);

    const found = await caller.wards.search({ query: "Caerllion" });
    expect(found.kind).toBe("name");
    expect(found.wards.map((w) => [w.code, w.name, w.nameWelsh])).toEqual([[CAERLEON, "Caerleon", "Caerllion"]]);

    const page = await caller.wards.page({ wardCode: CAERLEON });
    expect(page.ward).toMatchObject({
      code: CAERLEON,
      name: "Caerleon",
      nameWelsh: "Caerllion",
      boroughName: "Newport",
    });

    // A London ward's file has no Welsh names.
    expect((await caller.wards.page({ wardCode: "E05013653" })).ward.nameWelsh).toBeNull();
    expect((await caller.crimePacks.published({ wardCode: CAERLEON })).ward.nameWelsh).toBe("Caerllion");
  });
});
