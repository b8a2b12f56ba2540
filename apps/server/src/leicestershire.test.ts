import { mkdtempSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import {
  leicestershireWardFiles,
  leicestershireWards,
  OTHER_FORCE_FILES,
  plainWardLookup,
} from "@wardpanel/crime-data/testing";
import { closeDb, type Db, openDb } from "@wardpanel/db/client";
import { seedUser, TEST_PASSWORD } from "@wardpanel/db/testing";
import { naiveRows, pdfText } from "@wardpanel/packs/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildServer } from "./app";
import { readEnv } from "./env";
import { runCliInProcess } from "./testing/cli-in-process";
import { trpcClientFor } from "./testing/trpc-client";

/**
 * A second real force end to end (issue 13 item 6): a fresh database file configured for
 * Leicestershire Police, its 171 ONS 2013 wards loaded by `pnpm cli wards load`, two complete
 * police.uk months imported by `pnpm cli import-crimes`, and a ward's pack drafted and published by
 * its sergeant over HTTP, then read by the public. Every figure is checked against a count made
 * here from the raw files: the CSV split on commas, and points placed in the raw ward files'
 * polygons by plain ray casting (plainWardLookup), nothing of the product's own counting.
 */

const dir = mkdtempSync(join(tmpdir(), "wardpanel-leicestershire-"));
const DATABASE_PATH = join(dir, "leicestershire.sqlite");
/** As an operator would set them for a Leicestershire deployment (docs/other-forces.md). */
const SETTINGS = {
  DATABASE_PATH,
  POLICE_FORCE_ID: "leicestershire",
  DEMO_DATA: "false",
  PUBLIC_BASE_URL: "https://wardpanel.example.org",
};
const cli = (...args: string[]) => runCliInProcess(args, SETTINGS);

/** The two complete police.uk months shipped in packages/crime-data/data (see its ATTRIBUTION.md). */
const MONTHS = {
  "2023-01": OTHER_FORCE_FILES.leicestershire202301,
  "2024-12": OTHER_FORCE_FILES.leicestershire202412,
} as const;

/** Leicester's Castle ward (2013 boundaries): the city centre, the ward with the most crime in the area. */
const CASTLE = "E05001789";

/** The independent count of one month: every row of the file, and where plain ray casting puts it. */
function countIndependently(path: string) {
  const wardsAt = plainWardLookup(leicestershireWards());
  const rows = naiveRows(path);
  const located = rows.filter((cells) => cells[4] !== "");
  const byWard = new Map<string, { total: number; byType: Map<string, number> }>();
  let inWards = 0;
  let onSharedEdge = 0;
  for (const cells of located) {
    const codes = wardsAt(Number(cells[4]), Number(cells[5]));
    if (codes.length === 0) continue;
    inWards += 1;
    if (codes.length > 1) {
      onSharedEdge += 1;
      continue;
    }
    const ward = byWard.get(codes[0]!) ?? { total: 0, byType: new Map<string, number>() };
    ward.total += 1;
    ward.byType.set(cells[9]!, (ward.byType.get(cells[9]!) ?? 0) + 1);
    byWard.set(codes[0]!, ward);
  }
  return {
    total: rows.length,
    noLocation: rows.length - located.length,
    inWards,
    outsideWards: located.length - inWards,
    onSharedEdge,
    byWard,
  };
}

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = openDb(DATABASE_PATH);
  try {
    return db.$client.prepare(sql).all(...params) as T[];
  } finally {
    closeDb(db);
  }
}

describe("a Leicestershire Police deployment, from an empty database to a published pack", () => {
  it("creates the force's analyst before any wards are loaded, without loading London's wards", async () => {
    const created = await cli(
      "users",
      "create",
      "--email",
      "analyst@leics.police.example",
      "--name",
      "Priya Shah",
      "--role",
      "analyst",
      "--force",
      "leicestershire",
    );
    expect(created.stderr).toBe("");
    expect(created.stdout).toContain("as Crime data analyst for Leicestershire Police.");
    expect(query("select code from wards")).toEqual([]);
  });

  it("loads the 9 districts' ONS 2013 ward files through `wards load`: 171 wards, each district named", async () => {
    const started = performance.now();
    for (const { boroughCode, boroughName, path } of leicestershireWardFiles()) {
      const features = (JSON.parse(readFileSync(path, "utf8")) as { features: unknown[] }).features.length;
      const loaded = await cli("wards", "load", "--file", path, "--borough-name", boroughName);
      expect(loaded.stderr).toBe("");
      expect(loaded.code).toBe(0);
      expect(loaded.stdout).toContain(
        `GeoJSON, ${features} wards; properties WD13CD (code), WD13NM (name), WD13NMW (Welsh name); borough from the file name (${boroughCode}).`,
      );
      // WGS84 already (a CRS84 crs member): nothing to reproject.
      expect(loaded.stdout).toMatch(
        /Coordinates: WGS84 longitude\/latitude \(EPSG:4326\), from the crs member[^;\n]*\.\n/,
      );
      expect(loaded.stdout).toContain(`Boroughs: ${boroughName} (${boroughCode}, new, ${features} wards).`);
      expect(loaded.stdout).toContain(`Wards: ${features} to add, 0 to update, 0 unchanged.`);
      expect(loaded.stdout).toContain(`Loaded ${features} wards from ${path}.`);
    }
    console.info(`Leicestershire: 9 ward files loaded in ${Math.round(performance.now() - started)} ms`);
    expect(query("select borough_code as code, count(*) as wards from wards group by borough_code order by 1")).toEqual(
      [
        { code: "E06000016", wards: 22 },
        { code: "E06000017", wards: 16 },
        { code: "E07000129", wards: 18 },
        { code: "E07000130", wards: 28 },
        { code: "E07000131", wards: 25 },
        { code: "E07000132", wards: 16 },
        { code: "E07000133", wards: 16 },
        { code: "E07000134", wards: 20 },
        { code: "E07000135", wards: 10 },
      ],
    );
    expect(query("select name from boroughs where code = 'E06000016'")).toEqual([{ name: "Leicester" }]);
    expect(query("select name from wards where code = ?", CASTLE)).toEqual([{ name: "Castle" }]);
  });

  for (const [month, path] of Object.entries(MONTHS)) {
    it(`imports ${month} through \`import-crimes\` with every row in a ward, without a location or outside the force's wards, as counted independently`, async () => {
      const expected = countIndependently(path);
      const started = performance.now();
      const imported = await cli("import-crimes", path);
      console.info(
        `Leicestershire ${month}: ${expected.total} rows imported in ${Math.round(performance.now() - started)} ms; ${expected.onSharedEdge} points inside two wards' polygons`,
      );
      expect(imported.stderr).toBe("");
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain(
        `Leicestershire Police, ${month}: ${expected.total} rows imported (0 replaced, kept to restore).\n` +
          `  in a ward ${expected.inWards}, no location ${expected.noLocation}, outside every ward we hold ${expected.outsideWards}, in a ward another force polices 0\n`,
      );
      expect(expected.inWards + expected.noLocation + expected.outsideWards).toBe(expected.total);

      // Ward by ward: no point of either month lies inside two wards' polygons (the 2013 files do
      // not overlap where crimes are), so every ward's count is exact.
      expect(expected.onSharedEdge).toBe(0);
      const held = query<{ code: string; n: number }>(
        "select ward_code as code, count(*) as n from crimes where month = ? and placement = 'ward' group by ward_code",
        month,
      );
      expect(new Map(held.map((r) => [r.code, r.n]))).toEqual(
        new Map([...expected.byWard].map(([code, ward]) => [code, ward.total])),
      );
    });
  }

  describe("December 2024's packs over HTTP: a district's drafted by the force's analyst, Castle ward's published by its sergeant", () => {
    let app: FastifyInstance;
    let db: Db;
    let url: string;

    beforeAll(async () => {
      db = openDb(DATABASE_PATH);
      await seedUser(db, { email: "sergeant@leics.police.example", roles: [{ role: "sergeant", wardCode: CASTLE }] });
      await seedUser(db, {
        email: "drafts@leics.police.example",
        roles: [{ role: "analyst", force: "leicestershire" }],
      });
      app = await buildServer({
        db,
        env: { ...readEnv({ ...SETTINGS, WEB_DIST: "/nonexistent", LOG_LEVEL: "silent" }) },
      });
      await app.listen({ port: 0, host: "127.0.0.1" });
      url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    });
    /** Signs in with the seeded password; the session cookie. */
    const signIn = async (email: string) => {
      const response = await fetch(`${url}/trpc/auth.signIn`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password: TEST_PASSWORD }),
      });
      expect(response.status).toBe(200);
      return (response.headers.get("set-cookie") ?? "").split(";")[0];
    };
    afterAll(async () => {
      await app.close();
      closeDb(db);
    });

    it("lets the public find a Leicestershire ward by name and by a point, and answers the priorities API as Leicestershire", async () => {
      const visitor = trpcClientFor(url);
      const found = await visitor.wards.search.query({ query: "Castle" });
      expect(found.wards.map((w) => [w.code, w.name, w.boroughName])).toContainEqual([CASTLE, "Castle", "Leicester"]);
      // Leicester's Clock Tower.
      expect((await visitor.wards.atPoint.query({ lon: -1.1356, lat: 52.6358 })).ward).toMatchObject({
        code: CASTLE,
        boroughName: "Leicester",
      });
      expect((await visitor.wards.boroughs.query()).map((b) => b.name)).toEqual([
        "Blaby",
        "Charnwood",
        "Harborough",
        "Hinckley and Bosworth",
        "Leicester",
        "Melton",
        "North West Leicestershire",
        "Oadby and Wigston",
        "Rutland",
      ]);
      // No postcodes are loaded: a Leicester postcode says so, and points to the ward names and police.uk.
      const postcode = await visitor.wards.search.query({ query: "LE1 5FQ" });
      expect(postcode).toMatchObject({
        kind: "postcode",
        wards: [],
        outside: { policeUkUrl: "https://www.police.uk/" },
      });
      expect(postcode.outside?.message).toContain("Postcodes are not loaded yet for 9 of the boroughs it covers");
      expect(postcode.outside?.boroughsWithoutPostcodes).toHaveLength(9);
      expect(await visitor.site.localForces.query()).toEqual(["leicestershire"]);
      expect((await fetch(`${url}/api/leicestershire/${CASTLE}/priorities`)).status).toBe(200);
      expect((await fetch(`${url}/api/metropolitan/${CASTLE}/priorities`)).status).toBe(404);
    });

    it("drafts every ward's pack of Charnwood, a district (E07…), as the force's analyst", async () => {
      const analyst = trpcClientFor(url, await signIn("drafts@leics.police.example"));
      const updates = [];
      for await (const update of await analyst.crimePacks.draftForBorough.mutate({
        force: "leicestershire",
        month: "2024-12",
        boroughCode: "E07000130",
      }))
        updates.push(update);
      const last = updates.at(-1);
      // Charnwood's 28 wards all have crimes in the month (the independent count says so too).
      const counted = countIndependently(MONTHS["2024-12"]).byWard;
      const charnwood = query<{ code: string }>("select code from wards where borough_code = 'E07000130'");
      expect(charnwood.filter((w) => (counted.get(w.code)?.total ?? 0) > 0)).toHaveLength(28);
      expect(last).toMatchObject({ kind: "done", total: 28, result: { drafted: 28, noData: 0, existing: 0 } });
      expect(query("select count(*) as n from packs where month = '2024-12' and status = 'draft'")).toEqual([
        { n: 28 },
      ]);
    });

    it("shows the figures of the independent count and names Leicestershire Police, never the Met", async () => {
      const sergeant = trpcClientFor(url, await signIn("sergeant@leics.police.example"));
      const expected = countIndependently(MONTHS["2024-12"]).byWard.get(CASTLE)!;

      const draft = await sergeant.crimePacks.draftPage.query({ wardCode: CASTLE, month: "2024-12" });
      expect(draft.status).toBe("draft");
      expect(draft.ward).toEqual({ code: CASTLE, name: "Castle", nameWelsh: null, boroughName: "Leicester" });
      expect(draft.total).toBe(expected.total);
      await sergeant.crimePacks.saveText.mutate({
        wardCode: CASTLE,
        month: "2024-12",
        commentary: "Shop theft in the Highcross centre is our first priority this winter.",
        partnerActions: "",
      });
      await sergeant.crimePacks.publish.mutate({ wardCode: CASTLE, month: "2024-12" });

      const pack = await trpcClientFor(url).crimePacks.publishedPage.query({ wardCode: CASTLE, month: "2024-12" });
      expect(pack.title).toBe("Castle ward: crime and policing update, December 2024");
      expect(pack.total).toBe(expected.total);
      // Each type's row of the table, as the independent count has it.
      const rows = new Map(
        [...pack.html.matchAll(/<tr><th scope="row">([^<]+)<\/th><td>(\d+)<\/td>/g)].map((m) => [m[1]!, Number(m[2])]),
      );
      for (const [type, n] of expected.byType) expect(rows.get(type.replace(/'/g, "&#39;")), type).toBe(n);
      // November 2024 is not held: nothing to compare with (January 2023 is outside the pack's 13 months).
      expect(pack.headline).toBe(
        `${expected.total} crimes and ASB incidents this month. There are no figures for last month to compare with.`,
      );

      expect(pack.html).toContain("Leicestershire Police");
      expect(pack.html).not.toMatch(/Metropolitan|\bMet\b|London/);
      const pdf = await fetch(`${url}/wards/${CASTLE}/packs/2024-12.pdf`);
      expect(pdf.status).toBe(200);
      const { text } = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
      expect(text).toContain("Leicestershire Police");
      expect(text).not.toMatch(/Metropolitan|\bMet\b|London/);
      expect(text).toContain(String(expected.total));
    });
  });
});
