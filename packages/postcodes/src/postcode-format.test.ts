import { describe, expect, it } from "vitest";

import { normalisePostcode, readPostcodeQuery } from "./postcode-format";

describe("reading postcodes as people type them", () => {
  it("reads a full postcode in any case or spacing into the pcds form", () => {
    for (const text of ["nw34qg", " NW3  4QG ", "NW3 4QG", "nw3\t4qg"]) {
      expect(normalisePostcode(text)).toEqual({ kind: "postcode", pcds: "NW3 4QG", outward: "NW3", sector: "NW3 4" });
    }
    expect(normalisePostcode("ec2v7hh")?.pcds).toBe("EC2V 7HH");
    expect(normalisePostcode("W1A 1AA")?.pcds).toBe("W1A 1AA");
    expect(normalisePostcode("N1  0AA")?.pcds).toBe("N1 0AA"); // Code-Point's 7-character form
    expect(normalisePostcode("GIR 0AA")?.pcds).toBe("GIR 0AA");
  });

  it("reads an outward code and a sector", () => {
    expect(readPostcodeQuery("NW3")).toEqual({ kind: "outward", outward: "NW3" });
    expect(readPostcodeQuery("nw3")).toEqual({ kind: "outward", outward: "NW3" });
    expect(readPostcodeQuery("NW3 4")).toEqual({ kind: "sector", sector: "NW3 4", outward: "NW3" });
    expect(readPostcodeQuery("ec1a1")).toEqual({ kind: "sector", sector: "EC1A 1", outward: "EC1A" });
    expect(readPostcodeQuery("NW10")).toEqual({ kind: "outward", outward: "NW10" });
  });

  it("refuses what the UK postcode format does not allow", () => {
    for (const text of ["", "kings cross", "Bow", "NW3 4QC", "NW3 4IG", "3NW 4QG", "NW3 4QGG", "NW3 4Q", "N"]) {
      expect(normalisePostcode(text), text).toBeNull();
    }
    for (const text of ["kings cross", "Bow", "Camden Town", "St Pancras", "N W 3"])
      expect(readPostcodeQuery(text), text).toBeNull();
  });
});
