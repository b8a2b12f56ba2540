import { describe, expect, it } from "vitest";

import { forceAreaFor, forceIdForBorough, londonBoroughsOf } from "./force-areas";
import { londonWards } from "./testing/real-data";

const MET = { id: "metropolitan", name: "Metropolitan Police Service" };
const CITY = { id: "city-of-london", name: "City of London Police" };
const BTP = { id: "btp", name: "British Transport Police" };
const LEICS = { id: "leicestershire", name: "Leicestershire Police" };
const CAMDEN = "E09000007";
const BLABY = "E07000129";

describe("forceAreaFor", () => {
  const boroughs = new Set(londonWards().features.map((f) => f.properties.LAD22CD));

  it("gives the Met every London borough but the City, and the City Police the City", () => {
    expect(londonBoroughsOf("metropolitan").size).toBe(32);
    expect([...londonBoroughsOf("metropolitan")].every((code) => boroughs.has(code))).toBe(true);
    expect([...londonBoroughsOf("city-of-london")]).toEqual(["E09000001"]);
    expect(boroughs.size).toBe(33);
    const met = forceAreaFor(MET, "metropolitan");
    expect([met.polices(CAMDEN), met.polices("E09000001")]).toEqual([true, false]);
    expect(forceAreaFor(CITY, "metropolitan").polices("E09000001")).toBe(true);
  });

  it("gives the deployment's own force every loaded ward outside London, and other forces none", () => {
    expect(forceAreaFor(LEICS, "leicestershire").polices(BLABY)).toBe(true);
    expect(forceAreaFor(LEICS, "leicestershire").polices(CAMDEN)).toBe(false);
    expect(forceAreaFor(LEICS, "metropolitan").polices(BLABY)).toBe(false);
    expect(forceAreaFor(BTP, "metropolitan").polices(CAMDEN)).toBe(false);
    expect(forceAreaFor(BTP, "leicestershire").polices(BLABY)).toBe(false);
  });

  it("names the force that polices a borough: London's by borough, else the deployment's", () => {
    expect(forceIdForBorough(CAMDEN)).toBe("metropolitan");
    expect(forceIdForBorough("E09000001", "leicestershire")).toBe("city-of-london");
    expect(forceIdForBorough(BLABY, "leicestershire")).toBe("leicestershire");
  });
});
