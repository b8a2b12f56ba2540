import { request as httpRequest } from "node:http";

import type { Db } from "@wardpanel/db/client";
import { createTestDb, seedUser, TEST_PASSWORD } from "@wardpanel/db/testing";
import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";

import { buildServer } from "./app";
import { startTestSmtpServer } from "./mail/testing-smtp";

const BLOOMSBURY = "E05013653";
const PUBLIC_BASE_URL = "https://wardpanel.example";
const FORGED_HOST = "attacker.example";
const NEW_PASSWORD = "kettle orchard lamp 42";

// Response bodies are JSON whose shape each test asserts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** A POST over real HTTP with any Host header (fetch will not send a forged one). */
function post(
  url: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Json; setCookie: string }> {
  const target = new URL(path, url);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: "POST",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload), ...headers },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: text ? JSON.parse(text) : null,
            setCookie: String(res.headers["set-cookie"] ?? ""),
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

const getJson = async (url: string, path: string, cookie?: string) => {
  const response = await fetch(new URL(path, url), { headers: cookie ? { cookie } : {} });
  return { status: response.status, body: (await response.json()) as Json };
};
const trpcQuery = (procedure: string, input: unknown) =>
  `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;
const cookieOf = (setCookie: string) => setCookie.split(";")[0]!;

async function waitFor(check: () => boolean, what: string) {
  for (let i = 0; i < 100 && !check(); i += 1) await new Promise((r) => setTimeout(r, 50));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

describe("accounts and e-mail links over real HTTP and SMTP", () => {
  let running: { app: FastifyInstance; smtp: Awaited<ReturnType<typeof startTestSmtpServer>> } | null = null;
  afterEach(async () => {
    await running?.app.close();
    await running?.smtp.close();
    running = null;
  });

  /** A listening server over a fresh database, mailing through a real SMTP server in this process. */
  async function start(seed: (db: Db) => Promise<void>, smtpOptions: { delayMs?: number } = {}) {
    const smtp = await startTestSmtpServer(smtpOptions);
    const db = createTestDb();
    await seed(db);
    const env = {
      COOKIE_SECURE: false,
      TRUST_PROXY: false as const,
      WEB_DIST: "/nonexistent",
      LOG_LEVEL: "silent" as const,
      SMTP_URL: smtp.url,
      PUBLIC_BASE_URL,
      PACK_TOKEN_SECRET: "a-test-secret-that-is-long-enough-1234",
    };
    const app = await buildServer({ db, env });
    running = { app, smtp };
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    const mailTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
    return { url, smtp, mailTo };
  }

  it("e-mails a reset link built from PUBLIC_BASE_URL, never the Host header; it works once and ends every session", async () => {
    const { url, mailTo } = await start(
      async (db) => void (await seedUser(db, { email: "jo@example.test", name: "Jo Okafor" })),
    );
    const signedIn = await post(url, "/trpc/auth.signIn", { email: "jo@example.test", password: TEST_PASSWORD });
    const oldSession = cookieOf(signedIn.setCookie);

    const asked = await post(
      url,
      "/trpc/account.requestPasswordReset",
      { email: "jo@example.test" },
      { host: FORGED_HOST },
    );
    expect(asked.status).toBe(200);
    expect(asked.body.result.data.message).toBe(
      "If jo@example.test is the address of a Ward Panel account, we have sent a link to it. The link works for 1 hour.",
    );
    await waitFor(() => mailTo("jo@example.test").length === 1, "the reset e-mail");
    const mail = mailTo("jo@example.test")[0]!;
    expect(mail.headers).toMatch(/^Subject: Choose a new Ward Panel password/m);
    expect(mail.body).toContain("Hello Jo Okafor");
    expect(mail.raw).not.toContain(FORGED_HOST);
    const link = /https:\/\/wardpanel\.example\/reset-password\/([A-Za-z0-9_-]{27})\b/.exec(mail.body);
    expect(link).not.toBeNull();
    const token = link![1]!;

    expect((await getJson(url, trpcQuery("account.resetLink", { token }))).body.result.data).toEqual({
      name: "Jo Okafor",
      email: "jo@example.test",
    });
    const reset = await post(url, "/trpc/account.resetPassword", {
      token,
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(reset.status).toBe(200);

    expect((await getJson(url, "/trpc/auth.me", oldSession)).body.result.data).toBeNull();
    expect((await post(url, "/trpc/auth.signIn", { email: "jo@example.test", password: TEST_PASSWORD })).status).toBe(
      400,
    );
    expect((await post(url, "/trpc/auth.signIn", { email: "jo@example.test", password: NEW_PASSWORD })).status).toBe(
      200,
    );
    const again = await post(url, "/trpc/account.resetPassword", {
      token,
      password: "another long password 7",
      confirmPassword: "another long password 7",
    });
    expect(again.status).toBe(404);
    expect(again.body.error.data.field).toBe("token");
  });

  it("answers an unknown address the same, at the same speed, even when the mail server is slow", async () => {
    const { url, mailTo } = await start(
      async (db) => {
        for (const n of [1, 2, 3]) await seedUser(db, { email: `known${n}@example.test` });
      },
      { delayMs: 600 },
    );
    const timed = async (email: string) => {
      const started = performance.now();
      const answer = await post(url, "/trpc/account.requestPasswordReset", { email });
      return {
        ms: performance.now() - started,
        message: String(answer.body.result.data.message).replace(email, "ADDRESS"),
      };
    };
    const known = [
      await timed("known1@example.test"),
      await timed("known2@example.test"),
      await timed("known3@example.test"),
    ];
    const unknown = [
      await timed("nobody1@example.test"),
      await timed("nobody2@example.test"),
      await timed("nobody3@example.test"),
    ];
    expect(new Set([...known, ...unknown].map((a) => a.message)).size).toBe(1);
    const median = (answers: { ms: number }[]) => answers.map((a) => a.ms).sort((a, b) => a - b)[1]!;
    // Had the answer waited for the mail server, a known address would take 600 ms longer.
    expect(Math.abs(median(known) - median(unknown))).toBeLessThan(300);
    await waitFor(() => mailTo("known3@example.test").length === 1, "the slow e-mails");
    expect(mailTo("nobody1@example.test")).toEqual([]);
  });

  it("limits e-mails to one address and from one connection with a 429 that says how long to wait", async () => {
    const { url, mailTo } = await start(async () => {});
    const subscribe = (email: string) => post(url, "/trpc/subscriptions.request", { wardCode: BLOOMSBURY, email });
    const burst = await Promise.all(Array.from({ length: 23 }, () => subscribe("flooded@example.test")));
    expect(burst.filter((r) => r.status === 200)).toHaveLength(3);
    const limited = burst.filter((r) => r.status === 429);
    expect(limited).toHaveLength(20);
    expect(limited[0]!.body.error.message).toBe(
      "Too many e-mails have been sent to this address recently. Wait 60 minutes and try again.",
    );
    expect(limited[0]!.body.error.data.field).toBe("email");
    await waitFor(() => mailTo("flooded@example.test").length === 3, "three confirmations");

    for (let i = 0; i < 17; i++) expect((await subscribe(`reader${i}@example.test`)).status).toBe(200);
    const fromHere = await subscribe("one.more@example.test");
    expect(fromHere.status).toBe(429);
    expect(fromHere.body.error.message).toMatch(
      /^Too many e-mails have been asked for from your connection\. Wait \d+ minutes and try again\.$/,
    );

    for (let i = 0; i < 3; i++)
      expect(
        (await post(url, "/trpc/account.requestPasswordReset", { email: "reset.target@example.test" })).status,
      ).toBe(200);
    const reset = await post(url, "/trpc/account.requestPasswordReset", { email: "reset.target@example.test" });
    expect(reset.status).toBe(429);
    expect(reset.body.error.message).toMatch(/Too many e-mails have been sent to this address recently/);
    expect(reset.body.error.data.field).toBe("email");
  });

  it("puts the ward's name and the configured address, not the Host header, in the subscription confirmation", async () => {
    const { url, mailTo } = await start(async () => {});
    const asked = await post(
      url,
      "/trpc/subscriptions.request",
      { wardCode: BLOOMSBURY, email: "reader@example.test" },
      { host: FORGED_HOST },
    );
    expect(asked.status).toBe(200);
    await waitFor(() => mailTo("reader@example.test").length === 1, "the confirmation");
    const mail = mailTo("reader@example.test")[0]!;
    expect(mail.headers).toMatch(/^Subject: Confirm your Ward Panel updates for Bloomsbury/m);
    expect(mail.body).toContain("monthly crime and policing updates for Bloomsbury ward");
    expect(mail.body).toMatch(/https:\/\/wardpanel\.example\/subscriptions\/confirm\/[A-Za-z0-9_-]{27}/);
    expect(mail.raw).not.toContain(FORGED_HOST);
  });

  it("writes the confirmation in the language the resident chose, and English for a language it has no catalogue for", async () => {
    const { url, mailTo } = await start(async () => {});
    await post(url, "/trpc/subscriptions.request", {
      wardCode: BLOOMSBURY,
      email: "darllenydd@example.test",
      language: "cy",
    });
    await post(url, "/trpc/subscriptions.request", {
      wardCode: BLOOMSBURY,
      email: "czytelnik@example.test",
      language: "pl",
    });
    await waitFor(() => mailTo("darllenydd@example.test").length === 1, "the Welsh confirmation");
    const welsh = mailTo("darllenydd@example.test")[0]!;
    expect(welsh.headers).toMatch(/^Subject: Cadarnhewch eich diweddariadau Ward Panel ar gyfer Bloomsbury/m);
    expect(welsh.body).toContain("Os nad chi oedd hwn, anwybyddwch yr e-bost hwn");
    await waitFor(() => mailTo("czytelnik@example.test").length === 1, "the fallback confirmation");
    expect(mailTo("czytelnik@example.test")[0]!.headers).toMatch(/^Subject: Confirm your Ward Panel updates/m);
  });

  it("e-mails invitations and an admin's new links; each newer link voids the one before", async () => {
    const { url, mailTo } = await start(async (db) => {
      await seedUser(db, { email: "admin@example.test", name: "Ada Admin", roles: [{ role: "admin" }] });
      await seedUser(db, { email: "has.password@example.test", name: "Sam Lee" });
    });
    const admin = cookieOf(
      (await post(url, "/trpc/auth.signIn", { email: "admin@example.test", password: TEST_PASSWORD })).setCookie,
    );
    const invited = await post(
      url,
      "/trpc/people.invite",
      { email: "rosa@example.test", name: "Rosa Quinn", grant: { role: "chair", wardCode: BLOOMSBURY } },
      { cookie: admin, host: FORGED_HOST },
    );
    expect(invited.body.result.data).toMatchObject({
      emailed: true,
      link: expect.stringMatching(/^https:\/\/wardpanel\.example\/invite\//),
    });
    await waitFor(() => mailTo("rosa@example.test").length === 1, "the invitation");
    const invitation = mailTo("rosa@example.test")[0]!;
    expect(invitation.headers).toMatch(/^Subject: Your invitation to Ward Panel/m);
    expect(invitation.body).toContain("Ada Admin has invited you");
    const firstToken = /\/invite\/([A-Za-z0-9_-]{27})/.exec(invitation.body)![1]!;

    const userId = invited.body.result.data.userId as number;
    const reissued = await post(url, "/trpc/people.sendAccountLink", { userId }, { cookie: admin });
    expect(reissued.body.result.data).toMatchObject({ purpose: "invitation", emailed: true });
    await waitFor(() => mailTo("rosa@example.test").length === 2, "the second invitation");
    expect((await getJson(url, trpcQuery("auth.invitation", { token: firstToken }))).status).toBe(404);
    const secondToken = /\/invite\/([A-Za-z0-9_-]{27})/.exec(mailTo("rosa@example.test")[1]!.body)![1]!;
    expect((await getJson(url, trpcQuery("auth.invitation", { token: secondToken }))).body.result.data).toEqual({
      name: "Rosa Quinn",
      email: "rosa@example.test",
    });

    const people = (await getJson(url, "/trpc/people.list", admin)).body.result.data as { id: number; email: string }[];
    const sam = people.find((p) => p.email === "has.password@example.test")!;
    const resetLink = await post(url, "/trpc/people.sendAccountLink", { userId: sam.id }, { cookie: admin });
    expect(resetLink.body.result.data).toMatchObject({
      purpose: "reset",
      emailed: true,
      link: expect.stringMatching(/^https:\/\/wardpanel\.example\/reset-password\//),
    });
    await waitFor(() => mailTo("has.password@example.test").length === 1, "the admin's reset link");
    expect(mailTo("has.password@example.test")[0]!.body).toContain(
      "Ada Admin, your Ward Panel admin, has sent you a link",
    );
  });
});
