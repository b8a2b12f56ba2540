import { describe, expect, it } from "vitest";

import { normaliseBeat, normaliseCategory, normalisePostcode, normaliseStreet } from "./normalise.js";

describe("street names a call handler types find the street the panel named", () => {
  it.each([
    ["High St", "High Street"],
    ["HIGH STREET", "high street"],
    ["St. John's Rd", "St John's Road"],
    ["Saint Johns Road", "St John’s Rd"],
    ["Mornington Cres.", "Mornington Crescent"],
    ["Elm Ave", "Elm Avenue"],
    ["Queen's Gdns", "Queens Gardens"],
    ["Cafe Pl", "Café Place"],
    ["Bow  Rd", "bow road"],
    ["High St North", "High Street North"],
    ["Elephant & Castle", "Elephant and Castle"],
  ])("%s = %s", (typed, published) => {
    expect(normaliseStreet(typed)).toBe(normaliseStreet(published));
  });

  it("reads St as Saint before a name and Street as the type", () => {
    expect(normaliseStreet("St Mary St")).toBe("saint mary street");
  });

  it("keeps different streets apart", () => {
    expect(normaliseStreet("High Road")).not.toBe(normaliseStreet("High Street"));
    expect(normaliseStreet("The Broadway")).not.toBe(normaliseStreet("Broadway"));
    expect(normaliseStreet("Church Lane")).not.toBe(normaliseStreet("Church Lane East"));
  });

  it("gives an empty key for punctuation only", () => {
    expect(normaliseStreet(" -- ")).toBe("");
  });
});

describe("postcodes", () => {
  it("accepts any case and spacing and derives the sector", () => {
    expect(normalisePostcode("nw17dx")).toEqual({ full: "NW1 7DX", sector: "NW1 7" });
    expect(normalisePostcode("  SW1A 1AA ")).toEqual({ full: "SW1A 1AA", sector: "SW1A 1" });
    expect(normalisePostcode("E1 6AN")).toEqual({ full: "E1 6AN", sector: "E1 6" });
  });

  it("takes a bare sector as a sector, and refuses an outward code or nonsense", () => {
    expect(normalisePostcode("nw1 7")).toEqual({ full: null, sector: "NW1 7" });
    expect(normalisePostcode("NW1")).toEqual({ full: null, sector: null });
    expect(normalisePostcode("not a postcode")).toEqual({ full: null, sector: null });
  });
});

describe("beats and categories", () => {
  it("ignore case and spacing", () => {
    expect(normaliseBeat("ks 12")).toBe("KS12");
    expect(normaliseCategory("Anti-social behaviour")).toBe("anti-social-behaviour");
    expect(normaliseCategory("Criminal damage & arson")).toBe("criminal-damage-arson");
    expect(normaliseCategory("Violence and sexual offences")).toBe("violent-crime");
    expect(normaliseCategory("vehicle-crime")).toBe("vehicle-crime");
  });
});
