import { beforeAll, describe, expect, it } from "vitest";

import { assignCrimes, type Assignment } from "./assign-crimes";
import { CRIME_TYPES } from "./crime-types";
import { parseStreetCsv } from "./parse-street-csv";
import { londonAreaOf, londonWards, naiveCount, naiveRows, readText, REAL_FILES } from "./testing/real-data";
import { createWardIndex } from "./ward-index";

const wards = createWardIndex(londonWards());

async function assign(path: string): Promise<Assignment> {
  const file = await parseStreetCsv(readText(path));
  return assignCrimes(file.rows, wards, londonAreaOf);
}

function expectPartsAddUp({ crimes, summary }: Assignment) {
  expect(summary.total).toBe(crimes.length);
  expect(summary.inWards + summary.noLocation + summary.outsideWards + summary.outsideForceArea).toBe(summary.total);
  expect(Object.values(summary.byCategory).reduce((a, b) => a + b, 0)).toBe(summary.total);
  for (const placement of ["ward", "no-location", "outside-wards", "outside-force-area"] as const) {
    const key = {
      ward: "inWards",
      "no-location": "noLocation",
      "outside-wards": "outsideWards",
      "outside-force-area": "outsideForceArea",
    } as const;
    expect(crimes.filter((c) => c.placement === placement).length).toBe(summary[key[placement]]);
  }
}

describe("assignCrimes: City of London Police", () => {
  for (const path of [REAL_FILES.city202401, REAL_FILES.city202402]) {
    describe(path.split("/").at(-1) ?? path, () => {
      let result: Assignment;
      beforeAll(async () => {
        result = await assign(path);
      });

      it("accounts for every row: in wards + no location + outside = total", () => {
        expectPartsAddUp(result);
        const naive = naiveRows(path);
        expect(result.summary.total).toBe(naive.length);
        expect(result.summary.noLocation).toBe(naive.filter((c) => c[4] === "").length);
        const byName = naiveCount(naive, 9);
        for (const { slug, name } of CRIME_TYPES) expect(result.summary.byCategory[slug]).toBe(byName.get(name) ?? 0);
      });

      it("puts most located rows in City wards, and some outside the force's area (as README says, 7–9%)", () => {
        const { summary, crimes } = result;
        const located = summary.total - summary.noLocation;
        expect(summary.inWards / located).toBeGreaterThan(0.85);
        expect(crimes.filter((c) => c.placement === "ward").every((c) => c.boroughCode === "E09000001")).toBe(true);
        expect(summary.outsideForceArea).toBeGreaterThan(0);
        expect(summary.outsideForceArea / summary.total).toBeLessThan(0.12);
        // A crime outside the force's area keeps the ward it fell in, but counts for no ward.
        const outside = crimes.find((c) => c.placement === "outside-force-area");
        expect(outside?.wardCode).toBeNull();
        expect(outside?.locatedWardCode).toMatch(/^E05/);
      });
    });
  }
});

describe("assignCrimes: Metropolitan Police burglary, 2024-12", () => {
  let result: Assignment;
  beforeAll(async () => {
    result = await assign(REAL_FILES.metStreet202412);
  });

  it("puts almost every row in a Met ward, with a few outside every ward", () => {
    const { summary, crimes } = result;
    expectPartsAddUp(result);
    expect(summary.total).toBe(4761);
    expect(summary.byCategory.burglary).toBe(4761);
    expect(summary.inWards / summary.total).toBeGreaterThan(0.98);
    expect(summary.outsideWards).toBeGreaterThan(0);
    expect(summary.outsideWards).toBeLessThan(50);
    expect(crimes.filter((c) => c.placement === "ward").every((c) => c.boroughCode !== "E09000001")).toBe(true);
  });

  it("classes the points outside London as outside every ward", () => {
    const outside = result.crimes.filter((c) => c.placement === "outside-wards");
    // Every one lies in an LSOA outside London's 33 boroughs, judged from the LSOA name alone.
    const londonBoroughs = new Set(londonWards().features.map((f) => f.properties.LAD22NM));
    const lsoaBorough = (name: string | null) => name?.replace(/ \d{3}[A-Z]$/, "") ?? "";
    expect(outside.filter((c) => londonBoroughs.has(lsoaBorough(c.lsoaName)))).toEqual([]);
  });
});
