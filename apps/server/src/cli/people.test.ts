import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { closeDb } from "@wardpanel/db/client";
import { addPublicSignIn } from "@wardpanel/db/queries/attendance";
import { createTestDbFile, seedPanelWithMembers, seedPublishedMeeting } from "@wardpanel/db/testing";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";

import { runCliInProcess } from "../testing/cli-in-process";

const WARD = "E05013653";

describe("pnpm cli people and retention", () => {
  let env: { DATABASE_PATH: string };
  let chair: { id: number; email: string; name: string };
  const query = (sql: string, ...params: unknown[]) => {
    const db = new Database(env.DATABASE_PATH, { readonly: true });
    try {
      return db.prepare(sql).all(...params);
    } finally {
      db.close();
    }
  };

  beforeAll(() => {
    env = { DATABASE_PATH: join(mkdtempSync(join(tmpdir(), "wardpanel-people-")), "wardpanel.sqlite") };
    const db = createTestDbFile(env.DATABASE_PATH);
    chair = seedPanelWithMembers(db, WARD, 1).chair;
    const meetingId = seedPublishedMeeting(db, {
      wardCode: WARD,
      date: "2020-03-03",
      now: new Date("2020-02-01T12:00:00Z"),
    });
    // Five years ago: past the default 12 months.
    addPublicSignIn(db, {
      wardCode: WARD,
      meetingId,
      name: "Old Sign-in",
      email: "old@example.test",
      now: new Date("2020-03-03T19:00:00Z"),
    });
    closeDb(db);
  });

  it("export prints everything held about an address as JSON", async () => {
    const run = await runCliInProcess(["people", "export", chair.email.toUpperCase()], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      email: chair.email,
      account: { name: chair.name },
      roles: [{ role: "chair", wardCode: WARD }],
    });
  });

  it("erase without --yes shows what is held and erases nothing; with --yes anonymises the staff account", async () => {
    const preview = await runCliInProcess(["people", "erase", chair.email], env);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain("Nothing was erased.");
    expect(preview.stdout).toContain(`pnpm cli people erase ${chair.email} --yes`);
    expect(query("select name from users where id = ?", chair.id)).toEqual([{ name: chair.name }]);

    const run = await runCliInProcess(["people", "erase", chair.email, "--yes"], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Erased what was held about ${chair.email}`);
    expect(query("select name, email, is_active as isActive from users where id = ?", chair.id)).toEqual([
      { name: "Former member", email: `former-member-${chair.id}@erased.invalid`, isActive: 0 },
    ]);
    expect(query("select * from role_assignments where user_id = ?", chair.id)).toEqual([]);
  });

  it("says what is wrong with an address", async () => {
    const run = await runCliInProcess(["people", "export", "not-an-address"], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("<email>: Enter an e-mail address like name@example.com\n");
  });

  it("retention run deletes what is past RETENTION_MONTHS and says how much", async () => {
    const kept = await runCliInProcess(["retention", "run"], { ...env, RETENTION_MONTHS: "120" });
    expect(kept.stdout).toMatch(/public sign-ins deleted\s+0/);
    expect(query("select name from public_sign_ins")).toEqual([{ name: "Old Sign-in" }]);

    const run = await runCliInProcess(["retention", "run"], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Retention run (RETENTION_MONTHS=12)");
    expect(run.stdout).toMatch(/public sign-ins deleted\s+1/);
    expect(query("select name from public_sign_ins")).toEqual([]);
  });
});
