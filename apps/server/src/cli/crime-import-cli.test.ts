import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { closeDb, openDb } from "@wardpanel/db/client";
import { countCrimeMonth } from "@wardpanel/db/queries/crimes";
import { OTHER_FORCE_FILES, POLICE_UK_FILES } from "@wardpanel/packs/testing";
import { describe, expect, it } from "vitest";

import { runCliInProcess } from "../testing/cli-in-process";

const dir = mkdtempSync(join(tmpdir(), "wardpanel-cli-"));
const DATABASE_PATH = join(dir, "cli.sqlite");

/** Runs `pnpm cli …` as an operator would, with stdin a pipe (not a terminal), so nothing is asked. */
const cli = (...args: string[]) => runCliInProcess(args, { DATABASE_PATH });

function heldRows(): number {
  const db = openDb(DATABASE_PATH);
  try {
    return countCrimeMonth(db, { force: "City of London Police", month: "2024-01" }).total;
  } finally {
    closeDb(db);
  }
}

describe("the operators' command line for crime data", () => {
  it("grants the analyst role for a police force, and says what is missing when the force is not given", async () => {
    const ok = await cli(
      "users",
      "create",
      "--email",
      "analyst@example.test",
      "--name",
      "Dev Mistry",
      "--role",
      "analyst",
      "--force",
      "metropolitan",
    );
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(
      "Created Dev Mistry <analyst@example.test> as Crime data analyst for the Metropolitan Police Service.",
    );
    const missing = await cli(
      "users",
      "create",
      "--email",
      "other@example.test",
      "--name",
      "Other",
      "--role",
      "analyst",
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      "--force: say which police force the analyst imports crime data for (a police.uk force id: metropolitan, city-of-london, leicestershire, btp …)",
    );
    expect((await cli("users", "list")).stdout).toContain("Crime data analyst (Metropolitan Police Service)");
  });

  it("shows what replacing a held month changes and replaces it only with --replace", async () => {
    expect((await cli("import-crimes", POLICE_UK_FILES.city202401)).code).toBe(0);
    const truncated = join(dir, "2024-01-truncated.csv");
    writeFileSync(truncated, readFileSync(POLICE_UK_FILES.city202401, "utf8").split("\n").slice(0, 3).join("\n"));

    const refused = await cli("import-crimes", truncated);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(
      "City of London Police already has 2024-01: 734 rows now, 2 after replacing with this file.",
    );
    expect(refused.stdout).toMatch(/ wards change, \d+ stay the same:\n {4}\S.* \(.+\): \d+ → \d+\n/);
    expect(refused.stderr).toBe(
      "Not imported: 2024-01 is already held. Run again with --replace to replace it. Nothing was changed.\n",
    );
    expect(heldRows()).toBe(734);

    const replaced = await cli("import-crimes", truncated, "--replace");
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain(
      "City of London Police, 2024-01: 2 rows imported (734 replaced, kept to restore).",
    );
    expect(heldRows()).toBe(2);
  });

  it("imports a police.uk API answer and a British Transport Police month, counting each placement", async () => {
    const api = await cli("import-crimes", OTHER_FORCE_FILES.apiCrimesStreet201408);
    expect(api.stderr).toBe("");
    expect(api.stdout).toContain(
      "Metropolitan Police Service, 2014-08: 374 rows imported (0 replaced, kept to restore).",
    );
    expect(api.stdout).toMatch(/in a ward another force polices 19\n/);
    const btp = await cli("import-crimes", OTHER_FORCE_FILES.btp202401);
    expect(btp.stdout).toContain("British Transport Police, 2024-01: 11 rows imported");
    expect(btp.stdout).toContain(
      "in a ward 0, no location 1, outside every ward we hold 1, in a ward another force polices 9",
    );
  });
});
