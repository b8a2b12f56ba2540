import { crimes } from "@wardpanel/db/schema";
import { createTestDb, seedUser } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { callerFor } from "../testing";

const CAMDEN = "E09000007";
const BLOOMSBURY = "E05013653";
const MONTH = "2024-12";

function crime(id: string, wardCode: string, boroughCode: string) {
  return {
    id,
    crimeId: id,
    month: MONTH,
    force: "Metropolitan Police Service",
    placement: "ward" as const,
    wardCode,
    boroughCode,
    category: "burglary",
    lon: -0.1246,
    lat: 51.5219,
  };
}

describe("drafts to review after an import", () => {
  it("lists only the drafts of wards with crimes that month, in the borough asked for", async () => {
    const db = createTestDb();
    db.insert(crimes)
      .values([crime("a", BLOOMSBURY, CAMDEN), crime("b", BLOOMSBURY, CAMDEN)])
      .run();
    const analyst = await seedUser(db, { roles: [{ role: "analyst", force: "metropolitan" }] });
    const caller = callerFor(db, analyst.id);
    // Drafting Camden makes a draft for every ward of the borough, those with no crimes too.
    for await (const line of await caller.crimePacks.draftForBorough({
      force: "metropolitan",
      month: MONTH,
      boroughCode: CAMDEN,
    })) {
      void line;
    }
    const toReview = await caller.crimePacks.toReviewInBorough({
      force: "metropolitan",
      month: MONTH,
      boroughCode: CAMDEN,
    });
    expect(toReview.map((p) => p.wardCode)).toEqual([BLOOMSBURY]);
    expect(toReview[0]?.wardName).toBe("Bloomsbury");
    expect(toReview[0]?.boroughName).toBe("Camden");
  });

  it("leaves out published packs, and refuses a borough another force polices", async () => {
    const db = createTestDb();
    db.insert(crimes)
      .values([crime("a", BLOOMSBURY, CAMDEN)])
      .run();
    const admin = await seedUser(db, { roles: [{ role: "admin" }] });
    const caller = callerFor(db, admin.id);
    for await (const line of await caller.crimePacks.draftForLondon({ month: MONTH })) void line;
    expect((await caller.crimePacks.toReviewInLondon({ month: MONTH })).map((p) => p.wardCode)).toEqual([BLOOMSBURY]);
    await caller.crimePacks.saveText({
      wardCode: BLOOMSBURY,
      month: MONTH,
      commentary: "Quiet month.",
      partnerActions: "",
    });
    await caller.crimePacks.publish({ wardCode: BLOOMSBURY, month: MONTH });
    expect(await caller.crimePacks.toReviewInLondon({ month: MONTH })).toEqual([]);
    await expect(
      caller.crimePacks.toReviewInBorough({ force: "city-of-london", month: MONTH, boroughCode: CAMDEN }),
    ).rejects.toThrow("That borough is policed by another force");
  });
});
