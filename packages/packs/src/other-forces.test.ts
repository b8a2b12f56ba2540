import { readFileSync } from "node:fs";

import { countCrimeMonth } from "@wardpanel/db/queries/crimes";
import { getPackData } from "@wardpanel/db/queries/packs-data";
import { crimes } from "@wardpanel/db/schema";
import { createTestDb } from "@wardpanel/db/testing";
import { asc } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { CrimeImportRefusal } from "./crime-import-errors";
import { importCrimeFiles } from "./import-crimes";
import { renderPackEmail } from "./render-email";
import { renderPackHtml } from "./render-html";
import { renderPackPdf } from "./render-pdf";
import { pdfText } from "./testing";
import { EARLIER_MONTH_OUTCOMES, OTHER_FORCE_FILES, POLICE_UK_FILES } from "./testing/real-files";
import { BLOOMSBURY } from "./testing/seed-pack";
import { buildPackView } from "./view-model";

const now = new Date("2025-01-20T10:00:00Z");
const file = (path: string) => ({ input: readFileSync(path), fileName: path.split("/").at(-1) ?? path });
const BTP = "British Transport Police";
const KINGS_CROSS = "E05013666";
const REGENTS_PARK = "E05013668";
const BISHOPSGATE = "E05009292";

describe("another force's crimes in our wards", () => {
  it("imports a British Transport Police file and shows its station crimes in each ward's pack as railway crime", async () => {
    const db = createTestDb();
    const result = await importCrimeFiles(db, { street: file(OTHER_FORCE_FILES.btp202401), importedBy: null, now });
    expect(result.street).toMatchObject({ force: BTP, month: "2024-01", inserted: 11 });
    expect(result.street?.summary).toMatchObject({
      total: 11,
      inWards: 0,
      noLocation: 1,
      outsideWards: 1,
      outsideForceArea: 9,
    });
    expect(countCrimeMonth(db, { force: BTP, month: "2024-01" }).total).toBe(11);

    const pack = (wardCode: string) => buildPackView(getPackData(db, { wardCode, month: "2024-01", now }));
    expect(pack(KINGS_CROSS).otherForces).toEqual([
      {
        force: BTP,
        label: "Railway crime, British Transport Police",
        total: 4,
        sentence:
          "Railway crime, British Transport Police: 4 (Other theft 1, Public order 1, Theft from the person 1, Violence and sexual offences 1)",
      },
    ]);
    expect(pack(REGENTS_PARK).otherForces.map((f) => f.total)).toEqual([2]);
    expect(pack(BISHOPSGATE).otherForces.map((f) => f.sentence)).toEqual([
      "Railway crime, British Transport Police: 1 (Other theft 1)",
    ]);
    // Never added to the ward's own figures.
    const bloomsbury = pack(BLOOMSBURY);
    expect(bloomsbury.headline.total).toBe(0);
    expect(bloomsbury.otherForces.map((f) => f.sentence)).toEqual([
      "Railway crime, British Transport Police: 2 (Public order 1, Theft from the person 1)",
    ]);

    const html = renderPackHtml(bloomsbury);
    expect(html).toContain("Reported by other forces");
    expect(html).toContain("Railway crime, British Transport Police: 2");
    const { text } = await pdfText(await renderPackPdf(bloomsbury));
    expect(text.replace(/\s+/g, " ")).toContain("Railway crime, British Transport Police: 2");
    const mail = renderPackEmail(bloomsbury, {
      baseUrl: "https://wardpanel.example",
      unsubscribeUrl: "https://wardpanel.example/u",
    });
    expect(mail.text).toContain("- Railway crime, British Transport Police: 2");
  });

  it("shows the City of London Police's crimes across its boundary in the Met ward they fell in", async () => {
    const db = createTestDb();
    const result = await importCrimeFiles(db, { street: file(POLICE_UK_FILES.city202401), importedBy: null, now });
    const outside = result.street?.summary.outsideForceArea ?? 0;
    expect(outside).toBe(58);
    const shown = db
      .select({ wardCode: crimes.wardCode })
      .from(crimes)
      .all()
      .filter((c) => c.wardCode !== null);
    const wardsWithCity = [...new Set(shown.map((c) => c.wardCode ?? ""))].filter((c) => !c.startsWith("E0500929"));
    const total = wardsWithCity
      .map((wardCode) => getPackData(db, { wardCode, month: "2024-01", now }).otherForces ?? [])
      .flat()
      .reduce((sum, f) => sum + f.total, 0);
    expect(total).toBe(outside);
  });
});

describe("a data.police.uk API answer", () => {
  it("imports every record, exactly as the same records written as a police.uk CSV", async () => {
    const fromJson = createTestDb();
    const fromCsv = createTestDb();
    const json = await importCrimeFiles(fromJson, {
      street: file(OTHER_FORCE_FILES.apiCrimesStreet201408),
      importedBy: null,
      now,
    });
    const csv = await importCrimeFiles(fromCsv, {
      street: file(OTHER_FORCE_FILES.apiCrimesStreet201408AsCsv),
      importedBy: null,
      now,
    });
    const records = (JSON.parse(readFileSync(OTHER_FORCE_FILES.apiCrimesStreet201408, "utf8")) as unknown[]).length;
    expect(json.street?.summary.total).toBe(records);
    expect(json.street?.summary).toEqual(csv.street?.summary);
    const rows = (db: typeof fromJson) => db.select().from(crimes).orderBy(asc(crimes.id)).all();
    expect(rows(fromJson)).toHaveLength(374);
    expect(rows(fromJson)).toEqual(rows(fromCsv));
    // The 19 British Transport Police crimes at stations are kept as its, in the wards they fell in.
    const btp = rows(fromJson).filter((r) => r.reportedBy === BTP);
    expect(btp).toHaveLength(19);
    expect(btp.every((r) => r.placement === "outside-force-area" && r.wardCode !== null)).toBe(true);
    const wards = [...new Set(btp.map((r) => r.wardCode ?? ""))];
    const shown = wards.flatMap(
      (wardCode) => buildPackView(getPackData(fromJson, { wardCode, month: "2014-08", now })).otherForces,
    );
    expect(shown.every((f) => f.label === "Railway crime, British Transport Police")).toBe(true);
    expect(shown.reduce((sum, f) => sum + f.total, 0)).toBe(19);
  });
});

describe("outcomes and empty files, said accurately", () => {
  it("names a 0-byte file as empty rather than taking it for no file", async () => {
    const db = createTestDb();
    const empty = await importCrimeFiles(db, {
      street: file(POLICE_UK_FILES.city202401),
      outcomes: { input: Buffer.alloc(0), fileName: "2024-01-city-of-london-outcomes.csv" },
      importedBy: null,
      now,
    }).catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(CrimeImportRefusal);
    expect(empty).toMatchObject({ field: "outcomes" });
    expect((empty as Error).message).toBe(
      "2024-01-city-of-london-outcomes.csv was not imported. It is empty (0 bytes). Nothing was changed.",
    );
  });

  it("names an outcomes file's error against the outcomes file, with its line; exponent numbers are fine", async () => {
    const db = createTestDb();
    const lines = readFileSync(EARLIER_MONTH_OUTCOMES, "utf8").split("\n");
    lines[1] = (lines[1] ?? "").replace("-0.106220", "-1.0622e-01");
    lines[2] = (lines[2] ?? "").replace(",2024-02,", ",2024-2,");
    const refusal = await importCrimeFiles(db, {
      street: file(POLICE_UK_FILES.city202401),
      outcomes: { input: Buffer.from(lines.join("\n")), fileName: "outcomes.csv" },
      importedBy: null,
      now,
    }).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ field: "outcomes", fileName: "outcomes.csv", line: 3 });
    expect((refusal as Error).message).toMatch(/^outcomes\.csv was not imported\. Line 3: Month is "2024-2"/);

    lines[2] = (lines[2] ?? "").replace(",2024-2,", ",2024-02,");
    const result = await importCrimeFiles(db, {
      street: file(POLICE_UK_FILES.city202401),
      outcomes: { input: Buffer.from(lines.join("\n")), fileName: "outcomes.csv" },
      importedBy: null,
      now,
    });
    expect(result.outcomes).toMatchObject({ updates: 2, crimesUpdated: 1 });
  });

  it("counts outcomes for crimes held with a newer outcome apart from crimes not held", async () => {
    const db = createTestDb();
    await importCrimeFiles(db, { street: file(POLICE_UK_FILES.city202401), importedBy: null, now });
    const march = readFileSync(EARLIER_MONTH_OUTCOMES, "utf8").replaceAll(",2024-02,", ",2024-03,");
    await importCrimeFiles(db, {
      outcomes: { input: Buffer.from(march), fileName: "march.csv" },
      importedBy: null,
      now,
    });
    const february = await importCrimeFiles(db, { outcomes: file(EARLIER_MONTH_OUTCOMES), importedBy: null, now });
    // e7b7… is held with March's outcome (kept); bbb2 names no crime held.
    expect(february.outcomes).toMatchObject({ updates: 2, crimesUpdated: 0, newerOutcomeKept: 1, unmatched: 1 });
  });
});
