import { describe, expect, it } from "vitest";

import { assignCrimes } from "./assign-crimes";
import { parseStreetCsv } from "./parse-street-csv";
import { summariseMonth } from "./summarise-month";
import { londonAreaOf, londonWards, readText, REAL_FILES } from "./testing/real-data";
import { createWardIndex } from "./ward-index";

describe("summariseMonth", () => {
  it("counts the City's 2024-02 crimes by ward and type, matching the in-ward total", async () => {
    const file = await parseStreetCsv(readText(REAL_FILES.city202402));
    const { crimes, summary } = assignCrimes(file.rows, createWardIndex(londonWards()), londonAreaOf);
    const month = summariseMonth(crimes);

    expect(month.month).toBe("2024-02");
    expect(month.wards.reduce((n, w) => n + w.total, 0)).toBe(summary.inWards);
    expect(month.counts.reduce((n, c) => n + c.count, 0)).toBe(summary.inWards);
    expect(month.wards.length).toBeGreaterThan(15); // of the City's 25 wards
    expect(month.wards.length).toBeLessThanOrEqual(25);
    for (const ward of month.wards) {
      expect(Object.values(ward.byCategory).reduce((a, b) => a + b, 0)).toBe(ward.total);
      const direct = crimes.filter((c) => c.wardCode === ward.wardCode && c.crimeType === "shoplifting").length;
      expect(ward.byCategory.shoplifting).toBe(direct);
    }
  });

  it("refuses to mix months", async () => {
    const one = assignCrimes(
      (await parseStreetCsv(readText(REAL_FILES.city202401))).rows,
      createWardIndex(londonWards()),
      londonAreaOf,
    );
    const two = assignCrimes(
      (await parseStreetCsv(readText(REAL_FILES.city202402))).rows,
      createWardIndex(londonWards()),
      londonAreaOf,
    );
    expect(() => summariseMonth([...one.crimes, ...two.crimes])).toThrow(/one month at a time/);
    expect(summariseMonth([])).toEqual({ month: null, wards: [], counts: [] });
  });
});
