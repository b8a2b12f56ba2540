import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { POLICE_UK_FILES } from "@wardpanel/packs/testing";
import { describe, expect, it } from "vitest";

import { runCliInProcess } from "../testing/cli-in-process";

const dir = mkdtempSync(join(tmpdir(), "wardpanel-cli-mistakes-"));

/** A deployment outside the demo, before PUBLIC_BASE_URL is chosen (docs/other-forces.md). */
const NO_BASE_URL = { POLICE_FORCE_ID: "city-of-london", DEMO_DATA: "false" };

describe("pnpm cli mistakes (issue 13 trial): one clear line and exit 2, never a stack", () => {
  it("imports a police.uk month with no PUBLIC_BASE_URL: it does not use it", async () => {
    const run = await runCliInProcess(["import-crimes", POLICE_UK_FILES.city202401], {
      ...NO_BASE_URL,
      DATABASE_PATH: join(dir, "import.sqlite"),
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("names the setting a command needs instead of the server's start-up message", async () => {
    const run = await runCliInProcess(["retention", "run"], {
      ...NO_BASE_URL,
      DATABASE_PATH: join(dir, "kept.sqlite"),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^retention needs PUBLIC_BASE_URL: required when DEMO_DATA is false/);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr).not.toContain("cannot start");
  });

  it("prints parseArgs' message and the command's usage for an option with no value or an unknown option", async () => {
    const environment = { DATABASE_PATH: join(dir, "wards.sqlite") };
    const missing = await runCliInProcess(["wards", "load", "--borough-name"], environment);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Option '--borough-name <value>' argument missing");
    expect(missing.stderr).toContain("Usage: pnpm cli wards load [--file <wards.geojson|.shp>]");
    expect(missing.stderr).not.toMatch(/TypeError|\n\s+at /);

    const unknown = await runCliInProcess(["import-crimes", "street.csv", "--replcae"], environment);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--replcae'");
    expect(unknown.stderr).toContain("Usage: pnpm cli import-crimes <street.csv> [<outcomes.csv>] [--replace]");
  });
});
