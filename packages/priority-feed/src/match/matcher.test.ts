import { describe, expect, it } from "vitest";

import { buildPriority, rectangle } from "../testing/build-priority.js";
import { createMatcher } from "./matcher.js";

// Around Camden Town: lon −0.15…−0.13, lat 51.53…51.55.
const camden = rectangle(-0.15, 51.53, -0.13, 51.55);
const AT = "2025-06-01T12:00:00Z";

function ids(matches: { priority: { id: string } }[]): string[] {
  return matches.map((m) => m.priority.id);
}

describe("matching a call to priorities by place", () => {
  const matcher = createMatcher([
    buildPriority({ id: "area", area: { geometry: camden } }),
    buildPriority({
      id: "holed",
      area: { geometry: rectangle(-0.15, 51.53, -0.13, 51.55, [[-0.145, 51.535, -0.14, 51.54]]) },
    }),
    buildPriority({ id: "street", area: { streets: ["Parkway", "St. John's Wood High St"] } }),
    buildPriority({ id: "postcode", area: { postcodes: ["NW1 7DX"] } }),
    buildPriority({ id: "sector", area: { postcodeSectors: ["NW1 8"] } }),
    buildPriority({ id: "beat", area: { beats: ["CN12"] } }),
  ]);

  it("finds a priority whose area contains the call, and respects holes", () => {
    expect(ids(matcher.match({ lon: -0.142, lat: 51.537, at: AT }))).toEqual(["area"]);
    expect(ids(matcher.match({ lon: -0.132, lat: 51.548, at: AT }))).toEqual(["area", "holed"]);
    expect(matcher.match({ lon: -0.1, lat: 51.5, at: AT })).toEqual([]);
  });

  it("finds a street however the call handler typed it", () => {
    const [match] = matcher.match({ street: "st johns wood high street", at: AT });
    expect(match?.priority.id).toBe("street");
    expect(match?.matchedOn).toEqual(["street"]);
  });

  it("finds a full postcode in any spacing, and the sector of a call's postcode", () => {
    expect(matcher.match({ postcode: "nw17dx", at: AT }).map((m) => [m.priority.id, m.matchedOn])).toEqual([
      ["postcode", ["postcode"]],
    ]);
    expect(matcher.match({ postcode: "NW1 8QL", at: AT }).map((m) => [m.priority.id, m.matchedOn])).toEqual([
      ["sector", ["postcode-sector"]],
    ]);
  });

  it("finds a beat", () => {
    expect(ids(matcher.match({ beat: "cn 12", at: AT }))).toEqual(["beat"]);
  });

  it("reports every reason once when a call matches one priority several ways", () => {
    const both = createMatcher([
      buildPriority({
        id: "p",
        area: { geometry: camden, streets: ["Parkway"], postcodes: ["NW1 7DX"], postcodeSectors: ["NW1 7"] },
      }),
    ]);
    const matches = both.match({
      lon: -0.14,
      lat: 51.54,
      street: "Parkway",
      postcode: "NW1 7DX",
      category: "anti-social-behaviour",
      at: AT,
    });
    expect(matches).toHaveLength(1);
    expect(matches[0]?.matchedOn).toEqual(["area", "street", "postcode", "postcode-sector", "category"]);
  });
});

describe("a common street name far from the priority's area", () => {
  const matcher = createMatcher([
    buildPriority({ id: "camden-high-st", area: { geometry: camden, streets: ["High Street"] } }),
    buildPriority({ id: "streets-only", area: { streets: ["High Street"] } }),
  ]);

  it("does not match a High Street call in another borough", () => {
    // Croydon, ~15 km away: only the street-only priority (no area to check against) matches.
    expect(ids(matcher.match({ street: "High St", lon: -0.1, lat: 51.37, at: AT }))).toEqual(["streets-only"]);
  });

  it("matches one just outside the area, and any when the call has no coordinates", () => {
    expect(ids(matcher.match({ street: "High St", lon: -0.125, lat: 51.552, at: AT }))).toEqual([
      "camden-high-st",
      "streets-only",
    ]);
    expect(ids(matcher.match({ street: "High St", at: AT }))).toEqual(["camden-high-st", "streets-only"]);
  });
});

describe("a street in the call's ward", () => {
  const camdenWard = { code: "E05013806", name: "Regent's Park", borough: { code: "E09000007", name: "Camden" } };
  const croydonWard = { code: "E05011462", name: "Addiscombe West", borough: { code: "E09000008", name: "Croydon" } };
  const matcher = createMatcher([
    buildPriority({ id: "camden", ward: camdenWard, area: { streets: ["High Street"] } }),
    buildPriority({ id: "croydon", ward: croydonWard, area: { streets: ["High Street"] } }),
    buildPriority({ id: "croydon-postcode", ward: croydonWard, area: { postcodes: ["CR0 6AA"] } }),
  ]);

  it("matches only priorities of the ward the call names, in any case or spacing", () => {
    expect(ids(matcher.match({ street: "On or near High Street", ward: "E05013806", at: AT }))).toEqual(["camden"]);
    expect(ids(matcher.match({ street: "12 High St, Croydon", ward: " e05 011462 ", at: AT }))).toEqual(["croydon"]);
  });

  it("matches no priority by street in a ward with none, but still by postcode", () => {
    expect(matcher.match({ street: "High Street", ward: "E05000001", at: AT })).toEqual([]);
    expect(ids(matcher.match({ street: "High Street", ward: "E05000001", postcode: "CR0 6AA", at: AT }))).toEqual([
      "croydon-postcode",
    ]);
  });

  it("matches every ward's street when the call names no ward", () => {
    expect(ids(matcher.match({ street: "High St", ward: null, at: AT }))).toEqual(["camden", "croydon"]);
  });
});

describe("the forms control rooms see", () => {
  const matcher = createMatcher([
    buildPriority({ id: "marchmont", area: { streets: ["Upper Marchmont Street"] } }),
    buildPriority({ id: "generic", area: { streets: ["Supermarket", "Parking Area"] } }),
  ]);

  it("finds a street from police.uk's wording and from a CAD address line", () => {
    expect(ids(matcher.match({ street: "On or near Upper Marchmont Street", at: AT }))).toEqual(["marchmont"]);
    expect(ids(matcher.match({ street: "12A Upr Marchmont St, London WC1N 1AB", at: AT }))).toEqual(["marchmont"]);
  });

  it("never matches police.uk's generic places as streets, even when a priority lists one", () => {
    expect(matcher.match({ street: "On or near Supermarket", at: AT })).toEqual([]);
    expect(matcher.match({ street: "Parking Area", at: AT })).toEqual([]);
  });
});

describe("only priorities in force at the call's time match", () => {
  const matcher = createMatcher([
    buildPriority({
      id: "current",
      area: { geometry: camden },
      validFrom: "2025-03-01T00:00:00Z",
      expiresAt: "2025-09-01T00:00:00Z",
    }),
    buildPriority({ id: "achieved", status: "achieved", area: { geometry: camden } }),
    buildPriority({ id: "withdrawn", status: "withdrawn", area: { geometry: camden } }),
    buildPriority({ id: "superseded", status: "superseded", area: { geometry: camden } }),
  ]);
  const here = { lon: -0.14, lat: 51.54 };

  it("ignores priorities that are not active", () => {
    expect(matcher.size).toBe(1);
    expect(ids(matcher.match({ ...here, at: AT }))).toEqual(["current"]);
  });

  it("starts at validFrom and stops at expiresAt (exclusive)", () => {
    expect(ids(matcher.match({ ...here, at: "2025-02-28T23:59:59Z" }))).toEqual([]);
    expect(ids(matcher.match({ ...here, at: "2025-03-01T00:00:00Z" }))).toEqual(["current"]);
    expect(ids(matcher.match({ ...here, at: new Date("2025-08-31T23:59:59Z") }))).toEqual(["current"]);
    expect(ids(matcher.match({ ...here, at: Date.parse("2025-09-01T00:00:00Z") }))).toEqual([]);
  });

  it("uses the current time when the call has none", () => {
    const open = createMatcher([
      buildPriority({ id: "open", area: { geometry: camden }, validFrom: "2000-01-01T00:00:00Z" }),
    ]);
    expect(ids(open.match(here))).toEqual(["open"]);
  });

  it("refuses a call time that is not a time", () => {
    expect(() => matcher.match({ ...here, at: "yesterday teatime" })).toThrow(RangeError);
  });
});

describe("category", () => {
  const matcher = createMatcher([
    buildPriority({ id: "a-asb", category: "anti-social-behaviour", area: { geometry: camden } }),
    buildPriority({ id: "b-burglary", category: "burglary", area: { geometry: camden } }),
    buildPriority({ id: "c-none", category: null, area: { geometry: camden } }),
  ]);
  const here = { lon: -0.14, lat: 51.54, at: AT };

  it("never excludes a priority in the place, but puts the agreeing one first and says so", () => {
    const matches = matcher.match({ ...here, category: "Burglary" });
    expect(ids(matches)).toEqual(["b-burglary", "a-asb", "c-none"]);
    expect(matches[0]?.matchedOn).toEqual(["area", "category"]);
    expect(matches[1]?.matchedOn).toEqual(["area"]);
  });

  it("matches nothing on category alone", () => {
    expect(matcher.match({ category: "burglary", at: AT })).toEqual([]);
  });
});

describe("ordering", () => {
  it("puts priorities with the 60-minute promise before those without", () => {
    const matcher = createMatcher([
      buildPriority({
        id: "a-watch",
        area: { geometry: camden },
        callHandling: { flagged: true, responseTargetMinutes: null },
      }),
      buildPriority({ id: "b-promise", area: { geometry: camden } }),
    ]);
    expect(ids(matcher.match({ lon: -0.14, lat: 51.54, at: AT }))).toEqual(["b-promise", "a-watch"]);
  });
});

describe("a MultiPolygon area", () => {
  it("matches in each part, not between them", () => {
    const matcher = createMatcher([
      buildPriority({
        id: "two-estates",
        area: {
          geometry: {
            type: "MultiPolygon",
            coordinates: [
              (rectangle(-0.15, 51.53, -0.14, 51.54) as { coordinates: [number, number][][] }).coordinates,
              (rectangle(-0.12, 51.53, -0.11, 51.54) as { coordinates: [number, number][][] }).coordinates,
            ],
          },
        },
      }),
    ]);
    expect(ids(matcher.match({ lon: -0.145, lat: 51.535, at: AT }))).toEqual(["two-estates"]);
    expect(ids(matcher.match({ lon: -0.115, lat: 51.535, at: AT }))).toEqual(["two-estates"]);
    expect(ids(matcher.match({ lon: -0.13, lat: 51.535, at: AT }))).toEqual([]);
  });
});
