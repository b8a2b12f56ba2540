import { execFile } from "node:child_process";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildPriority, rectangle } from "../testing/build-priority.js";
import { startTestFeedServer, type TestFeedServer } from "../testing/feed-server.js";

// The CLI is tested as shipped: built to dist/ (turbo runs this package's build before its tests)
// and run by plain `node`, so a missing ".js" extension or a dev-only import fails here rather than
// on a control room's server.
const packageDir = fileURLToPath(new URL("../..", import.meta.url));
const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const cacheFixture = join(fixtures, "feed-cache.json");

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "priority-feed-cli-"));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Runs the CLI without blocking this process (the test's feed server lives in it). */
function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      "node",
      [join(packageDir, "dist/cli/main.js"), ...args],
      { env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

describe("priority-feed --help", () => {
  it("lists every command", async () => {
    const { code, stdout } = await cli(["--help"]);
    expect(code).toBe(0);
    for (const command of ["sync", "match ", "match-csv", "csv "]) expect(stdout).toContain(`priority-feed ${command}`);
  });

  it("refuses an unknown command with exit 2", async () => {
    expect(await cli(["matc"])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "matc"') });
  });
});

describe("priority-feed match", () => {
  it("prints the matching priorities as JSON, category agreement reported", async () => {
    const { code, stdout } = await cli([
      "match",
      "--cache",
      cacheFixture,
      "--street",
      "parkway",
      "--category",
      "Anti-social behaviour",
      "--at",
      "2025-06-01T10:00:00Z",
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      expect.objectContaining({
        id: "camden-asb",
        responseTargetMinutes: 60,
        matchedOn: ["street", "category"],
        ward: { code: "E05013806", name: "Regent's Park" },
      }),
    ]);
  });

  it("matches by point and says when nothing matches", async () => {
    const here = await cli([
      "match",
      "--cache",
      cacheFixture,
      "--lon",
      "-0.06",
      "--lat",
      "51.55",
      "--at",
      "2025-06-01T10:00:00Z",
    ]);
    expect(JSON.parse(here.stdout).map((m: { id: string }) => m.id)).toEqual(["hackney-drugs"]);
    const nowhere = await cli([
      "match",
      "--cache",
      cacheFixture,
      "--lon",
      "-0.3",
      "--lat",
      "51.4",
      "--at",
      "2025-06-01T10:00:00Z",
    ]);
    expect(JSON.parse(nowhere.stdout)).toEqual([]);
  });

  it("reads police.uk's wording and keeps a street match to the ward given", async () => {
    const at = ["--at", "2025-06-01T10:00:00Z"];
    const street = ["--street", "On or near Parkway"];
    const inWard = await cli(["match", "--cache", cacheFixture, ...street, "--ward", "e05013806", ...at]);
    expect(JSON.parse(inWard.stdout)).toEqual([expect.objectContaining({ id: "camden-asb", matchedOn: ["street"] })]);
    const elsewhere = await cli(["match", "--cache", cacheFixture, ...street, "--ward", "E05000001", ...at]);
    expect(JSON.parse(elsewhere.stdout)).toEqual([]);
    expect(await cli(["match", "--cache", cacheFixture, ...street, "--ward", "Camden"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--ward "Camden" is not an ONS ward code'),
    });
  });

  it("warns on stderr that the copy is old", async () => {
    const { stderr } = await cli(["match", "--cache", cacheFixture, "--beat", "CN12"]);
    expect(stderr).toMatch(/warning: feed copy last synced 2025-06-01T00:00:00.000Z \(\d+ h ago\)/);
  });

  it("explains what is wrong with the command", async () => {
    expect(await cli(["match", "--cache", cacheFixture])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("give a place"),
    });
    expect(await cli(["match", "--cache", cacheFixture, "--lon", "-0.1"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("--lon and --lat must be given together"),
    });
    expect(await cli(["match", "--cache", join(dir, "none.json"), "--beat", "X"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("run `priority-feed sync` first"),
    });
    expect(await cli(["match", "--cache", cacheFixture, "--colour", "red"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("--colour"),
    });
  });
});

describe("priority-feed match-csv", () => {
  it("writes one row per call and match, and a 'no' row for a call with none", async () => {
    const out = join(dir, "results.csv");
    const { code, stderr } = await cli([
      "match-csv",
      "--cache",
      cacheFixture,
      join(fixtures, "calls.csv"),
      "--out",
      out,
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain("5 calls, 3 related to a priority");
    const rows = parse(await readFile(out, "utf8"), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.call_ref, r.matched, r.priority_id, r.matched_on, r.response_target_minutes])).toEqual([
      ["C1", "yes", "camden-asb", "area", "60"],
      ["C2", "yes", "camden-asb", "street;category", "60"],
      ["C3", "yes", "hackney-drugs", "postcode", ""],
      ["C4", "no", "", "", ""],
      ["C5", "no", "", "", ""], // before the priority was agreed
    ]);
  });

  it("reads a ward column: a street match stays in the call's ward, and a bad code names its line", async () => {
    const calls = join(dir, "calls-with-ward.csv");
    await writeFile(
      calls,
      [
        "call_ref,street,ward,at",
        "W1,On or near Parkway,E05013806,2025-06-01T10:00:00Z",
        '"W2","Flat 2, 12 Parkway, London NW1 7AA",E05000001,2025-06-01T10:00:00Z',
        "W3,12 Parkway,,2025-06-01T10:00:00Z",
      ].join("\n"),
    );
    const out = join(dir, "results-with-ward.csv");
    expect((await cli(["match-csv", "--cache", cacheFixture, calls, "--out", out])).code).toBe(0);
    const rows = parse(await readFile(out, "utf8"), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.call_ref, r.matched, r.priority_id])).toEqual([
      ["W1", "yes", "camden-asb"],
      ["W2", "no", ""],
      ["W3", "yes", "camden-asb"],
    ]);
    await writeFile(calls, "call_ref,street,ward\nW1,Parkway,E05013806\nW2,Parkway,Regent's Park\n");
    expect(await cli(["match-csv", "--cache", cacheFixture, calls])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/calls-with-ward.csv line 3: ward "Regent's Park" is not an ONS ward code/),
    });
  });

  it("rejects a file with bad rows, naming each line and what is wrong", async () => {
    const { code, stdout, stderr } = await cli(["match-csv", "--cache", cacheFixture, join(fixtures, "bad-calls.csv")]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/bad-calls.csv line 3: lon and lat must be given together/);
    expect(lines[1]).toMatch(/line 4: lon "abc" is not a number/);
    expect(lines[2]).toMatch(/line 5: call_ref is empty/);
    expect(lines[3]).toMatch(
      /line 6: postcode "NOTAPC" is not a UK postcode or sector; at "tomorrow" is not an ISO 8601 date-time/,
    );
  });
});

describe("priority-feed csv", () => {
  it("prints one row per priority and matcher, safe to open in a spreadsheet", async () => {
    const { code, stdout } = await cli(["csv", "--cache", cacheFixture]);
    expect(code).toBe(0);
    const rows = parse(stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.priority_id, r.matcher, r.value])).toEqual([
      ["camden-asb", "area", "Polygon, 5 points, bbox -0.15000,51.53000,-0.13000,51.55000"],
      ["camden-asb", "street", "Parkway"],
      ["hackney-drugs", "area", "Polygon, 5 points, bbox -0.08000,51.54000,-0.05000,51.56000"],
      ["hackney-drugs", "postcode", "E8 1AA"],
      ["hackney-drugs", "postcode-sector", "E8 2"],
      ["beat-only", "beat", "CN12"],
      ["old-withdrawn", "street", "'+Odd Street"],
    ]);
    // A title that a spreadsheet would run as a formula is defused.
    expect(rows.at(-1)?.title).toBe(`'=HYPERLINK("http://example.invalid","click")`);
  });
});

describe("priority-feed sync", () => {
  let server: TestFeedServer;
  beforeAll(async () => {
    server = await startTestFeedServer({
      items: [buildPriority({ id: "camden-asb", area: { geometry: rectangle(-0.15, 51.53, -0.13, 51.55) } })],
      apiKeys: ["cli-key"],
    });
  });
  afterAll(() => server.close().catch(() => undefined));

  it("saves the feed, after which match works offline; a failed sync leaves the copy alone", async () => {
    const cache = join(dir, "synced.json");
    const first = await cli(["sync", "--url", server.url, "--cache", cache], { PRIORITY_FEED_KEY: "cli-key" });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ mode: "snapshot", itemCount: 1, warnings: [] });

    const before = await readFile(cache, "utf8");
    const refused = await cli(["sync", "--url", server.url, "--key", "wrong", "--cache", cache]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("sync failed: feed server refused the request (401)");
    expect(refused.stderr).toContain("the copy on disk (1 priorities");

    await server.close();
    const down = await cli(["sync", "--url", server.url, "--key", "cli-key", "--cache", cache]);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain("feed server unreachable");
    expect(await readFile(cache, "utf8")).toBe(before);

    const matched = await cli(["match", "--cache", cache, "--lon", "-0.14", "--lat", "51.54"]);
    expect(JSON.parse(matched.stdout).map((m: { id: string }) => m.id)).toEqual(["camden-asb"]);
  });

  it("replaces a garbled cache with a fresh snapshot and says so", async () => {
    const again = await startTestFeedServer({ items: [buildPriority({ id: "p" })], apiKeys: ["cli-key"] });
    try {
      const cache = join(dir, "garbled.json");
      await copyFile(join(fixtures, "calls.csv"), cache); // not a feed cache at all
      const result = await cli(["sync", "--url", again.url, "--key", "cli-key", "--cache", cache]);
      expect(result.code).toBe(0);
      expect(result.stderr).toContain("warning:");
      expect(result.stderr).toContain("not complete JSON");
      expect(JSON.parse(result.stdout)).toMatchObject({ mode: "snapshot", itemCount: 1 });
    } finally {
      await again.close();
    }
  });
});
