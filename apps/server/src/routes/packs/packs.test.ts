import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { createSignInLimiter } from "@wardpanel/api";
import type { Db } from "@wardpanel/db/client";
import { countCrimeMonth } from "@wardpanel/db/queries/crimes";
import { countPackEmails } from "@wardpanel/db/queries/packs-emails";
import { findPack } from "@wardpanel/db/queries/packs";
import { createTestDb, seedUser, TEST_PASSWORD } from "@wardpanel/db/testing";
import { pdfText, POLICE_UK_FILES } from "@wardpanel/packs/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../app";
import { startTestSmtpServer } from "./testing-smtp";

const BLOOMSBURY = "E05013653";
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
    fetch(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
  const upload = (files: Record<string, { content: Buffer | string; name: string }>, cookie?: string) => {
    const form = new FormData();
    for (const [field, f] of Object.entries(files)) form.append(field, new Blob([f.content]), f.name);
    return fetch(`${url}/api/staff/crime-imports`, { method: "POST", body: form, headers: cookie ? { cookie } : {} });
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
    await seedUser(db, { email: "analyst@example.test", name: "Mo Analyst", roles: [{ role: "analyst", force: "metropolitan" }] });
    await seedUser(db, { email: "city-analyst@example.test", roles: [{ role: "analyst", force: "city-of-london" }] });
    const mail = { SMTP_URL: smtp.url, PACK_MAIL_POLL_MS: 200, PACK_TOKEN_SECRET: "a-test-secret-that-is-long-enough-1234", PUBLIC_BASE_URL: "https://wardpanel.example" };
    app = await buildServer({ db, env: { COOKIE_SECURE: false, TRUST_PROXY: false, WEB_DIST: "/nonexistent", LOG_LEVEL: "silent", ...mail }, signInLimiter: createSignInLimiter() });
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

  const trpcQuery = (path: string, input: unknown, cookie?: string) =>
    fetch(`${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: cookie ? { cookie } : {} });
  const metStreet = { content: readFileSync(POLICE_UK_FILES.metStreet202412), name: "2024-12-metropolitan-street.csv" };
  const MET = "Metropolitan Police Service";

  it("lets only the force's analysts (and admins) upload, refuses a bad file with its line, and imports the real Met month", async () => {
    const outcomes = { content: readFileSync(POLICE_UK_FILES.metOutcomes202412), name: "2024-12-metropolitan-outcomes.csv" };
    expect((await upload({ street: metStreet })).status).toBe(401);
    expect((await upload({ street: metStreet }, cookies.chair)).status).toBe(403);
    const sergeant = await upload({ street: metStreet }, cookies.sergeant);
    expect(sergeant.status).toBe(403);
    expect((await json(sergeant)).error).toBe("Only a crime data analyst for the force, or an admin, can import crime data");
    const otherForce = await upload({ street: metStreet }, cookies["city-analyst"]);
    expect(otherForce.status).toBe(403);
    expect((await json(otherForce)).error).toBe("These files are from the Metropolitan Police Service; you import crime data for the City of London Police. Nothing was changed.");
    expect(countCrimeMonth(db, { force: MET, month: MONTH }).total).toBe(0);

    const lines = readFileSync(POLICE_UK_FILES.metStreet202412, "utf8").split("\n");
    lines[41] = lines[41]!.replace(/,Burglary,/, ",Burglery,");
    const bad = await upload({ street: { content: lines.join("\n"), name: "bad.csv" } }, cookies.analyst);
    expect(bad.status).toBe(422);
    expect(await json(bad)).toMatchObject({ field: "street", line: 42, error: expect.stringContaining("bad.csv was not imported. Line 42: Crime type \"Burglery\"") });

    const good = await upload({ street: metStreet, outcomes }, cookies.analyst);
    expect(good.status).toBe(201);
    const result = await json(good);
    expect(result.street.summary).toMatchObject({ total: 4761, inWards: 4757, noLocation: 0, outsideWards: 2, outsideForceArea: 2 });
    expect(result.outcomes).toMatchObject({ rows: 2474, updates: 2409, unmatched: 0 });
    const log = await json(await trpcQuery("crimeData.imports", { force: "metropolitan" }, cookies.analyst));
    expect(log.result.data.map((e: { kind: string; importedByName: string }) => [e.kind, e.importedByName])).toEqual([["outcomes", "Mo Analyst"], ["street", "Mo Analyst"]]);
    expect((await trpcQuery("crimeData.imports", { force: "metropolitan" }, cookies.sergeant)).status).toBe(403);
    expect((await trpcQuery("crimeData.imports", { force: "metropolitan" }, cookies["city-analyst"])).status).toBe(403);

    // Drafting many wards' packs is the analysts' too, for boroughs their force polices.
    expect((await post("/api/staff/pack-drafts", { month: "2024-11", boroughCode: "E09000007" }, cookies.sergeant)).status).toBe(403);
    expect((await post("/api/staff/pack-drafts", { month: "2024-11", boroughCode: "E09000007" }, cookies["city-analyst"])).status).toBe(403);
    const drafts = await post("/api/staff/pack-drafts", { month: "2024-11", boroughCode: "E09000007" }, cookies.analyst);
    expect(drafts.status).toBe(200);
    expect((await drafts.text()).trim().split("\n").at(-1)).toMatch(/^\{"result":/);
  });

  it("double opt-in: a confirmed subscriber gets the published pack once, an unconfirmed one does not, and one click unsubscribes", async () => {
    for (const email of ["confirmed@example.test", "unconfirmed@example.test"]) {
      const response = await post(`/api/wards/${BLOOMSBURY}/subscriptions`, { email });
      expect(response.status).toBe(202);
    }
    expect((await post(`/api/wards/${BLOOMSBURY}/subscriptions`, { email: "not an address" })).status).toBe(400);
    await waitFor(() => mailTo("confirmed@example.test").length === 1, "the confirmation e-mail");
    const link = /https:\/\/wardpanel\.example\/subscriptions\/confirm\/([A-Za-z0-9_-]+)/.exec(mailTo("confirmed@example.test")[0]!.body);
    expect(link).not.toBeNull();
    const confirmed = await post(`/api/subscriptions/confirm/${link![1]}`, {});
    expect(await json(confirmed)).toMatchObject({ wardCode: BLOOMSBURY, wardName: "Bloomsbury", email: "confirmed@example.test" });

    // The chair may read the draft but not publish; the sergeant writes commentary and publishes.
    const draft = await fetch(`${url}/api/staff/wards/${BLOOMSBURY}/packs/${MONTH}`, { headers: { cookie: cookies.chair! } });
    expect(draft.status).toBe(200);
    expect(await json(draft)).toMatchObject({ status: "draft", title: "Bloomsbury ward: crime and policing update, December 2024" });
    expect((await fetch(`${url}/api/staff/wards/${BLOOMSBURY}/packs/${MONTH}`, { headers: { cookie: cookies.member! } })).status).toBe(403);
    expect((await fetch(`${url}/api/wards/${BLOOMSBURY}/packs/${MONTH}`)).status).toBe(404);
    expect((await post("/trpc/crimePacks.publish", { wardCode: BLOOMSBURY, month: MONTH }, cookies.chair)).status).toBe(403);

    const saved = await post("/trpc/crimePacks.saveText", { wardCode: BLOOMSBURY, month: MONTH, commentary: "Burglary is our priority this winter.", partnerActions: "" }, cookies.sergeant);
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
    const header = /^List-Unsubscribe: <https:\/\/wardpanel\.example(\/api\/subscriptions\/unsubscribe\/[A-Za-z0-9_-]+)>/m.exec(mail.headers);
    expect(header).not.toBeNull();
    expect(mail.body).toContain("Burglary is our priority this winter.");
    expect(mailTo("unconfirmed@example.test")).toHaveLength(1); // the confirmation only

    // Never twice: publishing again is refused, and the queue has nothing left.
    expect((await post("/trpc/crimePacks.publish", { wardCode: BLOOMSBURY, month: MONTH }, cookies.sergeant)).status).toBe(409);
    await new Promise((r) => setTimeout(r, 600));
    expect(mailTo("confirmed@example.test")).toHaveLength(2);
    expect(countPackEmails(db, findPack(db, { wardCode: BLOOMSBURY, month: MONTH })!.id)).toEqual({ queued: 0, sent: 1, failed: 0 });

    // RFC 8058 one-click: a form-encoded POST with no cookie.
    const oneClick = await fetch(`${url}${header![1]}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
    expect(oneClick.status).toBe(200);
    expect(await json(oneClick)).toMatchObject({ isUnsubscribed: true, email: "confirmed@example.test" });
  });

  it("serves the published pack to the public as page data and as a PDF with the ward name and totals", async () => {
    const page = await json(await fetch(`${url}/api/wards/${BLOOMSBURY}/packs/${MONTH}`));
    expect(page).toMatchObject({ status: "published", monthLabel: "December 2024", pdfPath: `/wards/${BLOOMSBURY}/packs/${MONTH}.pdf` });
    expect(page.html).toContain("Burglary is our priority this winter.");
    const pdf = await fetch(`${url}${page.pdfPath}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const { text } = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain("Bloomsbury ward");
    expect(text).toContain(String(page.total));
    expect((await fetch(`${url}/wards/${BLOOMSBURY}/packs/2024-11.pdf`)).status).toBe(404);
    const list = await json(await fetch(`${url}/api/wards/${BLOOMSBURY}/packs`));
    expect(list.packs.map((p: { month: string }) => p.month)).toEqual([MONTH]);
  });

  it("does not replace a held month until the uploader confirms what changes; confirm replaces; restore brings the rows back; the log lists each", async () => {
    const held = countCrimeMonth(db, { force: MET, month: MONTH }).total;
    expect(held).toBe(4761);
    const oneRow = readFileSync(POLICE_UK_FILES.metStreet202412, "utf8").split("\n").slice(0, 2).join("\n");
    const staged = await upload({ street: { content: oneRow, name: "2024-12-one-row.csv" } }, cookies.analyst);
    expect(staged.status).toBe(409);
    const { error, preview, confirm } = await json(staged);
    expect(error).toBe("Metropolitan Police Service already has 2024-12 (4761 rows). Replacing it with this file's 1 row needs confirming. Nothing was changed.");
    expect(preview).toMatchObject({ force: MET, month: MONTH, rowsBefore: 4761, rowsAfter: 1 });
    expect(preview.wards.length).toBeGreaterThan(100);
    expect(preview.wards[0]).toMatchObject({ wardName: expect.any(String), boroughName: expect.any(String), before: expect.any(Number), after: expect.any(Number) });
    expect(countCrimeMonth(db, { force: MET, month: MONTH }).total).toBe(4761);

    // Only the uploader confirms their own upload; a sergeant not at all.
    const confirmAs = (cookie: string | undefined) => fetch(`${url}${confirm.path}`, { method: "POST", headers: { cookie: cookie ?? "" } });
    expect((await confirmAs(cookies.sergeant)).status).toBe(403);
    expect((await confirmAs(cookies["city-analyst"])).status).toBe(404);
    expect(countCrimeMonth(db, { force: MET, month: MONTH }).total).toBe(4761);
    const confirmed = await confirmAs(cookies.analyst);
    expect(confirmed.status).toBe(201);
    expect((await json(confirmed)).street).toMatchObject({ replaced: 4761, inserted: 1 });
    expect(countCrimeMonth(db, { force: MET, month: MONTH }).total).toBe(1);
    expect((await confirmAs(cookies.analyst)).status).toBe(404);

    const log = (await json(await trpcQuery("crimeData.imports", { force: "metropolitan" }, cookies.analyst))).result.data;
    const replacement = log[0];
    expect(replacement).toMatchObject({ kind: "street", fileName: "2024-12-one-row.csv", rowsBefore: 4761, rowsAfter: 1, canRestore: true });
    const restorePreview = (await json(await trpcQuery("crimeData.restorePreview", { force: "metropolitan", importId: replacement.id }, cookies.analyst))).result.data;
    expect(restorePreview).toMatchObject({ rowsBefore: 1, rowsAfter: 4761, heldImportId: replacement.id });
    const restore = { force: "metropolitan", importId: replacement.id, heldImportId: restorePreview.heldImportId };
    expect((await post("/trpc/crimeData.restore", restore, cookies.sergeant)).status).toBe(403);
    const restored = await post("/trpc/crimeData.restore", restore, cookies.analyst);
    expect(restored.status).toBe(200);
    expect(countCrimeMonth(db, { force: MET, month: MONTH }).total).toBe(held);

    const after = (await json(await trpcQuery("crimeData.imports", { force: "metropolitan" }, cookies.analyst))).result.data;
    expect(after.map((e: { kind: string; rowsBefore: number | null; rowsAfter: number | null }) => [e.kind, e.rowsBefore, e.rowsAfter])).toEqual([
      ["restore", 1, 4761],
      ["street", 4761, 1],
      ["outcomes", null, null],
      ["street", 0, 4761],
    ]);
  });

  it("refuses a crime already held for another month with its file and line, and keeps the month that holds it", async () => {
    const lines = readFileSync(POLICE_UK_FILES.metStreet202412, "utf8").split("\n").slice(0, 4).map((l, i) => (i === 0 ? l : l.replace(",2024-12,", ",2024-11,")));
    const response = await upload({ street: { content: lines.join("\n"), name: "2024-11-metropolitan-street.csv" } }, cookies.analyst);
    expect(response.status).toBe(422);
    const body = await json(response);
    expect(body).toMatchObject({ field: "street", line: 2 });
    expect(body.error).toMatch(/^2024-11-metropolitan-street\.csv was not imported\. Line 2: Crime ID \w+ is already held for 2024-12, and a crime belongs to one month \(2 more rows clash the same way\)\. Nothing was changed\.$/);
    expect(countCrimeMonth(db, { force: MET, month: MONTH }).total).toBe(4761);
    expect(countCrimeMonth(db, { force: MET, month: "2024-11" }).total).toBe(0);
  });
});
