import { createReadStream } from "node:fs";

import { describe, expect, it } from "vitest";

import { CRIME_TYPES } from "./crime-types";
import { parseStreetCsv } from "./parse-street-csv";
import { naiveCount, naiveRows, readText, REAL_FILES } from "./testing/real-data";

describe("parseStreetCsv on the real police.uk files", () => {
  for (const [name, path] of Object.entries(REAL_FILES).filter(([n]) => !n.includes("Outcomes"))) {
    it(`${name}: one row per CSV line, crime types counted as a plain split counts them`, async () => {
      const naive = naiveRows(path);
      const file = await parseStreetCsv(readText(path));

      expect(file.rows).toHaveLength(naive.length);
      const byName = naiveCount(naive, 9);
      for (const { slug, name: typeName } of CRIME_TYPES) {
        expect(file.rows.filter((r) => r.crimeType === slug).length, typeName).toBe(byName.get(typeName) ?? 0);
      }
      const noLocation = naive.filter((cells) => cells[4] === "").length;
      expect(file.rows.filter((r) => r.longitude === null).length).toBe(noLocation);
      expect(file.rows.filter((r) => r.crimeId === null).length).toBe(naiveCount(naive, 0).get("") ?? 0);
      // Every row gets an id unique within the file, even where police.uk repeats a Crime ID.
      expect(new Set(file.rows.map((r) => r.id)).size).toBe(file.rows.length);
    });
  }

  it("reads the month and force, and gives line numbers as in the file", async () => {
    const file = await parseStreetCsv(readText(REAL_FILES.city202401));
    expect(file.month).toBe("2024-01");
    expect(file.reportedBy).toBe("City of London Police");
    expect(file.rows[0]?.line).toBe(2);
    expect(file.rows.at(-1)?.line).toBe(735);
    expect(file.rows[0]).toMatchObject({
      crimeId: "e7b720d0e1302d2d06db7b28b29132eb194864d44d79218a566f03d9e3c790f6",
      longitude: -0.10622,
      latitude: 51.518275,
      location: "On or near B500",
      lsoaCode: "E01000916",
      crimeType: "theft-from-the-person",
      lastOutcome: "Investigation complete; no suspect identified",
      outcomeGroup: "no-suspect",
      context: null,
    });
  });

  it("gives identical ids when the same file is parsed twice, ASB rows included", async () => {
    for (const path of [REAL_FILES.city202401, REAL_FILES.city202402]) {
      const first = await parseStreetCsv(readText(path));
      const second = await parseStreetCsv(readText(path));
      expect(second.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
      const asb = first.rows.filter((r) => r.crimeType === "anti-social-behaviour");
      expect(asb.length).toBeGreaterThan(0);
      expect(asb.every((r) => r.id.startsWith("derived-"))).toBe(true);
    }
  });

  it("keeps rows that repeat a Crime ID, numbering the repeats", async () => {
    const naive = naiveRows(REAL_FILES.city202401);
    const repeated = [...naiveCount(naive, 0)].filter(([id, n]) => id !== "" && n > 1);
    expect(repeated.length).toBeGreaterThan(0);
    const file = await parseStreetCsv(readText(REAL_FILES.city202401));
    for (const [crimeId, n] of repeated) {
      const ids = file.rows.filter((r) => r.crimeId === crimeId).map((r) => r.id);
      expect(ids).toEqual([crimeId, ...Array.from({ length: n - 1 }, (_, i) => `${crimeId}#${i + 2}`)]);
    }
  });

  it("normalises the CSV spelling of outcomes to the API's", async () => {
    const file = await parseStreetCsv(readText(REAL_FILES.city202401));
    const penalty = file.rows.filter((r) => r.lastOutcome?.includes("penalty notice"));
    expect(penalty).toHaveLength(2);
    expect(penalty.every((r) => r.lastOutcome === "Offender given a penalty notice")).toBe(true);
    expect(penalty.every((r) => r.outcomeGroup === "out-of-court")).toBe(true);
    expect(file.rows.filter((r) => r.crimeType === "anti-social-behaviour").every((r) => r.lastOutcome === null)).toBe(
      true,
    );
  });

  it("gives the same rows from a stream as from the text", async () => {
    const fromText = await parseStreetCsv(readText(REAL_FILES.metStreet202412));
    const fromStream = await parseStreetCsv(createReadStream(REAL_FILES.metStreet202412, { highWaterMark: 4096 }));
    expect(fromStream).toEqual(fromText);
  });

  it("accepts the file when it matches the expected month", async () => {
    const file = await parseStreetCsv(readText(REAL_FILES.city202402), { expectedMonth: "2024-02" });
    expect(file.rows).toHaveLength(826);
  });
});
