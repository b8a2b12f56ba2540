import { WARD_FILES } from "@wardpanel/crime-data/testing";
import { beforeAll, describe, expect, it } from "vitest";

import type { Db } from "../client";
import { loadWards } from "../reference/load-wards";
import { createTestDb } from "../testing";
import { findWardAtPoint, findWards } from "./find-wards";

/** ONS's 2013 Newport wards (data/wards/W06000022.json, real WD13NMW names), loaded by the real loader. */
describe("Welsh ward names", () => {
  let db: Db;
  beforeAll(() => {
    db = createTestDb();
    loadWards(db, WARD_FILES.newport2013Welsh, { borough: { name: "Newport" } });
  });

  const found = (query: string) => findWards(db, { query }).wards.map((w) => `${w.name} / ${w.nameWelsh ?? "-"}`);

  it("finds a ward by its Welsh name, forgiving accents, case and small typos", () => {
    expect(found("Tŷ Du")).toEqual(["Rogerstone / Ty Du"]);
    expect(found("ty du")).toEqual(["Rogerstone / Ty Du"]);
    expect(found("Maerun")).toEqual(["Marshfield / Maerun"]);
    expect(found("Parc Tredegar")).toEqual(["Tredegar Park / Parc Tredegar"]);
    expect(found("Sain Silian")).toEqual(["St. Julians / Sain Silian"]);
    expect(found("Caerlion")).toEqual(["Caerleon / Caerllion"]);
  });

  it("still finds a ward by its English name, and carries both names", () => {
    expect(found("Rogerstone")).toEqual(["Rogerstone / Ty Du"]);
    expect(found("Alway")).toEqual(["Alway / Alway"]);
  });

  it("gives the Welsh name of every Newport ward, and with the ward at a point", () => {
    const all = findWards(db, { query: "", boroughCode: "W06000022" }).wards;
    expect(all.length).toBe(20);
    expect(all.every((w) => w.nameWelsh !== null)).toBe(true);
    expect(findWards(db, { query: "Bloomsbury" }).wards[0]?.nameWelsh).toBeNull();
    // Caerleon's centre, inside the ward.
    expect(findWardAtPoint(db, { lat: 51.6107, lon: -2.9561 }).ward).toMatchObject({
      name: "Caerleon",
      nameWelsh: "Caerllion",
    });
  });
});
