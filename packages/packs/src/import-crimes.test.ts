import { readFileSync } from "node:fs";

import { CRIME_TYPES, forceAreaFor } from "@wardpanel/crime-data";
import { countCrimeMonth, listCrimeImports } from "@wardpanel/db/queries/crimes";
import { crimes } from "@wardpanel/db/schema";
import { createTestDb } from "@wardpanel/db/testing";
import { POLICE_FORCES, policeForceIdOf, policeForceName } from "@wardpanel/validators";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { CrimeImportRefusal } from "./crime-import-errors";
import { importCrimeFiles } from "./import-crimes";
import { EARLIER_MONTH_OUTCOMES, naiveRows, POLICE_UK_FILES } from "./testing/real-files";

const now = new Date("2025-01-20T10:00:00Z");
const file = (path: string) => ({ input: readFileSync(path), fileName: path.split("/").at(-1)! });
const CITY = "City of London Police";

describe("importing the real police.uk files", () => {
  for (const [name, path] of Object.entries(POLICE_UK_FILES).filter(([n]) => !n.includes("Outcomes"))) {
    it(`${name}: rows per crime type equal a plain count of the CSV, and nothing is dropped`, async () => {
      const db = createTestDb();
      const result = await importCrimeFiles(db, { street: file(path), importedBy: null, now });
      const rows = naiveRows(path);
      const force = rows[0]![2]!;
      const month = rows[0]![1]!;
      const held = countCrimeMonth(db, { force, month });

      expect(held.total).toBe(rows.length);
      for (const { slug, name: typeName } of CRIME_TYPES) {
        expect(held.byCategory[slug] ?? 0, typeName).toBe(rows.filter((r) => r[9] === typeName).length);
      }
      const noLocation = rows.filter((r) => r[4] === "").length;
      expect(held.byPlacement["no-location"] ?? 0).toBe(noLocation);
      const located = held.byPlacement.ward ?? 0;
      const outside = (held.byPlacement["outside-wards"] ?? 0) + (held.byPlacement["outside-force-area"] ?? 0);
      expect(located + noLocation + outside).toBe(rows.length);
      expect(result.street?.summary).toMatchObject({ total: rows.length, inWards: located, noLocation });
    });
  }

  it("gives the README's placements for City of London 2024-01", async () => {
    const db = createTestDb();
    await importCrimeFiles(db, { street: file(POLICE_UK_FILES.city202401), importedBy: null, now });
    expect(countCrimeMonth(db, { force: CITY, month: "2024-01" }).byPlacement).toEqual({
      ward: 597,
      "no-location": 77,
      "outside-wards": 2,
      "outside-force-area": 58,
    });
  });

  it("replaces a month when it is imported again and confirmed, ASB rows without a Crime ID included", async () => {
    const db = createTestDb();
    const first = await importCrimeFiles(db, { street: file(POLICE_UK_FILES.city202401), importedBy: null, now });
    const again = await importCrimeFiles(db, {
      street: file(POLICE_UK_FILES.city202401),
      replace: { heldImportId: first.street!.importId },
      importedBy: null,
      now,
    });
    expect(again.street).toMatchObject({ replaced: 734, inserted: 734 });
    expect(countCrimeMonth(db, { force: CITY, month: "2024-01" }).total).toBe(734);
    const asb = db
      .select({ n: sql<number>`count(*)` })
      .from(crimes)
      .where(and(eq(crimes.category, "anti-social-behaviour"), eq(crimes.month, "2024-01")))
      .get()!.n;
    expect(asb).toBe(naiveRows(POLICE_UK_FILES.city202401).filter((r) => r[9] === "Anti-social behaviour").length);
  });

  it("applies the Met's outcomes to the crimes they name, in the same transaction as the street file", async () => {
    const db = createTestDb();
    const result = await importCrimeFiles(db, {
      street: file(POLICE_UK_FILES.metStreet202412),
      outcomes: file(POLICE_UK_FILES.metOutcomes202412),
      importedBy: null,
      now,
    });
    const outcomeRows = naiveRows(POLICE_UK_FILES.metOutcomes202412);
    const distinctIds = new Set(outcomeRows.map((r) => r[0]));
    expect(result.outcomes).toMatchObject({
      rows: outcomeRows.length,
      updates: distinctIds.size,
      unmatched: 0,
      earlierMonthCrimes: 0,
    });
    const charged = db
      .select({ n: sql<number>`count(distinct crime_id)` })
      .from(crimes)
      .where(eq(crimes.outcome, "Suspect charged"))
      .get()!.n;
    expect(charged).toBeGreaterThan(0);
    expect(
      listCrimeImports(db)
        .map((i) => i.kind)
        .sort(),
    ).toEqual(["outcomes", "street"]);
  });

  it("updates crimes from earlier months, and a re-import of the old street month keeps the newer outcome", async () => {
    const db = createTestDb();
    await importCrimeFiles(db, { street: file(POLICE_UK_FILES.city202401), importedBy: null, now });
    const result = await importCrimeFiles(db, { outcomes: file(EARLIER_MONTH_OUTCOMES), importedBy: null, now });
    expect(result.outcomes).toMatchObject({ month: "2024-02", updates: 2, earlierMonthCrimes: 1, unmatched: 1 });
    const crimeId = "e7b720d0e1302d2d06db7b28b29132eb194864d44d79218a566f03d9e3c790f6";
    const read = () =>
      db
        .select({ outcome: crimes.outcome, outcomeMonth: crimes.outcomeMonth })
        .from(crimes)
        .where(eq(crimes.id, crimeId))
        .get();
    expect(read()).toEqual({ outcome: "Offender given a penalty notice", outcomeMonth: "2024-02" });
    const held = listCrimeImports(db).find((i) => i.kind === "street")!.id;
    await importCrimeFiles(db, {
      street: file(POLICE_UK_FILES.city202401),
      replace: { heldImportId: held },
      importedBy: null,
      now,
    });
    expect(read()).toEqual({ outcome: "Offender given a penalty notice", outcomeMonth: "2024-02" });
  });

  it("refuses a bad file with its line number, and keeps what was already imported", async () => {
    const db = createTestDb();
    await importCrimeFiles(db, { street: file(POLICE_UK_FILES.city202401), importedBy: null, now });
    const lines = readFileSync(POLICE_UK_FILES.city202401, "utf8").split("\n");
    lines[16] = lines[16]!.replace(
      "City of London Police,City of London Police,-0.",
      "City of London Police,City of London Police,x0.",
    );
    const broken = Buffer.from(lines.join("\n"));
    const refusal = await importCrimeFiles(db, {
      street: { input: broken, fileName: "broken.csv" },
      importedBy: null,
      now,
    }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(CrimeImportRefusal);
    expect(refusal).toMatchObject({ field: "street", fileName: "broken.csv", line: 17 });
    expect((refusal as CrimeImportRefusal).message).toMatch(
      /^broken\.csv was not imported\. Line 17: .*Nothing was changed\.$/,
    );
    expect(countCrimeMonth(db, { force: CITY, month: "2024-01" }).total).toBe(734);

    const wrongMonth = await importCrimeFiles(db, {
      street: file(POLICE_UK_FILES.city202402),
      expectedMonth: "2024-01",
      importedBy: null,
      now,
    }).catch((e: unknown) => e);
    expect((wrongMonth as CrimeImportRefusal).message).toMatch(/Line 2: .*2024-02/);

    // A good street file with a bad outcomes file: neither is written.
    const badOutcomes = {
      input: Buffer.from(
        readFileSync(POLICE_UK_FILES.metOutcomes202412, "utf8").replace(/\n[^\n]*\n/, "\nnot,a,row\n"),
      ),
      fileName: "bad.csv",
    };
    const both = await importCrimeFiles(db, {
      street: file(POLICE_UK_FILES.metStreet202412),
      outcomes: badOutcomes,
      importedBy: null,
      now,
    }).catch((e: unknown) => e);
    expect(both).toMatchObject({ field: "outcomes", fileName: "bad.csv", line: 2 });
    expect(countCrimeMonth(db, { force: "Metropolitan Police Service", month: "2024-12" }).total).toBe(0);
    expect(listCrimeImports(db)).toHaveLength(1);
  });
});

describe("the police forces Ward Panel holds", () => {
  it("are England and Wales's 43 forces and the British Transport Police, each found by its file name", () => {
    expect(POLICE_FORCES).toHaveLength(44);
    expect(new Set(POLICE_FORCES.map((f) => f.id)).size).toBe(44);
    for (const force of POLICE_FORCES) expect(policeForceIdOf(force.name)).toBe(force.id);
    expect(policeForceIdOf("Devon and Cornwall Police")).toBe("devon-and-cornwall");
    expect(policeForceIdOf("Police Scotland")).toBeNull();
  });

  it("give London's two forces the boroughs crime-data knows them by", () => {
    const met = forceAreaFor({ id: "metropolitan", name: policeForceName("metropolitan") }, "metropolitan");
    const city = forceAreaFor({ id: "city-of-london", name: policeForceName("city-of-london") }, "metropolitan");
    expect([met.polices("E09000007"), met.polices("E09000001"), city.polices("E09000001")]).toEqual([
      true,
      false,
      true,
    ]);
  });
});
