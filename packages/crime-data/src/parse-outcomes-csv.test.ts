import { createReadStream } from "node:fs";

import { describe, expect, it } from "vitest";

import { parseOutcomesCsv } from "./parse-outcomes-csv";
import { parseStreetCsv } from "./parse-street-csv";
import { FIXTURES, naiveCount, naiveRows, readText, REAL_FILES } from "./testing/real-data";

describe("parseOutcomesCsv", () => {
  it("reads the Met's 2024-12 outcomes: one update per Crime ID, repeats collapsed", async () => {
    const naive = naiveRows(REAL_FILES.metOutcomes202412);
    const file = await parseOutcomesCsv(readText(REAL_FILES.metOutcomes202412), { expectedMonth: "2024-12" });
    expect(file.rows).toBe(naive.length);
    expect(file.updates).toHaveLength(naiveCount(naive, 0).size);
    expect(file.month).toBe("2024-12");
    expect(file.reportedBy).toBe("Metropolitan Police Service");

    const byOutcome = naiveCount(naive, 9);
    const charged = file.updates.filter((u) => u.outcome === "Suspect charged");
    expect(charged.length).toBeGreaterThan(0);
    expect(charged.length).toBeLessThanOrEqual(byOutcome.get("Suspect charged") ?? 0);
    expect(charged.every((u) => u.outcomeGroup === "charged" && u.month === "2024-12")).toBe(true);
    expect(file.updates.filter((u) => u.outcomeGroup === "other")).toHaveLength(1); // "Action to be taken by another organisation"
  });

  it("refers to crimes in the street file by Crime ID", async () => {
    const street = await parseStreetCsv(readText(REAL_FILES.metStreet202412));
    const outcomes = await parseOutcomesCsv(createReadStream(REAL_FILES.metOutcomes202412));
    const crimeIds = new Set(street.rows.map((r) => r.crimeId));
    expect(outcomes.updates.every((u) => crimeIds.has(u.crimeId))).toBe(true);
  });

  it("passes on outcomes for crimes from earlier months, normalised, the last per crime winning", async () => {
    const file = await parseOutcomesCsv(readText(`${FIXTURES}earlier-month-outcomes.csv`));
    expect(file.month).toBe("2024-02");
    // The first Crime ID is a 2024-01 City of London crime: not in this month, still an update.
    expect(file.updates).toEqual([
      {
        crimeId: "e7b720d0e1302d2d06db7b28b29132eb194864d44d79218a566f03d9e3c790f6",
        month: "2024-02",
        outcome: "Offender given a penalty notice",
        outcomeGroup: "out-of-court",
        line: 2,
      },
      { crimeId: "bbb2", month: "2024-02", outcome: "Suspect charged", outcomeGroup: "charged", line: 4 },
    ]);
    expect(file.rows).toBe(3);
  });
});
