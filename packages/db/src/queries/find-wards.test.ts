import { CAMDEN_CODE_POINT_PATH } from "@wardpanel/postcodes/demo-data";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import type { Db } from "../client";
import { loadPostcodeFile } from "../reference/load-postcodes";
import { copyTestDb, createTestDb } from "../testing";
import { findWardAtPoint, findWards, POLICE_UK_URL } from "./find-wards";
import { getWard, searchWards } from "./wards";

const names = (db: Db, query: string) => findWards(db, { query }).wards.map((w) => `${w.name}, ${w.boroughName}`);

describe("find your ward", () => {
  let camden: Db;
  beforeAll(async () => {
    const db = createTestDb();
    await loadPostcodeFile(db, CAMDEN_CODE_POINT_PATH);
    camden = db;
  });

  it("finds a full postcode's ward in any case or spacing", () => {
    for (const query of ["NW3 4QG", "nw34qg", " NW3  4QG "]) {
      const found = findWards(camden, { query });
      expect(found).toMatchObject({ kind: "postcode", postcode: "NW3 4QG", terminatedOn: null, outside: null });
      expect(found.wards).toHaveLength(1);
      expect(found.wards[0]?.boroughName).toBe("Camden");
    }
  });

  it("says a postcode may be in a borough whose postcodes are not loaded yet, rather than outside", () => {
    const found = findWards(camden, { query: "EC2V 7HH" });
    expect(found).toMatchObject({ kind: "postcode", postcode: "EC2V 7HH", wards: [] });
    expect(found.outside?.message).toBe(
      "EC2V 7HH is not among the postcodes Ward Panel holds. Postcodes are not loaded yet for 32 of the boroughs it covers: search by your ward or borough name instead, or find your neighbourhood policing team on police.uk.",
    );
    expect(found.outside?.boroughsWithoutPostcodes).toContain("City of London");
    expect(found.outside?.boroughsWithoutPostcodes).not.toContain("Camden");
    expect(found.outside?.policeUkUrl).toBe(POLICE_UK_URL);
  });

  it("says a postcode is outside once every borough's postcodes are loaded, and points to police.uk", () => {
    const everywhere = copyTestDb(camden);
    // One postcode in each other borough stands in for a national file.
    everywhere.run(sql`insert into postcodes (pcds, outward, sector, ward_code, source, ward_assigned_by)
      select 'ZZ' || rowid || ' 1AA', 'ZZ' || rowid, 'ZZ' || rowid || ' 1', min(code), 'onspd', 'file'
      from wards group by borough_code`);
    const found = findWards(everywhere, { query: "EC2V 7HH" });
    expect(found.outside).toEqual({
      message: "EC2V 7HH is outside the wards Ward Panel covers. Find your neighbourhood policing team on police.uk.",
      policeUkUrl: POLICE_UK_URL,
      boroughsWithoutPostcodes: [],
    });
  });

  it("offers the sector's wards for a postcode it does not hold in a sector it does, not 'outside'", () => {
    const found = findWards(camden, { query: "nw3 9zz" });
    expect(found).toMatchObject({ kind: "postcode", postcode: "NW3 9ZZ", wards: [], outside: null });
    expect(found.unknownInSector?.sector).toBe("NW3 9");
    expect(found.unknownInSector?.policeUkUrl).toBe(POLICE_UK_URL);
    expect(found.unknownInSector?.wards.length).toBeGreaterThan(0);
    expect(found.unknownInSector?.wards.every((ward) => ward.boroughName === "Camden")).toBe(true);
    expect(findWards(camden, { query: "EC2V 7HH" }).unknownInSector).toBeNull();
  });

  it("lists the wards an outward code or a sector covers, most postcodes first", () => {
    const district = findWards(camden, { query: "nw3" });
    expect(district).toMatchObject({ kind: "outward", postcode: "NW3", outside: null });
    expect(district.wards.length).toBeGreaterThan(3);
    expect(district.wards.every((w) => w.boroughName === "Camden" && (w.postcodeCount ?? 0) > 0)).toBe(true);
    const counts = district.wards.map((w) => w.postcodeCount ?? 0);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));

    const sector = findWards(camden, { query: "NW3 4" });
    expect(sector).toMatchObject({ kind: "sector", postcode: "NW3 4" });
    expect(sector.wards.length).toBeGreaterThan(0);
    expect(sector.wards.length).toBeLessThanOrEqual(district.wards.length);
    expect(findWards(camden, { query: "AB1" }).outside?.policeUkUrl).toBe(POLICE_UK_URL);
    // Two digits are a district (NW10, Brent), never read as a sector: NW10 is not held here.
    expect(findWards(camden, { query: "NW10" })).toMatchObject({ kind: "outward", postcode: "NW10", wards: [] });
  });

  it("finds ward names forgivingly: apostrophes, Saint/St, &/and, accents and small typos", () => {
    expect(names(camden, "kings cross")).toEqual(["King's Cross, Camden"]);
    expect(names(camden, "Regents Park").sort()).toEqual(["Regent's Park, Camden", "Regent's Park, Westminster"]);
    expect(names(camden, "St Pancras")).toEqual(["St Pancras & Somers Town, Camden"]);
    expect(names(camden, "Saint Pancras and Somers Town")).toEqual(["St Pancras & Somers Town, Camden"]);
    expect(names(camden, "Bloomsbry")).toEqual(["Bloomsbury, Camden"]);
    expect(names(camden, "hampsted town")).toEqual(["Hampstead Town, Camden"]);
    expect(names(camden, "Kentish Twon")).toEqual(["Kentish Town North, Camden", "Kentish Town South, Camden"]);
    expect(names(camden, "Kíng’s Cróss")).toEqual(["King's Cross, Camden"]);
    expect(findWards(camden, { query: "kings cross" }).kind).toBe("name");
  });

  it("narrows to one borough, and lists a borough's wards for an empty query", () => {
    expect(
      findWards(camden, { query: "Regents Park", boroughCode: "E09000007" }).wards.map((w) => w.code),
    ).toHaveLength(1);
    const all = findWards(camden, { query: "", boroughCode: "E09000007", limit: 100 });
    expect(all.kind).toBe("all");
    expect(all.wards).toHaveLength(20);
    expect(searchWards(camden, { query: "Camden", limit: 100 }).filter((w) => w.boroughName === "Camden")).toHaveLength(
      20,
    );
  });

  it("finds the ward at a point, and says when the point is outside every loaded ward", () => {
    // ONS's label point of Bloomsbury ward (a point inside it).
    const bloomsbury = getWard(camden, "E05013653");
    expect(findWardAtPoint(camden, { lat: bloomsbury.labelLat, lon: bloomsbury.labelLon })).toMatchObject({
      ward: { code: "E05013653", name: "Bloomsbury" },
      outside: null,
    });
    const edinburgh = findWardAtPoint(camden, { lat: 55.9533, lon: -3.1883 });
    expect(edinburgh.ward).toBeNull();
    expect(edinburgh.outside?.policeUkUrl).toBe(POLICE_UK_URL);
  });

  it("answers a postcode before any postcodes are loaded as outside", () => {
    const empty = copyTestDb(createTestDb());
    expect(findWards(empty, { query: "NW3 4QG" }).outside).not.toBeNull();
  });
});
