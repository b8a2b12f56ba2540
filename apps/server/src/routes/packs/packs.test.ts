import { readFileSync } from "node:fs";

import { TRPCClientError } from "@trpc/client";
import { createSignInLimiter } from "@wardpanel/api";
import type { Db } from "@wardpanel/db/client";
import { countCrimeMonth } from "@wardpanel/db/queries/crimes";
import { findPack } from "@wardpanel/db/queries/packs";
import { countPackEmails } from "@wardpanel/db/queries/packs-emails";
import { createTestDb, seedUser, TEST_PASSWORD } from "@wardpanel/db/testing";
import { pdfText, POLICE_UK_FILES } from "@wardpanel/packs/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildServer } from "../../app";
import { startTestSmtpServer } from "../../mail/testing-smtp";
import { trpcClientFor } from "../../testing/trpc-client";

const BLOOMSBURY = "E05013653";
const CAMDEN = "E09000007";
const MONTH = "2024-12";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (response: Response): Promise<any> => response.json();

describe("crime imports, packs and subscriptions over real HTTP and SMTP", () => {
  let db: Db;
  let app: FastifyInstance;
  let url: string;
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  const cookies: Record<string, string> = {};

  const post = (path: string, body: unknown, cookie?: string) =>
    fetch(`${url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
  const trpcQuery = (path: string, input: unknown, cookie?: string) =>
    fetch(`${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
      headers: cookie ? { cookie } : {},
    });
  const upload = (files: Record<string, { content: Buffer | string; name: string }>, cookie?: string) => {
    const form = new FormData();
    for (const [field, f] of Object.entries(files)) form.append(field, new Blob([f.content]), f.name);
    return fetch(`${url}/api/staff/crime-imports`, { method: "POST", body: form, headers: cookie ? { cookie } : {} });
  };
  /** An RFC 9457 problem: its media type, and the body. */
  const problemOf = async (response: Response) => {
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    return json(response);
  };
  const mailTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
  const waitFor = async (check: () => boolean, what: string) => {
    for (let i = 0; i < 100 && !check(); i += 1) await new Promise((r) => setTimeout(r, 100));
    if (!check()) throw new Error(`timed out waiting for ${what}`);
  };

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    db = createTestDb();
    await seedUser(db, { email: "sergeant@example.test", roles: [{ role: "sergeant", wardCode: BLOOMSBURY }] });
    await seedUser(db, { email: "chair@example.test", roles: [{ role: "chair", wardCode: BLOOMSBURY }] });
    await seedUser(db, { email: "member@example.test", roles: [{ role: "panel_member", wardCode: BLOOMSBURY }] });
    await seedUser(db, {
      email: "analyst@example.test",
      name: "Mo Analyst",
      roles: [{ role: "analyst", force: "metropolitan" }],
    });
    await seedUser(db, { email: "city-analyst@example.test", roles: [{ role: "analyst", force: "city-of-london" }] });
    const mail = {
      SMTP_URL: smtp.url,
      PACK_MAIL_POLL_MS: 200,
      PACK_TOKEN_SECRET: "a-test-secret-that-is-long-enough-1234",
      PUBLIC_BASE_URL: "https://wardpanel.example",
    };
    app = await buildServer({
      db,
      env: { COOKIE_SECURE: false, TRUST_PROXY: false, WEB_DIST: "/nonexistent", LOG_LEVEL: "silent", ...mail },
      signInLimiter: createSignInLimiter(),
    });
    url = await app.listen({ port: 0, host: "127.0.0.1" });
    for (const who of ["sergeant", "chair", "member", "analyst", "city-analyst"]) {
      const response = await post("/trpc/auth.signIn", { email: `${who}@example.test`, password: TEST_PASSWORD });
      cookies[who] = (response.headers.get("set-cookie") ?? "").split(";")[0]!;
    }
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  const metStreet = { content: readFileSync(POLICE_UK_FILES.metStreet202412), name: "2024-12-metropolitan-street.csv" };
  const MET = "Metropolitan Police Service";

  it("lets only the force's analysts (and admins) upload, refuses a bad file with its field and line, and imports the real Met month", async () => {
    const outcomes = {
      content: readFileSync(POLICE_UK_FILES.metOutcomes202412),
      name: "2024-12-metropolitan-outcomes.csv",
    };
    const anonymous = await upload({ street: metStreet });
    expect(anonymous.status).toBe(401);
    expect(await problemOf(anonymous)).toMatchObject({
      type: "https://wardpanel.org/problems/sign-in",
      status: 401,
      detail: "Sign in to do this",
    });
    expect((await upload({ street: metStreet }, cookies.chair)).status).toBe(403);
    const sergeant = await upload({ street: metStreet }, cookies.sergeant);
    expect(sergeant.status).toBe(403);
    expect((await problemOf(sergeant)).detail).toBe(
      "Only a crime data analyst for the force, or an admin, can import crime data",
    );
    const otherForce = await upload({ street: metStreet }, cookies["city-analyst"]);
    expect(otherForce.status).toBe(403);
    expect((await problemOf(otherForce)).detail).toBe(
      "These files are from the Metropolitan Police Service; you import crime data for the City of London Police. Nothing was changed.",
    );
    const none = await upload({}, cookies.analyst);
    expect(none.status).toBe(400);
    expect(await problemOf(none)).toMatchObject({
      field: "street",
      detail: "Choose a street-level crime file, an outcomes file, or both",
    });
    expect(countCrimeMonth(db, { force: MET, month: MONTH }).total).toBe(0);
    // A chosen file of 0 bytes is named as empty, not taken for no file chosen.
    const empty = await upload({ street: metStreet, outcomes: { content: "", name: "outcomes.csv" } }, cookies.analyst);
    expect(empty.status).toBe(400);
    expect(await problemOf(empty)).toMatchObject({
      field: "outcomes",
      detail: "outcomes.csv was not imported. It is empty (0 bytes). Nothing was changed.",
    });

    const lines = readFileSync(POLICE_UK_FILES.metStreet202412, "utf8").split("\n");
    lines[41] = lines[41]!.replace(/,Burglary,/, ",Burglery,");
    const bad = await upload({ street: { content: lines.join("\n"), name: "bad.csv" } }, cookies.analyst);
    expect(bad.status).toBe(400);
    expect(await problemOf(bad)).toMatchObject({
      type: "https://wardpanel.org/problems/invalid",
      title: "Bad request",
      status: 400,
      field: "street",
      detail: expect.stringContaining('bad.csv was not imported. Line 42: Crime type "Burglery"'),
    });

    const good = await upload({ street: metStreet, outcomes }, cookies.analyst);
    expect(good.status).toBe(201);
    const result = await json(good);
    expect(result.street.summary).toMatchObject({
      total: 4761,
      inWards: 4757,
      noLocation: 0,
      outsideWards: 2,
      outsideForceArea: 2,
    });
    expect(result.outcomes).toMatchObject({ rows: 2474, updates: 2409, unmatched: 0 });
    const log = await json(await trpcQuery("crimeData.imports", { force: "metropolitan" }, cookies.analyst));
    expect(log.result.data.map((e: { kind: string; importedByName: string }) => [e.kind, e.importedByName])).toEqual([
      ["outcomes", "Mo Analyst"],
      ["street", "Mo Analyst"],
    ]);
    expect((await trpcQuery("crimeData.imports", { force: "metropolitan" }, cookies.sergeant)).status).toBe(403);
    expect((await trpcQuery("crimeData.imports", { force: "metropolitan" }, cookies["city-analyst"])).status).toBe(403);
  });

  it("drafts a borough's packs as a stream the page reads as it runs, for the analysts of the force that polices it", async () => {
    const draft = async (
      cookie: string | undefined,
      input: { force: "metropolitan" | "city-of-london"; month: string; boroughCode: string },
    ) => {
      const updates: {
        kind: string;
        done: number;
        total: number;
        result?: { drafted: number; noData: number; existing: number };
      }[] = [];
      for await (const update of await trpcClientFor(url, cookie).crimePacks.draftForBorough.mutate(input))
        updates.push(update);
      return updates;
    };
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (error: unknown) => (error instanceof TRPCClientError ? (error.data as { code: string }).code : error),
      );
    const camden = { force: "metropolitan" as const, month: "2024-11", boroughCode: CAMDEN };
    expect(await refusal(draft(undefined, camden))).toBe("UNAUTHORIZED");
    expect(await refusal(draft(cookies.sergeant, camden))).toBe("FORBIDDEN");
    expect(await refusal(draft(cookies["city-analyst"], camden))).toBe("FORBIDDEN");
    // The City's analyst names their own force, but Camden is the Met's.
    expect(await refusal(draft(cookies["city-analyst"], { ...camden, force: "city-of-london" }))).toBe("BAD_REQUEST");

    const updates = await draft(cookies.analyst, { ...camden, month: MONTH });
    const last = updates.at(-1)!;
    expect(last.kind).toBe("done");
    expect(last.result!.drafted).toBeGreaterThan(0);
    expect(last.result!.drafted + last.result!.noData).toBe(last.total);
    expect(updates.filter((u) => u.kind === "progress").length).toBeGreaterThan(1);
    expect(updates.filter((u) => u.kind === "progress").map((u) => u.done)).toEqual(
      [...updates.filter((u) => u.kind === "progress").map((u) => u.done)].sort((a, b) => a - b),
    );
  });

  it("double opt-in: a confirmed subscriber gets the published pack once, an unconfirmed one does not, and one click unsubscribes", async () => {
    for (const email of ["confirmed@example.test", "unconfirmed@example.test"]) {
      const response = await post("/trpc/subscriptions.request", { wardCode: BLOOMSBURY, email });
      expect(response.status).toBe(200);
      expect((await json(response)).result.data.message).toBe(
        `Check your inbox: we have sent a link to ${email} to confirm.`,
      );
    }
    const invalid = await post("/trpc/subscriptions.request", { wardCode: BLOOMSBURY, email: "not an address" });
    expect(invalid.status).toBe(400);
    expect((await json(invalid)).error.data.fieldErrors.email).toEqual([
      "Enter an email address like name@example.com",
    ]);
    await waitFor(() => mailTo("confirmed@example.test").length === 1, "the confirmation e-mail");
    const link = /https:\/\/wardpanel\.example\/subscriptions\/confirm\/([A-Za-z0-9_-]+)/.exec(
      mailTo("confirmed@example.test")[0]!.body,
    );
    expect(link).not.toBeNull();
    const confirmed = await post("/trpc/subscriptions.confirm", { token: link![1] });
    expect((await json(confirmed)).result.data).toEqual({
      wardCode: BLOOMSBURY,
      wardName: "Bloomsbury",
      email: "confirmed@example.test",
      isUnsubscribed: false,
    });
    const stale = await post("/trpc/subscriptions.confirm", { token: "x".repeat(43) });
    expect(stale.status).toBe(404);
    expect((await json(stale)).error.message).toMatch(/^This confirmation link is not valid/);

    // The chair may read the draft but not publish; the sergeant writes commentary and publishes.
    const draft = await trpcQuery("crimePacks.draftPage", { wardCode: BLOOMSBURY, month: MONTH }, cookies.chair);
    expect(draft.status).toBe(200);
    expect((await json(draft)).result.data).toMatchObject({
      status: "draft",
      title: "Bloomsbury ward: crime and policing update, December 2024",
      draftPdfPath: `/api/staff/wards/${BLOOMSBURY}/packs/${MONTH}/draft.pdf`,
    });
    expect(
      (await trpcQuery("crimePacks.draftPage", { wardCode: BLOOMSBURY, month: MONTH }, cookies.member)).status,
    ).toBe(403);
    const draftPdf = await fetch(`${url}/api/staff/wards/${BLOOMSBURY}/packs/${MONTH}/draft.pdf`, {
      headers: { cookie: cookies.chair! },
    });
    expect(draftPdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      (
        await fetch(`${url}/api/staff/wards/${BLOOMSBURY}/packs/${MONTH}/draft.pdf`, {
          headers: { cookie: cookies.member! },
        })
      ).status,
    ).toBe(403);
    const unpublished = await trpcQuery("crimePacks.publishedPage", { wardCode: BLOOMSBURY, month: MONTH });
    expect(unpublished.status).toBe(404);
    expect((await json(unpublished)).error.message).toBe("This ward has no published update for that month");
    expect((await post("/trpc/crimePacks.publish", { wardCode: BLOOMSBURY, month: MONTH }, cookies.chair)).status).toBe(
      403,
    );

    const saved = await post(
      "/trpc/crimePacks.saveText",
      { wardCode: BLOOMSBURY, month: MONTH, commentary: "Burglary is our priority this winter.", partnerActions: "" },
      cookies.sergeant,
    );
    expect(saved.status).toBe(200);
    const started = Date.now();
    const published = await post("/trpc/crimePacks.publish", { wardCode: BLOOMSBURY, month: MONTH }, cookies.sergeant);
    expect(published.status).toBe(200);
    expect((await json(published)).result.data).toMatchObject({ queued: 1 });
    expect(Date.now() - started).toBeLessThan(2000);

    await waitFor(() => mailTo("confirmed@example.test").length === 2, "the pack e-mail");
    const mail = mailTo("confirmed@example.test")[1]!;
    expect(mail.headers).toMatch(/^Subject: Bloomsbury: crime and policing update for December 2024/m);
    expect(mail.headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    const header =
      /^List-Unsubscribe: <https:\/\/wardpanel\.example(\/api\/subscriptions\/unsubscribe\/([A-Za-z0-9_-]+))>/m.exec(
        mail.headers,
      );
    expect(header).not.toBeNull();
    expect(mail.body).toContain("Burglary is our priority this winter.");
    expect(mailTo("unconfirmed@example.test")).toHaveLength(1); // the confirmation only

    // Never twice: publishing again is refused, and the queue has nothing left.
    expect(
      (await post("/trpc/crimePacks.publish", { wardCode: BLOOMSBURY, month: MONTH }, cookies.sergeant)).status,
    ).toBe(409);
    await new Promise((r) => setTimeout(r, 600));
    expect(mailTo("confirmed@example.test")).toHaveLength(2);
    expect(countPackEmails(db, findPack(db, { wardCode: BLOOMSBURY, month: MONTH })!.id)).toEqual({
      queued: 0,
      sent: 1,
      failed: 0,
    });

    // A mail program that opens the List-Unsubscribe URL in a browser lands on the page that asks.
    const opened = await fetch(`${url}${header![1]}`, { redirect: "manual" });
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toBe(`/unsubscribe/${header![2]}`);
    const page = await trpcQuery("subscriptions.byUnsubscribeLink", { token: header![2] });
    expect((await json(page)).result.data).toMatchObject({ email: "confirmed@example.test", isUnsubscribed: false });
    // RFC 8058 one-click: a form-encoded POST with no cookie.
    const oneClick = await fetch(`${url}${header![1]}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    expect(await json(oneClick)).toMatchObject({ isUnsubscribed: true, email: "confirmed@example.test" });
    const again = await post("/trpc/subscriptions.unsubscribe", { token: header![2] });
    expect((await json(again)).result.data).toMatchObject({ isUnsubscribed: true });
    const unknown = await fetch(`${url}/api/subscriptions/unsubscribe/${"u".repeat(43)}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(unknown.status).toBe(404);
    expect(await problemOf(unknown)).toMatchObject({
      type: "https://wardpanel.org/problems/not_found",
      detail: "This unsubscribe link is not valid.",
    });
  });

  it("serves the published pack to the public as page data and as a PDF with the ward name and totals", async () => {
    const page = (await json(await trpcQuery("crimePacks.publishedPage", { wardCode: BLOOMSBURY, month: MONTH })))
      .result.data;
    expect(page).toMatchObject({ monthLabel: "December 2024", pdfPath: `/wards/${BLOOMSBURY}/packs/${MONTH}.pdf` });
    expect(page.html).toContain("Burglary is our priority this winter.");
    const pdf = await fetch(`${url}${page.pdfPath}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const { text } = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain("Bloomsbury ward");
    expect(text).toContain(String(page.total));
    const missing = await fetch(`${url}/wards/${BLOOMSBURY}/packs/2024-11.pdf`);
    expect(missing.status).toBe(404);
    expect((await problemOf(missing)).detail).toBe("This ward has no published update for that month");
    const list = (await json(await trpcQuery("crimePacks.published", { wardCode: BLOOMSBURY }))).result.data;
    expect(list.ward).toEqual({ code: BLOOMSBURY, name: "Bloomsbury", nameWelsh: null, boroughName: "Camden" });
    expect(list.packs.map((p: { month: string }) => p.month)).toEqual([MONTH]);
    expect((await trpcQuery("crimePacks.published", { wardCode: "E05999999" })).status).toBe(404);
  });

  it("does not replace a held month until the uploader confirms what changes; confirm replaces; restore brings the rows back; the log lists each", async () => {
    const held = countCrimeMonth(db, { force: MET, month: MONTH }).total;
    expect(held).toBe(4761);
    const oneRow = readFileSync(POLICE_UK_FILES.metStreet202412, "utf8").split("\n").slice(0, 2).join("\n");
    const staged = await upload({ street: { content: oneRow, name: "2024-12-one-row.csv" } }, cookies.analyst);
    expect(staged.status).toBe(409);
    const { type, detail, preview, confirm } = await problemOf(staged);
    expect(type).toBe("https://wardpanel.org/problems/replace-needs-confirming");
    expect(detail).toBe(
      "Metropolitan Police Service already has 2024-12 (4761 rows). Replacing it with this file's 1 row needs confirming. Nothing was changed.",
    );
    expect(preview).toMatchObject({ force: MET, month: MONTH, rowsBefore: 4761, rowsAfter: 1 });
    expect(preview.wards.length).toBeGreaterThan(100);
    expect(preview.wards[0]).toMatchObject({
      wardName: expect.any(String),
      boroughName: expect.any(String),
      before: expect.any(Number),
      after: expect.any(Number),
    });
    expect(confirm).toMatchObject({
      force: "metropolitan",
      stagedImportId: expect.any(Number),
      expiresAt: expect.any(String),
    });
    expect(countCrimeMonth(db, { force: MET, month: MONTH }).total).toBe(4761);

    // Only the uploader confirms their own upload; a sergeant or another force's analyst not at all.
    const confirmAs = (cookie: string | undefined) =>
      post("/trpc/crimeData.confirmUpload", { force: confirm.force, stagedImportId: confirm.stagedImportId }, cookie);
    expect((await confirmAs(cookies.sergeant)).status).toBe(403);
    expect((await confirmAs(cookies["city-analyst"])).status).toBe(403);
    expect(countCrimeMonth(db, { force: MET, month: MONTH }).total).toBe(4761);
    const confirmed = await confirmAs(cookies.analyst);
    expect(confirmed.status).toBe(200);
    expect((await json(confirmed)).result.data.street).toMatchObject({ replaced: 4761, inserted: 1 });
    expect(countCrimeMonth(db, { force: MET, month: MONTH }).total).toBe(1);
    const twice = await confirmAs(cookies.analyst);
    expect(twice.status).toBe(404);
    expect((await json(twice)).error.message).toBe(
      "This upload has expired or has already been imported. Upload the files again.",
    );

    const log = (await json(await trpcQuery("crimeData.imports", { force: "metropolitan" }, cookies.analyst))).result
      .data;
    const replacement = log[0];
    expect(replacement).toMatchObject({
      kind: "street",
      fileName: "2024-12-one-row.csv",
      rowsBefore: 4761,
      rowsAfter: 1,
      canRestore: true,
    });
    const restorePreview = (
      await json(
        await trpcQuery(
          "crimeData.restorePreview",
          { force: "metropolitan", importId: replacement.id },
          cookies.analyst,
        ),
      )
    ).result.data;
    expect(restorePreview).toMatchObject({ rowsBefore: 1, rowsAfter: 4761, heldImportId: replacement.id });
    const restore = { force: "metropolitan", importId: replacement.id, heldImportId: restorePreview.heldImportId };
    expect((await post("/trpc/crimeData.restore", restore, cookies.sergeant)).status).toBe(403);
    const restored = await post("/trpc/crimeData.restore", restore, cookies.analyst);
    expect(restored.status).toBe(200);
    expect(countCrimeMonth(db, { force: MET, month: MONTH }).total).toBe(held);

    const after = (await json(await trpcQuery("crimeData.imports", { force: "metropolitan" }, cookies.analyst))).result
      .data;
    expect(
      after.map((e: { kind: string; rowsBefore: number | null; rowsAfter: number | null }) => [
        e.kind,
        e.rowsBefore,
        e.rowsAfter,
      ]),
    ).toEqual([
      ["restore", 1, 4761],
      ["street", 4761, 1],
      ["outcomes", null, null],
      ["street", 0, 4761],
    ]);
  });

  it("refuses a crime already held for another month with its file and line, and keeps the month that holds it", async () => {
    const lines = readFileSync(POLICE_UK_FILES.metStreet202412, "utf8")
      .split("\n")
      .slice(0, 4)
      .map((l, i) => (i === 0 ? l : l.replace(",2024-12,", ",2024-11,")));
    const response = await upload(
      { street: { content: lines.join("\n"), name: "2024-11-metropolitan-street.csv" } },
      cookies.analyst,
    );
    expect(response.status).toBe(400);
    const body = await problemOf(response);
    expect(body).toMatchObject({ field: "street" });
    expect(body.detail).toMatch(
      /^2024-11-metropolitan-street\.csv was not imported\. Line 2: Crime ID \w+ is already held for 2024-12, and a crime belongs to one month \(2 more rows clash the same way\)\. Nothing was changed\.$/,
    );
    expect(countCrimeMonth(db, { force: MET, month: MONTH }).total).toBe(4761);
    expect(countCrimeMonth(db, { force: MET, month: "2024-11" }).total).toBe(0);
  });
});
