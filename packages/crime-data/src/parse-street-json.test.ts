import { describe, expect, it } from "vitest";

import { CRIME_TYPES } from "./crime-types";
import { CrimeFileError } from "./errors";
import { parseStreetCsv } from "./parse-street-csv";
import { parseStreetJson } from "./parse-street-json";
import { FIXTURES, OTHER_FORCE_FILES, readText } from "./testing/real-data";

const MET = "Metropolitan Police Service";
const BTP = "British Transport Police";
const options = { forceName: MET, btpName: BTP };

function refusal(work: () => unknown): CrimeFileError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(CrimeFileError);
    return error as CrimeFileError;
  }
  throw new Error("expected a refusal");
}

describe("parseStreetJson: a data.police.uk crimes-street answer", () => {
  const json = readText(OTHER_FORCE_FILES.apiCrimesStreet201408);
  const records = JSON.parse(json) as Array<{ location_type: string; category: string }>;

  it("accounts for every record: the force's and the British Transport Police's", () => {
    const file = parseStreetJson(json, options);
    expect(file.rows).toHaveLength(records.length);
    expect(file.rows).toHaveLength(374);
    expect(file.month).toBe("2014-08");
    expect(file.reportedBy).toBe(MET);
    const btp = records.filter((r) => r.location_type === "BTP").length;
    expect(btp).toBe(19);
    expect(file.rows.filter((r) => r.reportedBy === BTP)).toHaveLength(btp);
    for (const { slug } of CRIME_TYPES) {
      expect(file.rows.filter((r) => r.crimeType === slug).length, slug).toBe(
        records.filter((r) => r.category === slug).length,
      );
    }
    expect(new Set(file.rows.map((r) => r.id)).size).toBe(file.rows.length);
  });

  it("gives the same rows as the same records written as a police.uk CSV", async () => {
    const fromJson = parseStreetJson(json, options);
    const fromCsv = await parseStreetCsv(readText(`${FIXTURES}api-crimes-street-2014-08-as-csv.csv`));
    expect(fromCsv.rows).toHaveLength(fromJson.rows.length);
    // Record n is CSV line n + 1; everything else is the same, ids included.
    expect(fromJson.rows).toEqual(fromCsv.rows.map((r) => ({ ...r, line: r.line - 1 })));
    expect(fromJson.reportedBy).toBe(fromCsv.reportedBy);
  });

  it("maps every category slug as data.police.uk's crime-categories list names it", () => {
    const categories = JSON.parse(readText(OTHER_FORCE_FILES.apiCrimeCategories)) as { url: string; name: string }[];
    expect(categories.filter((c) => c.url !== "all-crime").map((c) => ({ slug: c.url, name: c.name }))).toEqual(
      CRIME_TYPES.map((t) => ({ slug: t.slug, name: t.name })),
    );
  });

  it("reads crimes-no-location answers as No Location rows", () => {
    const file = parseStreetJson(
      JSON.stringify([
        {
          category: "burglary",
          location_type: null,
          location: null,
          context: "",
          outcome_status: null,
          persistent_id: "abc",
          id: 1,
          location_subtype: "",
          month: "2024-12",
        },
      ]),
      options,
    );
    expect(file.rows[0]).toMatchObject({ crimeId: "abc", longitude: null, latitude: null, location: "No Location" });
  });

  it("refuses what is not an answer, naming the record and the field", () => {
    expect(refusal(() => parseStreetJson("", options)).message).toBe("Line 1: the file is empty");
    expect(refusal(() => parseStreetJson("{", options)).message).toMatch(/not valid JSON/);
    expect(refusal(() => parseStreetJson('{"crimes": []}', options)).message).toMatch(/not a police.uk API list/);
    expect(refusal(() => parseStreetJson("[]", options)).message).toBe("Record 1: the list of crimes is empty");
    const list = JSON.parse(json) as Record<string, unknown>[];
    const bad = list.map((r, i) => (i === 11 ? { ...r, category: "all-crime" } : r));
    expect(refusal(() => parseStreetJson(JSON.stringify(bad), options))).toMatchObject({
      line: 12,
      unit: "Record",
      column: "category",
    });
    const swapped = list.map((r, i) =>
      i === 4 ? { ...r, location: { latitude: "-0.01", longitude: "51.5", street: { name: "x" } } } : r,
    );
    expect(refusal(() => parseStreetJson(JSON.stringify(swapped), options)).message).toMatch(
      /^Record 5: Longitude 51.5 is outside/,
    );
    const wrongMonth = refusal(() => parseStreetJson(json, { ...options, expectedMonth: "2014-09" }));
    expect(wrongMonth.message).toBe("Record 1: Month is 2014-08 but the file is for 2014-09");
  });
});
