import { describe, expect, it } from "vitest";

import { assignCrimes } from "./assign-crimes";
import { forceAreaFor } from "./force-areas";
import { parseStreetCsv } from "./parse-street-csv";
import {
  FIXTURES,
  leicestershireWards,
  londonWards,
  naiveRows,
  OTHER_FORCE_FILES,
  plainWardLookup,
  readText,
} from "./testing/real-data";
import { createWardIndex } from "./ward-index";

const LEICS = { id: "leicestershire", name: "Leicestershire Police" };
const BTP = { id: "btp", name: "British Transport Police" };

describe("any force's police.uk month, every row accounted for", () => {
  const wards = leicestershireWards();
  const index = createWardIndex(wards);
  const wardsAt = plainWardLookup(wards);
  const leicestershire = () => forceAreaFor(LEICS, "leicestershire");

  for (const [name, path] of [
    ["2023-01", OTHER_FORCE_FILES.leicestershire202301],
    ["2024-12", OTHER_FORCE_FILES.leicestershire202412],
  ] as const) {
    it(`Leicestershire ${name}: in a ward, no location or outside the force's wards, as a plain count says`, async () => {
      const naive = naiveRows(path);
      const file = await parseStreetCsv(readText(path));
      const { summary, crimes } = assignCrimes(file.rows, index, leicestershire);

      const noLocation = naive.filter((cells) => cells[4] === "").length;
      const located = naive.filter((cells) => cells[4] !== "");
      const inside = located.filter((cells) => wardsAt(Number(cells[4]), Number(cells[5])).length > 0).length;
      expect(file.rows).toHaveLength(naive.length);
      expect(summary).toMatchObject({
        total: naive.length,
        noLocation,
        inWards: inside,
        outsideWards: located.length - inside,
        outsideForceArea: 0,
      });
      expect(summary.inWards + summary.noLocation + summary.outsideWards).toBe(naive.length);
      expect(crimes.every((c) => c.placement !== "ward" || c.wardCode?.startsWith("E05"))).toBe(true);
      // Most of the force's crimes are in its wards (the 2013 boundaries hold about 99%).
      expect(summary.inWards / (naive.length - noLocation)).toBeGreaterThan(0.95);
    });
  }

  it("a Leicestershire month in a London deployment counts in none of London's wards", async () => {
    const file = await parseStreetCsv(readText(OTHER_FORCE_FILES.leicestershire202412));
    const { summary } = assignCrimes(file.rows, createWardIndex(londonWards()), () =>
      forceAreaFor(LEICS, "metropolitan"),
    );
    expect(summary.inWards).toBe(0);
  });

  it("the British Transport Police's crimes at London stations are kept in the wards they fell in", async () => {
    const file = await parseStreetCsv(readText(`${FIXTURES}btp-2024-01-street-synthetic.csv`));
    const { crimes, summary } = assignCrimes(file.rows, createWardIndex(londonWards()), () =>
      forceAreaFor(BTP, "metropolitan"),
    );
    expect(summary).toMatchObject({ total: 11, inWards: 0, noLocation: 1, outsideWards: 1, outsideForceArea: 9 });
    const byWard = new Map<string, number>();
    for (const c of crimes)
      if (c.locatedWardCode) byWard.set(c.locatedWardCode, (byWard.get(c.locatedWardCode) ?? 0) + 1);
    expect(Object.fromEntries(byWard)).toEqual({
      E05013666: 4, // King's Cross: King's Cross St Pancras and King's Cross stations
      E05013668: 2, // Regent's Park: Euston
      E05013653: 2, // Bloomsbury: Euston Square
      E05009292: 1, // Bishopsgate, City of London: Liverpool Street
    });
    expect(crimes.filter((c) => c.placement === "outside-force-area").every((c) => c.boroughCode !== null)).toBe(true);
  });
});
