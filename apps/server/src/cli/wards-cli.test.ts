import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { WARD_FILES } from "@wardpanel/crime-data/testing";
import { closeDb, openDb } from "@wardpanel/db/client";
import { createTestDbFile, seedUser, TEST_PASSWORD } from "@wardpanel/db/testing";
import { POLICE_UK_FILES } from "@wardpanel/packs/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { runCliInProcess } from "../testing/cli-in-process";
import { type RunningServer, startServerProcess } from "../testing/server-process";
import { trpcClientFor } from "../testing/trpc-client";

const dir = mkdtempSync(join(tmpdir(), "wardpanel-wards-cli-"));
let databases = 0;

/** `pnpm cli wards …` against a fresh, empty database file (migrated by the command itself). */
function freshCli() {
  const DATABASE_PATH = join(dir, `wards-${(databases += 1)}.sqlite`);
  return {
    cli: (...args: string[]) => runCliInProcess(["wards", ...args], { DATABASE_PATH }),
    query: <T>(sql: string): T[] => {
      const db = openDb(DATABASE_PATH);
      try {
        return db.$client.prepare(sql).all() as T[];
      } finally {
        closeDb(db);
      }
    },
  };
}

type WardRow = { code: string; name: string; name_welsh: string | null; borough_code: string };

describe("pnpm cli wards load", () => {
  it("loads a 2013 district file (WD13…, no borough property) once the borough is named, and keeps Welsh names", async () => {
    // These files are outside the Metropolitan Police's area (the tests' force): --outside-force lets them load.
    const { cli, query } = freshCli();
    const unnamed = await cli("load", "--file", WARD_FILES.oadbyWigston2013, "--outside-force");
    expect(unnamed.code).toBe(1);
    expect(unnamed.stderr).toBe(
      `${WARD_FILES.oadbyWigston2013}: the borough E07000135 has no name in the file and is not yet known: give it with --borough-name\nNothing was loaded.\n`,
    );
    const loaded = await cli(
      "load",
      "--file",
      WARD_FILES.oadbyWigston2013,
      "--borough-name",
      "Oadby and Wigston",
      "--outside-force",
    );
    expect(loaded.code).toBe(0);
    expect(loaded.stdout).toContain(
      "GeoJSON, 10 wards; properties WD13CD (code), WD13NM (name), WD13NMW (Welsh name); borough from the file name (E07000135).",
    );
    expect(loaded.stdout).toContain("Boroughs: Oadby and Wigston (E07000135, new, 10 wards).");
    expect(loaded.stdout).toContain("Wards: 10 to add, 0 to update, 0 unchanged.");
    expect(loaded.stdout).toContain(`Loaded 10 wards from ${WARD_FILES.oadbyWigston2013}.`);

    const welsh = await cli(
      "load",
      "--file",
      WARD_FILES.newport2013Welsh,
      "--borough-name",
      "Newport",
      "--outside-force",
    );
    expect(welsh.code).toBe(0);
    const rows = query<WardRow>("select code, name, name_welsh, borough_code from wards order by code");
    expect(rows).toHaveLength(30);
    expect(rows.find((r) => r.name === "Allt-yr-yn")).toMatchObject({
      name_welsh: "Allt-yr-ynn",
      borough_code: "W06000022",
    });
    expect(rows.find((r) => r.name === "Oadby Brocks Hill")?.name_welsh).toBeNull();
  });

  it("loads 2022 BGC MultiPolygons and the older GSS_CODE/NAME/LAGSSCODE/DISTRICT style", async () => {
    const { cli, query } = freshCli();
    const lancashire = await cli("load", "--file", WARD_FILES.lancashire2022Bgc, "--outside-force");
    expect(lancashire.code).toBe(0);
    expect(lancashire.stdout).toContain(
      "Boroughs: Blackpool (E06000009, new, 21 wards); Fylde (E07000119, new, 21 wards); Wyre (E07000128, new, 24 wards).",
    );
    const oldStyle = await cli("load", "--file", WARD_FILES.camdenBoundaryLineStyle);
    expect(oldStyle.code).toBe(0);
    expect(oldStyle.stdout).toContain(
      "properties GSS_CODE (code), NAME (name); borough from properties LAGSSCODE/DISTRICT.",
    );
    expect(query<{ n: number }>("select count(*) as n from wards")[0]?.n).toBe(69);
    expect(query<{ name: string }>("select name from boroughs where code = 'E09000007'")).toEqual([{ name: "Camden" }]);
  });

  it("replaces a borough's wards: --check lists those to retire and the wards now covering them, then the load retires them", async () => {
    const { cli, query } = freshCli();
    expect((await cli("load", "--file", WARD_FILES.camdenBefore2022)).code).toBe(0);
    const badDate = await cli("load", "--check", "--in-force-from", "May 2022");
    expect(badDate.code).toBe(1);
    expect(badDate.stderr).toBe('--in-force-from: "May 2022" is not a date written YYYY-MM-DD\nNothing was loaded.\n');

    const checked = await cli("load", "--check", "--in-force-from", "2022-05-05");
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain("Wards: 703 to add, 0 to update, 1 unchanged.");
    expect(checked.stdout).toContain("To retire on 2022-05-05 (not in the file; kept readable as former wards): 1.");
    expect(checked.stdout).toMatch(
      /^ {2}Bloomsbury and Holborn \(E05900001\) is now in (Bloomsbury \(E05013653\)|Holborn & Covent Garden \(E05013662\)) \d+%, (Bloomsbury \(E05013653\)|Holborn & Covent Garden \(E05013662\)) \d+%\.$/m,
    );
    expect(query("select code from wards where retired_on is not null")).toEqual([]);

    expect((await cli("load", "--in-force-from", "2022-05-05")).code).toBe(0);
    expect(query("select code, retired_on from wards where retired_on is not null")).toEqual([
      { code: "E05900001", retired_on: "2022-05-05" },
    ]);
    const back = await cli("load", "--file", WARD_FILES.camdenBefore2022, "--check");
    expect(back.stdout).toContain("Back in force (retired by an earlier load): E05900001.");
  }, 60_000);

  it("reprojects British National Grid, says so, and with --check writes nothing", async () => {
    const { cli, query } = freshCli();
    const checked = await cli("load", "--file", WARD_FILES.camdenGridShapefile, "--check");
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain("Shapefile, 3 wards");
    expect(checked.stdout).toContain(
      'Coordinates: British National Grid metres (EPSG:27700), from the .prj PROJCS["British_National_Grid"',
    );
    expect(checked.stdout).toContain("; reprojected to WGS84 longitude/latitude (EPSG:4326).");
    expect(checked.stdout).toContain("Wards: 3 to add, 0 to update, 0 unchanged.");
    expect(checked.stdout).toContain("Checked only: nothing was written.");
    expect(query("select code from wards")).toEqual([]);

    expect((await cli("load", "--file", WARD_FILES.camdenGridNoCrs)).code).toBe(0);
    const again = await cli("load", "--file", WARD_FILES.camdenGridNoCrs, "--check");
    expect(again.stdout).toContain("from the coordinate ranges (x from 5");
    expect(again.stdout).toContain("Wards: 0 to add, 0 to update, 3 unchanged.");
    const [bloomsbury] = query<{ min_lon: number; max_lat: number }>(
      "select min_lon, max_lat from wards where code = 'E05013653'",
    );
    // Its WGS84 twin in the London file: the box agrees to within 0.0002° (about 14 m).
    const twin = (
      JSON.parse(readFileSync(WARD_FILES.london2022, "utf8")) as {
        features: Array<{ properties: { WD22CD: string }; geometry: { coordinates: number[][][] } }>;
      }
    ).features.find((f) => f.properties.WD22CD === "E05013653")!;
    const ring = twin.geometry.coordinates[0]!;
    expect(Math.abs(bloomsbury!.min_lon - Math.min(...ring.map((p) => p[0]!)))).toBeLessThan(0.0002);
    expect(Math.abs(bloomsbury!.max_lat - Math.max(...ring.map((p) => p[1]!)))).toBeLessThan(0.0002);
  });

  it("refuses, without a stack and writing nothing, an unknown coordinate system, unknown properties and a broken ring", async () => {
    const { cli, query } = freshCli();
    const mercator = await cli("load", "--file", WARD_FILES.camdenWebMercator);
    expect(mercator.code).toBe(1);
    expect(mercator.stderr).toContain(
      '(crs member "urn:ogc:def:crs:EPSG::3857") is neither WGS84 longitude/latitude nor British National Grid (EPSG:27700)',
    );
    expect(mercator.stderr).not.toMatch(/\n\s+at /);

    const collection = JSON.parse(readFileSync(WARD_FILES.camdenBoundaryLineStyle, "utf8")) as {
      features: Array<{ properties: Record<string, unknown>; geometry: { coordinates: number[][][] } }>;
    };
    const ownNames = join(dir, "own-names.geojson");
    writeFileSync(
      ownNames,
      JSON.stringify({
        ...collection,
        features: collection.features.map((f) => ({
          ...f,
          properties: { ward_id: f.properties.GSS_CODE, label: f.properties.NAME },
        })),
      }),
    );
    const unknown = await cli("load", "--file", ownNames);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(
      "Its properties are ward_id, label: name them with --code-property and --name-property",
    );
    const named = await cli(
      "load",
      "--file",
      ownNames,
      "--code-property",
      "ward_id",
      "--name-property",
      "label",
      "--borough-code",
      "E09000007",
      "--borough-name",
      "Camden",
    );
    expect(named.code).toBe(0);
    expect(named.stdout).toContain("borough from --borough-code.");

    const broken = join(dir, "broken.geojson");
    collection.features[1]!.geometry.coordinates[0]!.pop();
    writeFileSync(broken, JSON.stringify(collection));
    const refused = await cli("load", "--file", broken);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("ward E05013653 Bloomsbury (feature 2): ring 1 of polygon 1 is not closed");
    expect(refused.stderr).toContain("Nothing was loaded.");
    expect(query<{ n: number }>("select count(*) as n from wards")[0]?.n).toBe(3);
  });
});

describe("pnpm cli wards load for a force outside London (issue 13)", () => {
  it("checks and loads with no PUBLIC_BASE_URL, and warns of wards outside the force, naming them", async () => {
    // As docs/other-forces.md sets a Leicestershire deployment, before PUBLIC_BASE_URL is chosen.
    const environment = {
      DATABASE_PATH: join(dir, "leicestershire-outside.sqlite"),
      POLICE_FORCE_ID: "leicestershire",
      DEMO_DATA: "false",
    };
    const cli = (...args: string[]) => runCliInProcess(["wards", "load", ...args], environment);

    const check = await cli("--file", WARD_FILES.oadbyWigston2013, "--borough-name", "Oadby and Wigston", "--check");
    expect(check).toMatchObject({ code: 0, stderr: "" });
    expect(check.stdout).toContain("Checked only: nothing was written.");
    expect((await cli("--file", WARD_FILES.oadbyWigston2013, "--borough-name", "Oadby and Wigston")).stderr).toBe("");

    const newport = await cli("--file", WARD_FILES.newport2013Welsh, "--borough-name", "Newport", "--check");
    expect(newport.code).toBe(0);
    const warning =
      "Warning: 20 of the file's 20 wards are in local authorities outside Leicestershire Police's area (POLICE_FORCE_ID=leicestershire): Newport (W06000022, 20 wards). Check POLICE_FORCE_ID and the file before loading them.\n";
    expect(newport.stderr).toBe(`${warning}Loading them will be refused unless you add --outside-force.\n`);
  });

  it("refuses to load wards outside the force (exit 2, nothing written) unless --outside-force is given", async () => {
    const DATABASE_PATH = join(dir, "leicestershire-refused.sqlite");
    const environment = { DATABASE_PATH, POLICE_FORCE_ID: "leicestershire", DEMO_DATA: "false" };
    const cli = (...args: string[]) => runCliInProcess(["wards", "load", ...args], environment);
    const wardCount = () => {
      const db = openDb(DATABASE_PATH);
      try {
        return (db.$client.prepare("select count(*) as n from wards").get() as { n: number }).n;
      } finally {
        closeDb(db);
      }
    };

    const refused = await cli("--file", WARD_FILES.newport2013Welsh, "--borough-name", "Newport");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("outside Leicestershire Police's area");
    expect(refused.stderr).toContain(
      "Not loaded: nothing was written. If these wards are meant for this force's site, run again with --outside-force.",
    );
    expect(wardCount()).toBe(0);

    const meant = await cli("--file", WARD_FILES.newport2013Welsh, "--borough-name", "Newport", "--outside-force");
    expect(meant.code).toBe(0);
    expect(meant.stdout).toContain("Loaded 20 wards");
    expect(wardCount()).toBe(20);
  });
});

describe("a running server and a reload of the wards", () => {
  const DATABASE_PATH = join(dir, "server.sqlite");
  let server: RunningServer;
  let url: string;
  let cookie = "";

  beforeAll(async () => {
    const db = createTestDbFile(DATABASE_PATH);
    await seedUser(db, { email: "city-analyst@example.test", roles: [{ role: "analyst", force: "city-of-london" }] });
    closeDb(db);
    // The real server in its own process, as `pnpm start` runs it; the CLI below is another process's work.
    server = await startServerProcess({ DATABASE_PATH, DEMO_DATA: "false" }, { startTimeoutMs: 120_000 });
    url = server.url;
    const signIn = await fetch(`${url}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "city-analyst@example.test", password: TEST_PASSWORD }),
    });
    cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0]!;
  }, 150_000);
  afterAll(async () => {
    server?.process.kill("SIGTERM");
    await server?.exited;
  });

  const upload = async (path: string, name: string) => {
    const form = new FormData();
    form.append("street", new Blob([readFileSync(path)]), name);
    const response = await fetch(`${url}/api/staff/crime-imports`, { method: "POST", body: form, headers: { cookie } });
    expect(response.status).toBe(201);
    return ((await response.json()) as { street: { summary: { inWards: number; outsideWards: number } } }).street
      .summary;
  };

  it("places the next upload with boundaries the CLI loaded from another process, and finds renamed wards, without a restart", async () => {
    const trpc = trpcClientFor(url);
    const before = await upload(POLICE_UK_FILES.city202401, "2024-01-city-of-london-street.csv");
    expect(before.inWards).toBeGreaterThan(550);
    expect((await trpc.wards.search.query({ query: "Billingsgate" })).wards?.map((w) => w.code)).toEqual(["E05009291"]);

    // The City of London's 25 wards moved 1° north (into Cambridgeshire) and one renamed.
    const london = JSON.parse(readFileSync(WARD_FILES.london2022, "utf8")) as {
      features: Array<{ properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }>;
    };
    const shift = (value: unknown): unknown =>
      Array.isArray(value) && typeof value[0] === "number"
        ? [value[0], (value[1] as number) + 1]
        : (value as unknown[]).map(shift);
    const city = london.features
      .filter((f) => f.properties.LAD22CD === "E09000001")
      .map((f) => ({
        ...f,
        properties: {
          ...f.properties,
          WD22NM: f.properties.WD22CD === "E05009291" ? "Pudding Lane" : f.properties.WD22NM,
          LAT: (f.properties.LAT as number) + 1,
        },
        geometry: { ...f.geometry, coordinates: shift(f.geometry.coordinates) },
      }));
    const moved = join(dir, "city-moved.geojson");
    writeFileSync(moved, JSON.stringify({ type: "FeatureCollection", features: city }));
    const reload = await runCliInProcess(["wards", "load", "--file", moved], { DATABASE_PATH });
    expect(reload.code).toBe(0);
    expect(reload.stdout).toContain("Wards: 0 to add, 25 to update, 0 unchanged.");

    const after = await upload(POLICE_UK_FILES.city202402, "2024-02-city-of-london-street.csv");
    expect(after.inWards).toBeLessThan(before.inWards / 5);
    expect(after.outsideWards).toBeGreaterThan(550);
    expect((await trpc.wards.search.query({ query: "Pudding" })).wards?.map((w) => w.code)).toEqual(["E05009291"]);
  }, 60_000);
});
