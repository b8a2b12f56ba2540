import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { closeDb, openDb } from "@wardpanel/db/client";
import { getPostcodeWard } from "@wardpanel/db/queries/postcodes";
import { CAMDEN_CODE_POINT_PATH, POSTCODE_FIXTURES } from "@wardpanel/postcodes/demo-data";
import { describe, expect, it } from "vitest";

import { runCliInProcess } from "../testing/cli-in-process";

const dir = mkdtempSync(join(tmpdir(), "wardpanel-postcodes-cli-"));
const DATABASE_PATH = join(dir, "cli.sqlite");

/** Runs `pnpm cli …` against a real database file, with stderr a pipe (so no progress line). */
const cli = (...args: string[]) => runCliInProcess(args, { DATABASE_PATH, LOG_LEVEL: "silent" });

describe("pnpm cli postcodes load", () => {
  it("loads the shipped samples and says what it kept", async () => {
    const loaded = await cli("postcodes", "load", CAMDEN_CODE_POINT_PATH, POSTCODE_FIXTURES.onspdExcerpt);
    expect(loaded.stderr).toBe("");
    expect(loaded.code).toBe(0);
    expect(loaded.stdout).toMatch(
      /^camden\.csv \(Code-Point Open\): 7,528 rows read in [\d.]+ s\.\n {2}kept 7,528 inside the loaded wards: 7,528 by the file's ward code, 0 by point in polygon; 0 of them terminated\.\n {2}0 outside the loaded wards \(not kept\)\.\n/m,
    );
    expect(loaded.stdout).toContain("onspd-excerpt.csv (ONSPD/NSPL): 222 rows read");
    expect(loaded.stdout).toContain("  222 outside the loaded wards (not kept).");
    const db = openDb(DATABASE_PATH);
    try {
      expect(getPostcodeWard(db, "NW3 4QG")?.ward.boroughName).toBe("Camden");
    } finally {
      closeDb(db);
    }
  });

  it("refuses a bad row by file and line, and explains its usage", async () => {
    const refused = await cli("postcodes", "load", POSTCODE_FIXTURES.wrongColumns);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^file wrong-columns\.csv, line 5: 51 fields where the header has 52\n/);
    const missing = await cli("postcodes", "load", join(dir, "no-such-file.csv"));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^file .*no-such-file\.csv: no such file\n$/);
    const usage = await cli("postcodes");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("Usage: pnpm cli postcodes load <file>…");
  });
});
