import { readFileSync } from "node:fs";

import { WARD_FILES } from "@wardpanel/crime-data/testing";
import { openDb } from "@wardpanel/db/client";
import { runMigrations } from "@wardpanel/db/migrate";
import { loadWards, LONDON_WARDS_PATH } from "@wardpanel/db/reference";
import { describe, expect, it } from "vitest";

import { generateDraftPacks } from "./drafts";
import { commitCrimeImport, prepareCrimeImport } from "./import-crimes";
import { POLICE_UK_FILES } from "./testing/real-files";

const OLD = "E05900001"; // "Bloomsbury and Holborn", the invented earlier Camden ward
const BLOOMSBURY = "E05013653";
const HOLBORN = "E05013662";

const december = readFileSync(POLICE_UK_FILES.metStreet202412, "utf8");
/** The same crimes as if published for January 2025 (only the Month column changed), after the boundary change. */
const january = december.replace(/^([^,\n]*),2024-12,/gm, "$1,2025-01,");

describe("crimes are placed with the boundaries in force in their month", () => {
  it("puts a month before the change in the retired ward and a month after in the new ones", async () => {
    const db = openDb(":memory:");
    runMigrations(db);
    loadWards(db, WARD_FILES.camdenBefore2022);
    loadWards(db, LONDON_WARDS_PATH, {}, { inForceFrom: "2025-01-01" });

    const byWard = async (input: string, fileName: string) => {
      const prepared = await prepareCrimeImport(db, { street: { input, fileName } });
      const counts = new Map<string, number>();
      for (const crime of prepared.street?.assignment.crimes ?? [])
        if (crime.wardCode) counts.set(crime.wardCode, (counts.get(crime.wardCode) ?? 0) + 1);
      return counts;
    };
    const before = await byWard(december, "2024-12-metropolitan-street.csv");
    const after = await byWard(january, "2025-01-metropolitan-street.csv");

    expect(before.get(OLD)).toBeGreaterThan(0);
    expect(before.has(BLOOMSBURY) || before.has(HOLBORN)).toBe(false);
    expect(after.has(OLD)).toBe(false);
    // Every crime of the merged ward lands in one of the two wards it was dissolved from.
    expect((after.get(BLOOMSBURY) ?? 0) + (after.get(HOLBORN) ?? 0)).toBe(before.get(OLD));
    // Elsewhere in London the 2022 wards were not yet in force in December 2024: outside every ward then.
    expect([...before.keys()].sort()).toEqual([OLD, "E05013665"].filter((c) => before.has(c)).sort());
    expect(after.size).toBeGreaterThan(100);
  }, 60_000);

  it("drafts a month's packs for the wards in force in that month", async () => {
    const db = openDb(":memory:");
    runMigrations(db);
    loadWards(db, WARD_FILES.camdenBefore2022);
    const prepared = await prepareCrimeImport(db, {
      street: { input: december, fileName: "2024-12-metropolitan-street.csv" },
    });
    commitCrimeImport(db, prepared, { importedBy: null, now: new Date("2025-01-20T10:00:00Z") });
    loadWards(db, LONDON_WARDS_PATH, {}, { inForceFrom: "2025-01-01" });

    const drafted: string[] = [];
    await generateDraftPacks(db, {
      month: "2024-12",
      boroughCode: "E09000007",
      now: new Date("2025-01-21T10:00:00Z"),
      onProgress: (p) => drafted.push(p.wardCode),
    });
    expect(drafted.sort()).toEqual(["E05013665", OLD]);
  }, 60_000);
});
