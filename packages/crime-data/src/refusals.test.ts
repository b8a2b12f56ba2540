import { createReadStream } from "node:fs";

import { describe, expect, it } from "vitest";

import { CrimeFileError } from "./errors";
import { parseOutcomesCsv } from "./parse-outcomes-csv";
import { parseStreetCsv } from "./parse-street-csv";
import { FIXTURES, readText, REAL_FILES } from "./testing/real-data";

async function refusal(promise: Promise<unknown>): Promise<CrimeFileError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CrimeFileError);
  return error as CrimeFileError;
}

const valid = readText(`${FIXTURES}valid-street.csv`);
/** The valid fixture with one line (1-based) replaced. */
function withLine(line: number, text: string): string {
  const lines = valid.split("\n");
  lines[line - 1] = text;
  return lines.join("\n");
}
const row = (cells: Partial<Record<number, string>>) => {
  const base = valid.split("\n")[1]?.split(",") ?? [];
  for (const [i, v] of Object.entries(cells)) base[Number(i)] = v ?? "";
  return base.join(",");
};

describe("files the importer refuses, with the line and the reason", () => {
  it("accepts the valid fixture", async () => {
    const file = await parseStreetCsv(valid, { expectedMonth: "2024-02" });
    expect(file.rows.map((r) => r.crimeType)).toEqual(["burglary", "anti-social-behaviour", "drugs"]);
  });

  it("a wrong header, naming expected and found columns", async () => {
    const error = await refusal(parseStreetCsv(readText(`${FIXTURES}wrong-header.csv`)));
    expect(error.line).toBe(1);
    expect(error.column).toBe("Longitude");
    expect(error.message).toMatch(/^Line 1: .*column 5 is "Latitude", expected "Longitude"/);
    expect(error.message).toContain("Expected columns: Crime ID, Month, Reported by");
  });

  it("an outcomes file given as a street file says what it looks like", async () => {
    const error = await refusal(parseStreetCsv(readText(REAL_FILES.metOutcomes202412)));
    expect(error.message).toContain("this looks like a police.uk outcomes file");
  });

  it("a bad longitude", async () => {
    const error = await refusal(parseStreetCsv(readText(`${FIXTURES}bad-longitude.csv`)));
    expect(error).toMatchObject({ line: 4, column: "Longitude" });
    expect(error.message).toBe('Line 4: Longitude is "-0.09x7", not a number');
  });

  it("the same refusal, with the same line, when the file is streamed", async () => {
    const stream = createReadStream(`${FIXTURES}bad-longitude.csv`, { highWaterMark: 64 });
    expect(await refusal(parseStreetCsv(stream))).toMatchObject({ line: 4, column: "Longitude" });
    expect(stream.destroyed).toBe(true);
  });

  it("swapped or out-of-range coordinates, and one coordinate without the other", async () => {
    expect(await refusal(parseStreetCsv(withLine(3, row({ 4: "51.518461", 5: "-0.097103" }))))).toMatchObject({
      line: 3,
      column: "Longitude",
    });
    expect(await refusal(parseStreetCsv(withLine(2, row({ 5: "" }))))).toMatchObject({ line: 2, column: "Latitude" });
  });

  it("a wrong month against the expected month", async () => {
    const error = await refusal(parseStreetCsv(valid, { expectedMonth: "2024-03" }));
    expect(error.message).toBe("Line 2: Month is 2024-02 but the file is for 2024-03");
  });

  it("a file mixing months, at the first line of the second month", async () => {
    const error = await refusal(parseStreetCsv(readText(`${FIXTURES}mixed-months.csv`)));
    expect(error).toMatchObject({ line: 5, column: "Month" });
    expect(error.message).toBe("Line 5: Month is 2024-03 but the file is for 2024-02 (from line 2)");
  });

  it("a real file checked against the wrong month fails on its first row", async () => {
    const error = await refusal(parseStreetCsv(readText(REAL_FILES.city202402), { expectedMonth: "2024-01" }));
    expect(error.line).toBe(2);
  });

  it("a malformed month, an unknown crime type, a short row, a second force", async () => {
    expect((await refusal(parseStreetCsv(withLine(3, row({ 1: "2024-2" }))))).message).toBe(
      'Line 3: Month is "2024-2", expected a month like 2024-02',
    );
    expect(await refusal(parseStreetCsv(withLine(4, row({ 9: "Burglary of a dwelling" }))))).toMatchObject({
      line: 4,
      column: "Crime type",
    });
    expect((await refusal(parseStreetCsv(withLine(3, "a,2024-02,x")))).message).toBe(
      "Line 3: the row has 3 columns, expected 12",
    );
    expect(await refusal(parseStreetCsv(withLine(4, row({ 3: "Metropolitan Police Service" }))))).toMatchObject({
      line: 4,
      column: "Falls within",
    });
    expect(await refusal(parseStreetCsv(withLine(4, row({ 2: "" }))))).toMatchObject({
      line: 4,
      column: "Reported by",
    });
  });

  it("keeps a row reported by another force within the file's force (BTP at a station)", async () => {
    const file = await parseStreetCsv(withLine(3, row({ 2: "British Transport Police" })));
    expect(file.reportedBy).toBe("City of London Police");
    expect(file.rows.map((r) => r.reportedBy)).toContain("British Transport Police");
  });

  it("accepts numbers in exponent notation, as spreadsheets and pandas write them", async () => {
    const file = await parseStreetCsv(withLine(3, row({ 4: "-9.8e-05", 5: "5.1518461E1" })));
    const rowAt3 = file.rows.find((r) => r.line === 3);
    expect(rowAt3).toMatchObject({ longitude: -0.000098, latitude: 51.518461 });
    expect(await refusal(parseStreetCsv(withLine(3, row({ 4: "9.8e-05x" }))))).toMatchObject({ column: "Longitude" });
  });

  it("an empty file, a header with no rows, broken CSV quoting", async () => {
    expect((await refusal(parseStreetCsv(""))).line).toBe(1);
    expect((await refusal(parseStreetCsv(`${valid.split("\n")[0]}\n`))).message).toContain("no rows");
    expect((await refusal(parseStreetCsv(withLine(3, `"${row({})}`)))).message).toContain("not valid CSV");
  });

  it("the line number counts from the top of a real file", async () => {
    const lines = readText(REAL_FILES.city202401).split("\r\n");
    lines[16] = (lines[16] ?? "").replace(",2024-01,", ",2024-03,");
    const error = await refusal(parseStreetCsv(lines.join("\r\n")));
    expect(error.message).toBe("Line 17: Month is 2024-03 but the file is for 2024-01 (from line 2)");
  });

  it("outcomes: a row without a Crime ID, and a wrong month", async () => {
    const text = readText(`${FIXTURES}earlier-month-outcomes.csv`);
    const noId = text.replace("bbb2,", ",");
    expect(await refusal(parseOutcomesCsv(noId))).toMatchObject({ line: 3, column: "Crime ID" });
    expect((await refusal(parseOutcomesCsv(text, { expectedMonth: "2024-01" }))).line).toBe(2);
  });
});
