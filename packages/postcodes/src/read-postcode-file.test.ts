import { readFileSync } from "node:fs";
import { Readable } from "node:stream";

import { describe, expect, it } from "vitest";

import { CAMDEN_CODE_POINT_PATH, POSTCODE_FIXTURES } from "./demo-data";
import { PostcodeFileError } from "./errors";
import type { PostcodeRecord } from "./postcode-record";
import { readPostcodeFile, readPostcodeStream } from "./read-postcode-file";

async function readAll(path: string) {
  const records: PostcodeRecord[] = [];
  const summary = await readPostcodeFile(path, { onBatch: (batch) => records.push(...batch) });
  return { summary, records };
}

const streamOf = (text: string) => Readable.from([text]);

describe("the ONSPD layout", () => {
  it("reads the header by name, terminated rows and the 'no location' rows", async () => {
    const { summary, records } = await readAll(POSTCODE_FIXTURES.onspdExcerpt);
    expect(summary).toEqual({ file: "onspd-excerpt.csv", format: "onspd", rows: 222 });
    expect(records[0]).toEqual({
      pcds: "AB1 0AA",
      outward: "AB1",
      sector: "AB1 0",
      lat: 57.101474,
      lon: -2.242851,
      wardCode: "S13002843",
      districtCode: "S12000033",
      terminatedOn: "1996-06",
      line: 2,
    });
    expect(records.filter((r) => r.terminatedOn !== null)).toHaveLength(221);
    const unlocated = records.filter((r) => r.lat === null);
    expect(unlocated.map((r) => [r.pcds, r.terminatedOn, r.lon, r.wardCode])).toEqual([
      ["AB11 3AG", "1997-07", null, null],
      ["JE2 4WD", null, null, null], // Jersey: L99999999 is ONS's "no ward"
    ]);
  });

  it("finds NSPL's and later editions' column names too", async () => {
    const nspl = "pcd,pcds,doterm,laua,ward,lat,long\nNW3 4QG,NW3 4QG,,E09000007,E05013660,51.55,-0.17\n";
    const records: PostcodeRecord[] = [];
    await readPostcodeStream("nspl.csv", streamOf(nspl), { onBatch: (b) => records.push(...b) });
    expect(records[0]).toMatchObject({
      pcds: "NW3 4QG",
      wardCode: "E05013660",
      districtCode: "E09000007",
      terminatedOn: null,
      line: 2,
    });
    const edition2025 = "pcd7,pcds,lad25cd,wd25cd,lat,long\r\nNW3 4QG,NW3 4QG,E09000007,E05013660,51.55,-0.17\r\n";
    await readPostcodeStream("onspd-2025.csv", streamOf(edition2025), { onBatch: (b) => records.push(...b) });
    expect(records[1]).toMatchObject({ wardCode: "E05013660", districtCode: "E09000007" });
  });
});

describe("Code-Point Open", () => {
  it("reads all of Camden, converting eastings and northings to WGS84", async () => {
    const { summary, records } = await readAll(CAMDEN_CODE_POINT_PATH);
    expect(summary).toEqual({ file: "camden.csv", format: "code-point-open", rows: 7_528 });
    expect(
      records.every((r) => r.districtCode === "E09000007" && r.wardCode?.startsWith("E05") && r.terminatedOn === null),
    ).toBe(true);
    // Camden lies within 51.51–51.58 N, 0.21–0.10 W.
    expect(
      records.every(
        (r) => r.lat !== null && r.lat > 51.5 && r.lat < 51.58 && r.lon !== null && r.lon > -0.22 && r.lon < -0.1,
      ),
    ).toBe(true);
  });
});

describe("files the loader refuses, by file and line", () => {
  it("names the file and line of a row with the wrong number of columns", async () => {
    await expect(readAll(POSTCODE_FIXTURES.wrongColumns)).rejects.toThrow(
      "file wrong-columns.csv, line 5: 51 fields where the header has 52",
    );
  });

  it("refuses a file that is neither layout, a bad postcode, and bad numbers", async () => {
    const read = (name: string, text: string) => readPostcodeStream(name, streamOf(text), { onBatch: () => undefined });
    await expect(read("crimes.csv", "Crime ID,Month\n1,2024-01\n")).rejects.toThrow(
      /^file crimes.csv, line 1: neither an ONSPD\/NSPL header/,
    );
    await expect(read("no-lat.csv", "pcds,lat\nNW3 4QG,51.5\n")).rejects.toThrow(
      "file no-lat.csv, line 1: the ONSPD/NSPL header has no long column",
    );
    const codePoint = readFileSync(CAMDEN_CODE_POINT_PATH, "utf8").split("\n").slice(0, 3);
    await expect(
      read("cp.csv", [...codePoint, '"NOT A CODE",10,1,2,"E92000001","","","","E09000007","E05013668"'].join("\n")),
    ).rejects.toThrow('file cp.csv, line 4: "NOT A CODE" is not a UK postcode');
    await expect(
      read(
        "cp.csv",
        [...codePoint.slice(0, 2), '"NW1 0AA",10,east,183622,"","","","","E09000007","E05013668"'].join("\n"),
      ),
    ).rejects.toThrow(/^file cp.csv, line 3: eastings "east"/);
    await expect(read("empty.csv", "")).rejects.toBeInstanceOf(PostcodeFileError);
  });
});
