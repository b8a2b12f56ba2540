import { describe, expect, it } from "vitest";

import { UnknownForceError } from "./errors";
import { forceAreaFor } from "./force-areas";
import { londonWards } from "./testing/real-data";

describe("forceAreaFor", () => {
  const boroughs = new Set(londonWards().features.map((f) => f.properties.LAD22CD));

  it("gives the Met every London borough but the City, and the City Police the City", () => {
    const met = forceAreaFor("Metropolitan Police Service");
    expect(met.boroughCodes.size).toBe(32);
    expect(met.boroughCodes.has("E09000001")).toBe(false);
    expect([...met.boroughCodes].every((code) => boroughs.has(code))).toBe(true);
    expect([...forceAreaFor("City of London Police").boroughCodes]).toEqual(["E09000001"]);
    expect(boroughs.size).toBe(33);
  });

  it("accepts police.uk force ids too", () => {
    expect(forceAreaFor("metropolitan").name).toBe("Metropolitan Police Service");
  });

  it("names the forces it knows when the force is unknown", () => {
    expect(() => forceAreaFor("British Transport Police")).toThrow(UnknownForceError);
    expect(() => forceAreaFor("Kent Police")).toThrow(
      /knows the areas of Metropolitan Police Service, City of London Police/,
    );
  });
});
