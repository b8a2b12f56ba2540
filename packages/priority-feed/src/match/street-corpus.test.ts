import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { buildPriority } from "../testing/build-priority.js";
import { createMatcher } from "./matcher.js";
import { isStreetKey, normaliseStreet } from "./street.js";
import { POLICE_UK_PLACES } from "./street-words.js";

// Every distinct Location in the real police.uk street files the project holds (City of London,
// Met burglary, Leicestershire, two 2018 excerpts): 7,970 "On or near …" values. See the file's header.
const locations = readFileSync(new URL("./fixtures/police-uk-locations.txt", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line !== "" && !line.startsWith("#"));
const PREFIX = "On or near";
const named = locations
  .filter((location) => location.startsWith(PREFIX))
  .map((location) => location.slice(PREFIX.length).trim())
  .filter((name) => name !== "");
const isGenericPlace = (name: string) =>
  POLICE_UK_PLACES.has(name.toLowerCase().replace(/[^a-z]+/g, " ")) || name === "Sports/recreation Area";

describe("the police.uk street corpus", () => {
  it("holds the real files' locations", () => {
    expect(locations.length).toBeGreaterThan(7_900);
    expect(named).toContain("Gower Street");
    expect(named).toContain("Supermarket");
  });

  it('gives every "On or near X" the key of X', () => {
    const differing = named
      .map((name) => [name, normaliseStreet(`${PREFIX} ${name}`), normaliseStreet(name)])
      .filter(([, onOrNear, bare]) => onOrNear !== bare);
    expect(differing).toEqual([]);
    expect(normaliseStreet(PREFIX)).toBe("");
  });

  it("gives every named location a key, and only the generic places a place key", () => {
    const places = named.filter(isGenericPlace);
    expect(places.length).toBe(POLICE_UK_PLACES.size);
    for (const place of places) expect(isStreetKey(normaliseStreet(place)), place).toBe(false);
    const lost = named.filter((name) => !isGenericPlace(name) && !isStreetKey(normaliseStreet(name)));
    expect(lost).toEqual([]);
  });

  it("keeps different names apart: names share a key only when they differ by an apostrophe", () => {
    const byKey = new Map<string, string[]>();
    for (const name of named) byKey.set(normaliseStreet(name), [...(byKey.get(normaliseStreet(name)) ?? []), name]);
    const shared = [...byKey.values()].filter((names) => names.length > 1);
    // police.uk writes both "King'S Road" and "Kings Road", "St James' Road" and "St James Road".
    expect(shared.length).toBe(12);
    const plain = (name: string) => name.toLowerCase().replace(/'/g, "");
    expect(shared.filter((names) => new Set(names.map(plain)).size > 1)).toEqual([]);
  });

  it("matches each street's priority from its police.uk location, and no street from a generic place", () => {
    const streets = named.filter((name) => !isGenericPlace(name));
    const matcher = createMatcher(
      streets.map((street, i) => buildPriority({ id: `p${i}`, area: { streets: [street] } })),
    );
    const at = "2025-06-01T12:00:00Z";
    const missed = streets.filter(
      (street, i) => !matcher.match({ street: `${PREFIX} ${street}`, at }).some((m) => m.priority.id === `p${i}`),
    );
    expect(missed).toEqual([]);
    const placeMatches = [...POLICE_UK_PLACES].flatMap((place) => matcher.match({ street: `${PREFIX} ${place}`, at }));
    expect(placeMatches).toEqual([]);
  });
});
