import { createSignInLimiter } from "@wardpanel/api";
import type { Db } from "@wardpanel/db/client";
import { createTestDb, seedUser, TEST_PASSWORD } from "@wardpanel/db/testing";
import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";

import { buildServer } from "./app";
import type { TrustProxy } from "./trust-proxy";

const BLOOMSBURY = "E05013653";
const WRONG = "not the password";

const running: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close()));
});

/** A listening server on 127.0.0.1; the test itself plays the client, or the proxy in front. */
async function serve(db: Db, trustProxy: TrustProxy, limits: Parameters<typeof createSignInLimiter>[0]) {
  const env = { COOKIE_SECURE: false, TRUST_PROXY: trustProxy, WEB_DIST: "/nonexistent", LOG_LEVEL: "silent" as const };
  const app = await buildServer({ db, env, signInLimiter: createSignInLimiter(limits) });
  running.push(app);
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    signIn: async (email: string, password: string, headers: Record<string, string> = {}) =>
      (
        await fetch(`${url}/trpc/auth.signIn`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify({ email, password }),
        })
      ).status,
    url,
  };
}

async function seededDb() {
  const db = createTestDb();
  await seedUser(db, { email: "target@example.test" });
  await seedUser(db, { email: "sergeant@example.test", roles: [{ role: "sergeant", wardCode: BLOOMSBURY }] });
  return db;
}

const checked = (statuses: number[]) => statuses.filter((status) => status !== 429).length;

describe("sign-in limits over HTTP", () => {
  it("checks at most the limit of passwords in a parallel burst of requests", async () => {
    const { signIn } = await serve(await seededDb(), false, { perAccount: 3, perAddress: 100 });
    const statuses = await Promise.all(Array.from({ length: 40 }, () => signIn("target@example.test", WRONG)));
    expect(checked(statuses)).toBe(3);
    expect(statuses.filter((s) => s === 400)).toHaveLength(3);
  });

  it("checks at most the limit of passwords in one tRPC batch", async () => {
    const { url } = await serve(await seededDb(), false, { perAccount: 3, perAddress: 100 });
    // Eight is the most that fit in Fastify's 100-character route parameter.
    const size = 8;
    const paths = Array.from({ length: size }, () => "auth.signIn").join(",");
    const inputs = Object.fromEntries(
      Array.from({ length: size }, (_, i) => [String(i), { email: "target@example.test", password: `guess ${i}` }]),
    );
    const response = await fetch(`${url}/trpc/${paths}?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(inputs),
    });
    const answers = (await response.json()) as { error?: { data: { httpStatus: number } } }[];
    expect(answers).toHaveLength(size);
    expect(checked(answers.map((answer) => answer.error?.data.httpStatus ?? 200))).toBe(3);
  });
});

describe("which address a request counts against", () => {
  it("ignores a client's own X-Forwarded-For when no proxy is trusted", async () => {
    const { signIn } = await serve(await seededDb(), false, { perAccount: 3, perAddress: 100 });
    for (const forged of ["198.51.100.1", "198.51.100.2", "198.51.100.3"]) {
      expect(await signIn("target@example.test", WRONG, { "x-forwarded-for": forged })).toBe(400);
    }
    expect(await signIn("target@example.test", WRONG, { "x-forwarded-for": "198.51.100.4" })).toBe(429);
  });

  it("ignores X-Forwarded-For from a connection that is not a listed proxy", async () => {
    const { signIn } = await serve(await seededDb(), ["10.0.0.5"], { perAccount: 1, perAddress: 100 });
    expect(await signIn("target@example.test", WRONG, { "x-forwarded-for": "198.51.100.1" })).toBe(400);
    expect(await signIn("target@example.test", WRONG, { "x-forwarded-for": "198.51.100.2" })).toBe(429);
  });

  it.each([
    ["one hop", 1],
    ["a listed proxy", ["loopback"]],
  ] as const)(
    "with TRUST_PROXY as %s, counts the client the proxy saw, not one the client wrote",
    async (_name, trustProxy) => {
      const { signIn } = await serve(await seededDb(), typeof trustProxy === "number" ? trustProxy : [...trustProxy], {
        perAccount: 2,
        perAddress: 100,
      });
      const client = "203.0.113.5";
      expect(await signIn("target@example.test", WRONG, { "x-forwarded-for": client })).toBe(400);
      expect(await signIn("target@example.test", WRONG, { "x-forwarded-for": client })).toBe(400);
      expect(await signIn("target@example.test", WRONG, { "x-forwarded-for": client })).toBe(429);
      // The client prepends an address of its choosing; the proxy appends the real one.
      expect(await signIn("target@example.test", WRONG, { "x-forwarded-for": `198.51.100.66, ${client}` })).toBe(429);
      // Another client behind the same proxy has its own count.
      expect(await signIn("target@example.test", TEST_PASSWORD, { "x-forwarded-for": "203.0.113.6" })).toBe(200);
    },
  );

  it("counts one IPv6 /64 as one address", async () => {
    const { signIn } = await serve(await seededDb(), 1, { perAccount: 2, perAddress: 100 });
    expect(await signIn("target@example.test", WRONG, { "x-forwarded-for": "2001:db8:1:2::a" })).toBe(400);
    expect(await signIn("target@example.test", WRONG, { "x-forwarded-for": "2001:db8:1:2::b" })).toBe(400);
    expect(await signIn("target@example.test", WRONG, { "x-forwarded-for": "2001:db8:1:2:ffff::c" })).toBe(429);
    expect(await signIn("target@example.test", TEST_PASSWORD, { "x-forwarded-for": "2001:db8:1:3::a" })).toBe(200);
  });

  it("limits public concerns by the same address: a forged X-Forwarded-For does not escape", async () => {
    const { url } = await serve(await seededDb(), false, {});
    const concern = (forged: string) =>
      fetch(`${url}/trpc/concerns.submit`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": forged },
        body: JSON.stringify({
          wardCode: BLOOMSBURY,
          description: "Bikes ridden on the pavement",
          location: "Lamb's Conduit Street",
          postcode: "",
          lon: null,
          lat: null,
          category: "anti-social-behaviour",
          website: "",
          openedAt: Date.now() - 10_000,
          hasConsent: false,
          contactEmail: "",
        }),
      });
    const statuses = [];
    for (let i = 1; i <= 11; i++) statuses.push((await concern(`198.51.100.${i}`)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(statuses[10]).toBe(429);
  });
});

describe("a shared address over HTTP", () => {
  const junkFrom = (signIn: Awaited<ReturnType<typeof serve>>["signIn"]) =>
    Promise.all(Array.from({ length: 30 }, (_, i) => signIn(`junk${i}@example.test`, WRONG)));

  it("slows others' junk to its budget and one try a minute, lets a recognised account in, and still limits a brute force", async () => {
    const { signIn, url } = await serve(await seededDb(), false, { perAccount: 3, perAddress: 5, slowedSeconds: 60 });
    // The sergeant works from this address; then a script there sprays accounts.
    expect(await signIn("sergeant@example.test", TEST_PASSWORD)).toBe(200);
    expect(checked(await junkFrom(signIn))).toBe(6);

    expect(await signIn("sergeant@example.test", TEST_PASSWORD)).toBe(200);
    const newcomer = await fetch(`${url}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "target@example.test", password: TEST_PASSWORD }),
    });
    expect(newcomer.status).toBe(429);
    expect(((await newcomer.json()) as { error: { message: string } }).error.message).toMatch(
      /^Too many sign-in attempts from your network\. Wait \d+ seconds? and try again\.$/,
    );

    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signIn("sergeant@example.test", `guess ${i}`)),
    );
    expect(checked(guesses)).toBe(3);
  });

  it("lets a newcomer with the right password in after a short wait, not 15 minutes", async () => {
    const { signIn } = await serve(await seededDb(), false, { perAccount: 3, perAddress: 5, slowedSeconds: 1 });
    expect(checked(await junkFrom(signIn))).toBeGreaterThanOrEqual(6);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await signIn("target@example.test", TEST_PASSWORD)).toBe(200);
  });
});
