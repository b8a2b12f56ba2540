import { loadDemoPostcodes } from "@wardpanel/db/postcodes";
import { beforeAll, describe, expect, it } from "vitest";

import { callerFor, createTestDb } from "../testing";

/** The find-your-ward procedures as the public calls them, through their output schemas. */
describe("find your ward (public procedures)", () => {
  const db = createTestDb();
  const caller = callerFor(db, null);
  beforeAll(() => loadDemoPostcodes(db));

  it("answers each way a person might type a place", async () => {
    expect((await caller.wards.search({ query: "nw3 4qg" })).wards).toHaveLength(1);
    expect(await caller.wards.search({ query: "NW3" })).toMatchObject({
      kind: "outward",
      postcode: "NW3",
      outside: null,
    });
    expect((await caller.wards.search({ query: "kings cross" })).wards.map((w) => w.name)).toEqual(["King's Cross"]);
    expect((await caller.wards.search({ query: "Regents Park" })).wards).toHaveLength(2);
    const outside = await caller.wards.search({ query: "EC2V 7HH" });
    expect(outside).toMatchObject({ kind: "postcode", wards: [], outside: { policeUkUrl: "https://www.police.uk/" } });
  });

  it("finds the ward at a point, and refuses coordinates that are not on Earth", async () => {
    expect((await caller.wards.atPoint({ lat: 51.5416, lon: -0.1433 })).ward?.boroughName).toBe("Camden");
    expect((await caller.wards.atPoint({ lat: 48.8566, lon: 2.3522 })).outside).not.toBeNull();
    await expect(caller.wards.atPoint({ lat: 91, lon: 0 })).rejects.toThrow(/Latitude/);
  });
});
