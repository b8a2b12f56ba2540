import { createApiKey } from "@wardpanel/db/queries/api-keys";
import { callResponses } from "@wardpanel/db/schema";
import { seedActivePriority, seedUser, squareAroundWard, TEST_PASSWORD } from "@wardpanel/db/testing";
import { londonParts } from "@wardpanel/meetings/london-time";
import { Problem } from "@wardpanel/priority-feed";
import { defined } from "@wardpanel/validators";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createFeedTestDb, listenWholeServer } from "./feed-test-server";
import { missesCsvPath } from "./misses-openapi";

const CAMDEN = "E09000007";
const BLOOMSBURY = "E05013653"; // Camden
const ST_JAMES = "E05013806"; // Westminster
const NOW = new Date("2026-11-25T12:00:00Z");
const HEADER =
  "call_reference,received_at,arrived_at,outcome,minutes_taken,target_minutes,minutes_over,priority_id,priority_title,ward_code,ward_name,borough_code,borough_name,reported_by";

const daysBefore = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

describe("the managers' daily report of missed response targets (GET /feed/v1/responses/misses.csv)", () => {
  const { db } = createFeedTestDb();
  let server: Awaited<ReturnType<typeof listenWholeServer>>;
  let camdenKey: string;
  let londonKey: string;
  let bloomsbury: number;
  let westminster: number;

  const get = (path: string, key: string | null = camdenKey) =>
    fetch(`${server.url}/feed/v1/responses/misses.csv${path}`, {
      headers: key ? { authorization: `Bearer ${key}` } : {},
    });
  /** The CSV's rows as objects keyed by the header, parsed by csv-parse (RFC 4180). */
  async function rowsOf(response: Response): Promise<Record<string, string>[]> {
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = await response.text();
    expect(text.split("\r\n")[0]).toBe(HEADER);
    return parse(text, { columns: true, bom: true, record_delimiter: "\r\n" });
  }
  async function problemOf(response: Response, field: string) {
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = Problem.parse(await response.json());
    expect(problem.field).toBe(field);
    return problem;
  }
  function report(
    apiKeyId: number,
    priorityId: number,
    callReference: string,
    receivedAt: Date,
    arrivedAt: Date | null = null,
  ) {
    db.insert(callResponses).values({ apiKeyId, priorityId, callReference, receivedAt, arrivedAt }).run();
  }

  beforeAll(async () => {
    bloomsbury = seedActivePriority(db, {
      wardCode: BLOOMSBURY,
      now: NOW,
      fields: { title: 'Bikes, "e-scooters" and =noise on Bernard Street', area: squareAroundWard(db, BLOOMSBURY) },
      isCallHandlingFlagged: true,
    });
    westminster = seedActivePriority(db, {
      wardCode: ST_JAMES,
      now: NOW,
      fields: { title: "Pickpocketing on The Mall", area: squareAroundWard(db, ST_JAMES) },
      isCallHandlingFlagged: true,
    });
    const camden = createApiKey(db, { name: "Camden CAD", boroughCodes: [CAMDEN], now: NOW });
    const london = createApiKey(db, { name: "Met Command and Control", boroughCodes: [], now: NOW });
    camdenKey = camden.key;
    londonKey = london.key;

    // Friday 20 November 2026 (GMT): the target is 60 minutes.
    report(camden.id, bloomsbury, "CAD-ON-TIME", new Date("2026-11-20T09:00:00Z"), new Date("2026-11-20T10:00:00Z"));
    report(camden.id, bloomsbury, "CAD-HALF-LATE", new Date("2026-11-20T09:10:00Z"), new Date("2026-11-20T10:10:30Z"));
    report(camden.id, bloomsbury, "=HYPERLINK(1)", new Date("2026-11-20T09:20:00Z"), new Date("2026-11-20T11:50:00Z"));
    report(london.id, bloomsbury, "MET-NO-UNIT", new Date("2026-11-20T09:30:00Z"));
    report(london.id, westminster, "MET-WESTMINSTER", new Date("2026-11-20T09:40:00Z"));
    report(camden.id, bloomsbury, "CAD-50-MINUTES", new Date("2026-11-20T09:55:00Z"), new Date("2026-11-20T10:45:00Z"));
    report(camden.id, bloomsbury, "CAD-QUICK", new Date("2026-11-20T09:50:00Z"), new Date("2026-11-20T10:05:00Z"));

    // Sunday 25 October 2026: the clocks go back at 02:00 BST, a London day of 25 hours
    // (2026-10-24T23:00Z to 2026-10-26T00:00Z). No unit arrived for any of these.
    report(camden.id, bloomsbury, "OCT-24-LAST-MINUTE", new Date("2026-10-24T22:59:00Z"));
    report(camden.id, bloomsbury, "OCT-25-FIRST", new Date("2026-10-24T23:30:00Z"));
    report(camden.id, bloomsbury, "OCT-25-LAST", new Date("2026-10-25T23:59:00Z"));
    report(camden.id, bloomsbury, "OCT-26-FIRST", new Date("2026-10-26T00:00:00Z"));

    // Today and yesterday (London), against the real clock the server reads.
    const now = Date.now();
    report(camden.id, bloomsbury, "NOW-WITHIN-TARGET", new Date(now - 30 * 60_000));
    report(camden.id, bloomsbury, "NOW-TARGET-PASSED", new Date(now - 61 * 60_000));
    const yesterday = daysBefore(londonParts(new Date(now)).date, 1);
    // Noon in London yesterday, GMT or BST alike within an hour.
    report(camden.id, bloomsbury, "YESTERDAY", new Date(`${yesterday}T12:00:00Z`));

    server = await listenWholeServer(db);
  });
  afterAll(() => server.close());

  it("lists only the misses, with every column a manager needs, an on-time arrival at exactly 60 minutes not among them", async () => {
    const response = await get("?from=2026-11-20&to=2026-11-20");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="missed-response-targets-2026-11-20.csv"',
    );
    const rows = await rowsOf(response);
    expect(rows).toEqual([
      {
        call_reference: "CAD-HALF-LATE",
        received_at: "2026-11-20T09:10:00+00:00",
        arrived_at: "2026-11-20T10:10:30+00:00",
        outcome: "late",
        minutes_taken: "61",
        target_minutes: "60",
        minutes_over: "1",
        priority_id: String(bloomsbury),
        // Formula-safe: a title starting with = would get a ' (this one does not start with one).
        priority_title: 'Bikes, "e-scooters" and =noise on Bernard Street',
        ward_code: BLOOMSBURY,
        ward_name: "Bloomsbury",
        borough_code: CAMDEN,
        borough_name: "Camden",
        reported_by: "Camden CAD",
      },
      expect.objectContaining({
        call_reference: "'=HYPERLINK(1)",
        arrived_at: "2026-11-20T11:50:00+00:00",
        minutes_taken: "150",
        minutes_over: "90",
      }),
      expect.objectContaining({
        call_reference: "MET-NO-UNIT",
        received_at: "2026-11-20T09:30:00+00:00",
        arrived_at: "",
        outcome: "no unit arrived",
        minutes_taken: "",
        target_minutes: "60",
        minutes_over: "",
        reported_by: "Met Command and Control",
      }),
    ]);
  });

  it("keeps to the key's boroughs: a London-wide key also sees Westminster's misses", async () => {
    const rows = await rowsOf(await get("?from=2026-11-20&to=2026-11-20", londonKey));
    expect(rows.map((r) => r.call_reference)).toEqual([
      "CAD-HALF-LATE",
      "'=HYPERLINK(1)",
      "MET-NO-UNIT",
      "MET-WESTMINSTER",
    ]);
    expect(rows[3]).toMatchObject({
      priority_id: String(westminster),
      priority_title: "Pickpocketing on The Mall",
      ward_code: ST_JAMES,
      ward_name: "St James's",
      borough_code: "E09000033",
      borough_name: "Westminster",
    });
  });

  it("takes whole London days, both inclusive, across the clocks going back", async () => {
    const rows = await rowsOf(await get("?from=2026-10-25&to=2026-10-25"));
    expect(rows.map((r) => [r.call_reference, r.received_at])).toEqual([
      ["OCT-25-FIRST", "2026-10-25T00:30:00+01:00"],
      ["OCT-25-LAST", "2026-10-25T23:59:00+00:00"],
    ]);
    const twoDays = await rowsOf(await get("?from=2026-10-24&to=2026-10-26"));
    expect(twoDays.map((r) => r.call_reference)).toEqual([
      "OCT-24-LAST-MINUTE",
      "OCT-25-FIRST",
      "OCT-25-LAST",
      "OCT-26-FIRST",
    ]);
  });

  it("counts a call with no unit as a miss only once its target has passed; by default reports yesterday", async () => {
    const today = londonParts(new Date()).date;
    const yesterday = daysBefore(today, 1);
    const recent = await rowsOf(await get(`?from=${yesterday}&to=${today}`));
    const references = recent.map((r) => r.call_reference);
    expect(references).toContain("NOW-TARGET-PASSED");
    expect(references).not.toContain("NOW-WITHIN-TARGET");

    const byDefault = await get("");
    expect(byDefault.headers.get("content-disposition")).toBe(
      `attachment; filename="missed-response-targets-${yesterday}.csv"`,
    );
    expect((await rowsOf(byDefault)).map((r) => r.call_reference)).toContain("YESTERDAY");
    const range = await get(`?from=2026-10-25&to=2026-11-20`);
    expect(range.headers.get("content-disposition")).toBe(
      'attachment; filename="missed-response-targets-2026-10-25-to-2026-11-20.csv"',
    );
    expect(await rowsOf(range)).toHaveLength(6);
  });

  it("refuses bad dates, a reversed period and one over 366 days with a 400 problem naming the parameter", async () => {
    expect((await problemOf(await get("?from=20-11-2026"), "from")).detail).toBe(
      "from must be a date written YYYY-MM-DD, e.g. 2026-12-07",
    );
    expect((await problemOf(await get("?from=2026-11-20&to=2026-02-30"), "to")).detail).toBe(
      "to is not a date on the calendar",
    );
    expect((await problemOf(await get("?from=2026-11-20&to=2026-11-19"), "to")).detail).toBe(
      "to (2026-11-19) is before from (2026-11-20): give the earlier date as from",
    );
    expect((await problemOf(await get("?from=2025-11-19&to=2026-11-20"), "to")).detail).toBe(
      "The period from 2025-11-19 to 2026-11-20 is 367 days; ask for at most 366 days at a time",
    );
    expect((await get("?from=2025-11-20&to=2026-11-20")).status).toBe(200);
    expect((await get("?from=2026-11-20", null)).status).toBe(401);
  });

  it("documents the report in the OpenAPI document with an example of the same columns", async () => {
    type Served = {
      get: { responses: { "200": { content: { "text/csv": { examples: { "status-200": { value: string } } } } } } };
    };
    const document = (await (await fetch(`${server.url}/feed/v1/openapi.json`)).json()) as {
      paths: Record<string, Served>;
    };
    const served = defined(document.paths["/responses/misses.csv"], "the misses path");
    expect(served.get).toMatchObject({ operationId: missesCsvPath.get.operationId });
    const example = served.get.responses["200"].content["text/csv"].examples["status-200"].value;
    expect(example.split("\r\n")[0]).toBe(HEADER);
    const rows: Record<string, string>[] = parse(example, { columns: true });
    expect(rows.map((r) => [r.outcome, r.minutes_over, r.priority_title])).toEqual([
      ["late", "18", "Drug dealing by Russell Square station"],
      ["no unit arrived", "", "Bikes, e-scooters on Bernard Street"],
    ]);
  });

  it("judges calls against the force's own target (CALL_RESPONSE_TARGET_MINUTES)", async () => {
    const { app, url } = await listenWholeServer(db, { CALL_RESPONSE_TARGET_MINUTES: 45 });
    try {
      const response = await fetch(`${url}/feed/v1/responses/misses.csv?from=2026-11-20&to=2026-11-20`, {
        headers: { authorization: `Bearer ${camdenKey}` },
      });
      const rows = await rowsOf(response);
      expect(rows.map((r) => [r.call_reference, r.minutes_taken, r.target_minutes, r.minutes_over])).toEqual([
        ["CAD-ON-TIME", "60", "45", "15"],
        ["CAD-HALF-LATE", "61", "45", "16"],
        ["'=HYPERLINK(1)", "150", "45", "105"],
        ["MET-NO-UNIT", "", "45", ""],
        ["CAD-50-MINUTES", "50", "45", "5"],
      ]);
    } finally {
      // The database stays open for the other tests.
      await app.close();
    }
  });

  it("serves the same report to staff at /api/response-misses.csv, for the wards they may see", async () => {
    const password = { password: TEST_PASSWORD };
    await seedUser(db, { email: "sergeant@example.test", roles: [{ role: "sergeant", wardCode: BLOOMSBURY }] });
    await seedUser(db, { email: "member@example.test", roles: [{ role: "panel_member", wardCode: BLOOMSBURY }] });
    await seedUser(db, { email: "admin@example.test", roles: [{ role: "admin" }] });
    const signIn = async (email: string) => {
      const response = await fetch(`${server.url}/trpc/auth.signIn`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, ...password }),
      });
      return (response.headers.get("set-cookie") ?? "").split(";")[0]!;
    };
    const staff = (query: string, cookie?: string) =>
      fetch(`${server.url}/api/response-misses.csv${query}`, { headers: cookie ? { cookie } : {} });
    const period = "?from=2026-11-20&to=2026-11-20";

    expect((await staff(period)).status).toBe(401);
    expect((await staff(period, await signIn("member@example.test"))).status).toBe(403);
    const sergeant = await signIn("sergeant@example.test");
    expect((await rowsOf(await staff(period, sergeant))).map((r) => r.call_reference)).toEqual([
      "CAD-HALF-LATE",
      "'=HYPERLINK(1)",
      "MET-NO-UNIT",
    ]);
    const admin = await signIn("admin@example.test");
    expect(await rowsOf(await staff(period, admin))).toHaveLength(4);
    const reversed = await staff("?from=2026-11-20&to=2026-11-01", sergeant);
    expect(reversed.status).toBe(400);
    expect(await reversed.json()).toMatchObject({ field: "to" });
  });
});
