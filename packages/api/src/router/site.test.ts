import { createTestDb } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { callerFor } from "../testing";

describe("site.localForces", () => {
  it("names the forces that police the loaded wards, the deployment's own first", async () => {
    const db = createTestDb();
    expect(await callerFor(db, null).site.localForces()).toEqual(["metropolitan", "city-of-london"]);
    expect(await callerFor(db, null, { policeForceId: "leicestershire" }).site.localForces()).toEqual([
      "leicestershire",
      "metropolitan",
      "city-of-london",
    ]);
  });
});
