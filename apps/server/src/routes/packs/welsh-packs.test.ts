import { createSignInLimiter } from "@wardpanel/api";
import type { Db } from "@wardpanel/db/client";
import { ensureDraftPack } from "@wardpanel/db/queries/packs";
import { createTestDb, seedUser, TEST_PASSWORD } from "@wardpanel/db/testing";
import { BLOOMSBURY, importMetDecember, pdfText } from "@wardpanel/packs/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildServer } from "../../app";
import { startTestSmtpServer } from "../../mail/testing-smtp";

const MONTH = "2024-12";
const WELSH = "cymraeg@example.test";
const ENGLISH = "english@example.test";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (response: Response): Promise<any> => response.json();
/** The test server decodes quoted-printable byte by byte: read those bytes back as UTF-8. */
const utf8 = (text: string) => Buffer.from(text, "latin1").toString("utf8");

describe("a published pack in each reader's language, over real HTTP and SMTP", () => {
  let db: Db;
  let app: FastifyInstance;
  let url: string;
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;

  const post = (path: string, body: unknown, cookie?: string) =>
    fetch(`${url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
  const trpcQuery = (path: string, input: unknown) =>
    fetch(`${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
  const mailTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
  const waitFor = async (check: () => boolean, what: string) => {
    for (let i = 0; i < 100 && !check(); i += 1) await new Promise((r) => setTimeout(r, 100));
    if (!check()) throw new Error(`timed out waiting for ${what}`);
  };

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    db = createTestDb();
    await importMetDecember(db);
    await seedUser(db, { email: "sergeant@example.test", roles: [{ role: "sergeant", wardCode: BLOOMSBURY }] });
    app = await buildServer({
      db,
      env: {
        COOKIE_SECURE: false,
        TRUST_PROXY: false,
        WEB_DIST: "/nonexistent",
        LOG_LEVEL: "silent",
        SMTP_URL: smtp.url,
        PACK_MAIL_POLL_MS: 200,
        PACK_TOKEN_SECRET: "a-test-secret-that-is-long-enough-1234",
        PUBLIC_BASE_URL: "https://wardpanel.example",
      },
      signInLimiter: createSignInLimiter(),
    });
    url = await app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  it("e-mails a Welsh and an English subscriber each in their recorded language when the pack is published", async () => {
    // Both subscribe (one in Welsh) and confirm through the links they are sent.
    for (const [email, language] of [
      [WELSH, "cy"],
      [ENGLISH, undefined],
    ] as const) {
      expect((await post("/trpc/subscriptions.request", { wardCode: BLOOMSBURY, email, language })).status).toBe(200);
      await waitFor(() => mailTo(email).length === 1, `${email}'s confirmation`);
      const token = /\/subscriptions\/confirm\/([A-Za-z0-9_-]+)/.exec(mailTo(email)[0]!.body)?.[1];
      expect((await post("/trpc/subscriptions.confirm", { token })).status).toBe(200);
    }

    const sergeant = (
      (await post("/trpc/auth.signIn", { email: "sergeant@example.test", password: TEST_PASSWORD })).headers.get(
        "set-cookie",
      ) ?? ""
    ).split(";")[0];
    ensureDraftPack(db, { wardCode: BLOOMSBURY, month: MONTH, now: new Date() });
    const commentary = "Burglary is our priority this winter.";
    const ref = { wardCode: BLOOMSBURY, month: MONTH };
    expect((await post("/trpc/crimePacks.saveText", { ...ref, commentary, partnerActions: "" }, sergeant)).status).toBe(
      200,
    );
    const published = await post("/trpc/crimePacks.publish", ref, sergeant);
    expect((await json(published)).result.data).toMatchObject({ queued: 2 });
    await waitFor(() => mailTo(WELSH).length === 2 && mailTo(ENGLISH).length === 2, "both pack e-mails");

    const welsh = mailTo(WELSH)[1]!;
    expect(welsh.headers).toMatch(/^Subject: Bloomsbury: diweddariad troseddu a phlismona ar gyfer Rhagfyr 2024/m);
    const welshBody = utf8(welsh.body);
    // The plain-text part and the HTML part, both Welsh; the links ask for the Welsh page and PDF.
    expect(welshBody).toContain("YN ÔL MATH O DROSEDD");
    expect(welshBody).toContain('<h2 style="font-size:18px;margin:16px 0 4px">Yn ôl math o drosedd</h2>');
    expect(welshBody).toContain('<html lang="cy">');
    expect(welshBody).toContain("Byrgleriaeth");
    expect(welshBody).toContain("Mewn argyfwng, ffoniwch 999 bob amser.");
    expect(welshBody).toContain("Dad-danysgrifio ag un clic");
    expect(welshBody).toMatch(/Dad-danysgrifio: https:\/\/wardpanel\.example\/unsubscribe\/[A-Za-z0-9_-]+\?lang=cy/);
    expect(welshBody).toContain(`https://wardpanel.example/wards/${BLOOMSBURY}/packs/${MONTH}.pdf?lang=cy`);
    expect(welshBody).toContain(commentary); // what the sergeant wrote stays as written
    expect(welshBody).not.toContain("BY TYPE OF CRIME");
    expect(welshBody).not.toContain("Unsubscribe");

    const english = mailTo(ENGLISH)[1]!;
    expect(english.headers).toMatch(/^Subject: Bloomsbury: crime and policing update for December 2024/m);
    const englishBody = utf8(english.body);
    expect(englishBody).toContain("BY TYPE OF CRIME");
    expect(englishBody).toContain('<html lang="en">');
    expect(englishBody).toContain("Unsubscribe with one click");
    expect(englishBody).toMatch(/https:\/\/wardpanel\.example\/wards\/E05013653\/packs\/2024-12\.pdf\s/);
    expect(englishBody).not.toContain("Byrgleriaeth");
  });

  it("serves the page data and the PDF in Welsh when asked, and in English otherwise", async () => {
    const ref = { wardCode: BLOOMSBURY, month: MONTH };
    const welsh = (await json(await trpcQuery("crimePacks.publishedPage", { ...ref, language: "cy" }))).result.data;
    expect(welsh).toMatchObject({
      title: "Ward Bloomsbury: diweddariad troseddu a phlismona, Rhagfyr 2024",
      monthLabel: "Rhagfyr 2024",
      pdfPath: `/wards/${BLOOMSBURY}/packs/${MONTH}.pdf?lang=cy`,
    });
    expect(welsh.html).toContain("Rhagfyr 2024 yn gryno");
    expect(welsh.html).toContain("Dywedoch chi – Gwnaethom ni");
    expect(welsh.map.label).toMatch(/^Map o ward Bloomsbury/);
    // A language with no catalogue is answered in English.
    const polish = (await json(await trpcQuery("crimePacks.publishedPage", { ...ref, language: "pl" }))).result.data;
    expect(polish).toMatchObject({ monthLabel: "December 2024", pdfPath: `/wards/${BLOOMSBURY}/packs/${MONTH}.pdf` });

    const pdf = await fetch(`${url}${welsh.pdfPath}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-language")).toBe("cy");
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(Buffer.from(bytes).toString("latin1")).toContain("/Lang (cy)");
    const { text } = await pdfText(bytes);
    expect(text).toContain("Ward Bloomsbury");
    expect(text).toContain("Rhagfyr 2024");
    expect(text).toContain("Yn ôl math o drosedd");
    expect(text).not.toContain("By type of crime");

    const englishPdf = await fetch(`${url}/wards/${BLOOMSBURY}/packs/${MONTH}.pdf`);
    expect(englishPdf.headers.get("content-language")).toBe("en");
    const english = new Uint8Array(await englishPdf.arrayBuffer());
    expect(Buffer.from(english).toString("latin1")).toContain("/Lang (en)");
    expect((await pdfText(english)).text).toContain("By type of crime");
  });
});
