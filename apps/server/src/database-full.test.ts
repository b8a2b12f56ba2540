import { rmSync } from "node:fs";

import { closeDb, type Db } from "@wardpanel/db/client";
import { listAgendaItems } from "@wardpanel/db/queries/agenda";
import { createApiKey } from "@wardpanel/db/queries/api-keys";
import { WRITE_NOT_SAVED } from "@wardpanel/db/storage-errors";
import { seedActivePriority, seedPanel, seedPublishedMeeting, seedUser, TEST_PASSWORD } from "@wardpanel/db/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createFileDb, listenLogged } from "./testing/logged-server";

const BLOOMSBURY = "E05013653";
const CAMDEN = "E09000007";
const PDF_HEAD = "%PDF-1.4\n1 0 obj <<>> endobj\n";

// Response bodies are JSON whose shape each test asserts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** One request and how it was answered; `saved` says where to look for it afterwards. */
type Outcome = { kind: string; status: number; body: Json; isSaved: () => boolean };

describe("a database that fills up", () => {
  let db: Db;
  let dir: string;
  let app: FastifyInstance;
  let url: string;
  let logs: Record<string, unknown>[];
  let meetingId: number;
  let itemId: number;
  let priorityId: number;
  let feedKey: string;
  const cookies: Record<string, string> = {};
  const count = (sql: string, ...params: unknown[]) => (db.$client.prepare(sql).get(...params) as { n: number }).n;

  const trpc = (path: string, input: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(input),
    });

  beforeAll(async () => {
    ({ db, dir } = createFileDb());
    await seedUser(db, { email: "sergeant@example.test", roles: [{ role: "sergeant", wardCode: BLOOMSBURY }] });
    await seedUser(db, { email: "admin@example.test", roles: [{ role: "admin" }] });
    seedPanel(db, BLOOMSBURY);
    meetingId = seedPublishedMeeting(db, { wardCode: BLOOMSBURY, date: "2099-01-13", now: new Date() });
    itemId = listAgendaItems(db, meetingId)[4]!.id;
    priorityId = seedActivePriority(db, { wardCode: BLOOMSBURY, now: new Date() });
    feedKey = createApiKey(db, { name: "Camden CAD", boroughCodes: [CAMDEN], now: new Date() }).key;
    ({ app, url, logs } = await listenLogged(db, dir));
    for (const who of ["sergeant", "admin"]) {
      const response = await trpc("auth.signIn", { email: `${who}@example.test`, password: TEST_PASSWORD });
      cookies[who] = (response.headers.get("set-cookie") ?? "").split(";")[0]!;
    }
  });
  afterAll(async () => {
    await app.close();
    closeDb(db);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Every public and staff write this test sends, the i-th of each kind, each findable afterwards. */
  function sendRound(i: number): Promise<Outcome>[] {
    const staff = (who: string) => ({ cookie: cookies[who]! });
    const outcome = async (
      kind: string,
      request: Promise<Response>,
      isSaved: (body: Json) => boolean,
    ): Promise<Outcome> => {
      const response = await request;
      const body = await response.json();
      return { kind, status: response.status, body, isSaved: () => isSaved(body) };
    };
    // Each resident at their own address: the per-address limits are not what this test is about.
    const ownAddress = { "x-forwarded-for": `10.0.${Math.floor(i / 250)}.${i % 250}` };
    const description = `Concern ${i}: ${"cars racing along the street late at night ".repeat(20).trim()}`;
    const subscriber = (n: number) => `subscriber${n}@${"updates".repeat(8)}.${"camden".repeat(10)}.example.test`;
    const form = new FormData();
    form.append("file", new Blob([`${PDF_HEAD}% paper ${i} ${"x".repeat(6000)}\n%%EOF\n`]), `paper-${i}.pdf`);
    return [
      outcome(
        "concern (public form, tRPC)",
        trpc(
          "concerns.submit",
          {
            wardCode: BLOOMSBURY,
            description,
            location: "Russell Square",
            postcode: "",
            lon: null,
            lat: null,
            category: "anti-social-behaviour",
            website: "",
            openedAt: Date.now() - 60_000,
          },
          ownAddress,
        ),
        () => count("select count(*) as n from concerns where description = ?", description) === 1,
      ),
      outcome(
        "guest (tRPC)",
        trpc(
          "attendance.addGuest",
          {
            wardCode: BLOOMSBURY,
            meetingId,
            kind: "partner",
            name: `Guest ${i} ${"n".repeat(100)}`,
            organisation: "Camden Council ".repeat(7).trim(),
          },
          staff("sergeant"),
        ),
        (body) =>
          count(
            "select count(*) as n from meeting_guests where id = ? and name like ?",
            body.result.data.guestId,
            `Guest ${i} %`,
          ) === 1,
      ),
      outcome(
        "public sign-in (tRPC)",
        trpc(
          "attendance.addPublicSignIn",
          {
            wardCode: BLOOMSBURY,
            meetingId,
            name: `Resident ${i} ${"r".repeat(100)}`,
            email: `resident${i}@example.test`,
            consent: true,
          },
          staff("sergeant"),
        ),
        (body) =>
          count(
            "select count(*) as n from public_sign_ins where id = ? and email = ?",
            body.result.data.signInId,
            `resident${i}@example.test`,
          ) === 1,
      ),
      outcome(
        "progress (tRPC)",
        trpc(
          "priorities.addProgress",
          {
            wardCode: BLOOMSBURY,
            priorityId,
            month: "2026-11",
            policeAction: `Patrol ${i}: ${"evening patrols and visits ".repeat(40)}`,
            partnerAction: "",
            whatChanged: "",
          },
          staff("sergeant"),
        ),
        (body) =>
          count(
            "select count(*) as n from priority_progress where id = ? and police_action like ?",
            body.result.data.progressId,
            `Patrol ${i}:%`,
          ) === 1,
      ),
      outcome(
        "api key (tRPC)",
        trpc(
          "feedAdmin.createApiKey",
          { name: `Control room ${i} ${"c".repeat(100)}`, boroughCodes: [CAMDEN] },
          staff("admin"),
        ),
        (body) =>
          count(
            "select count(*) as n from api_keys where id = ? and name like ?",
            body.result.data.id,
            `Control room ${i} %`,
          ) === 1,
      ),
      outcome(
        "subscription (public form, tRPC)",
        trpc("subscriptions.request", { wardCode: BLOOMSBURY, email: subscriber(i) }, ownAddress),
        () => count("select count(*) as n from subscribers where email = ?", subscriber(i)) === 1,
      ),
      outcome(
        "paper (plain HTTP upload)",
        fetch(`${url}/api/wards/${BLOOMSBURY}/meetings/${meetingId}/items/${itemId}/papers`, {
          method: "POST",
          body: form,
          headers: staff("sergeant"),
        }),
        (body) =>
          count(
            "select count(*) as n from agenda_papers where id = ? and file_name = ?",
            body.paper.id,
            `paper-${i}.pdf`,
          ) === 1,
      ),
      outcome(
        "response report (feed)",
        fetch(`${url}/feed/v1/responses`, {
          method: "POST",
          headers: { authorization: `Bearer ${feedKey}`, "content-type": "application/json" },
          body: JSON.stringify({
            responses: [
              {
                callReference: `CAD-${i}-${"0".repeat(90)}`,
                priorityId: String(priorityId),
                receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
                arrivedAt: null,
              },
            ],
          }),
        }),
        () =>
          count("select count(*) as n from call_responses where call_reference = ?", `CAD-${i}-${"0".repeat(90)}`) ===
          1,
      ),
    ];
  }

  // Hundreds of requests: minutes on a busy two-core machine.
  it(
    "answers success only for writes that were saved, 503 with a plain message for the rest, and /readyz follows",
    { timeout: 600_000 },
    async () => {
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      // Leave room for some rows and papers, then keep writing until every kind of write has been refused.
      const pages = db.$client.pragma("page_count", { simple: true }) as number;
      db.$client.pragma(`max_page_count = ${pages + 40}`);

      const outcomes: Outcome[] = [];
      const kinds = new Set<string>();
      const refused = new Set<string>();
      for (let i = 0; i < 150 && (i === 0 || refused.size < kinds.size); i++) {
        for (const o of await Promise.all(sendRound(i))) {
          outcomes.push(o);
          kinds.add(o.kind);
          if (o.status >= 300) refused.add(o.kind);
        }
      }

      const succeeded = outcomes.filter((o) => o.status < 300);
      const failed = outcomes.filter((o) => o.status >= 300);
      for (const o of succeeded)
        expect({ kind: o.kind, isSaved: o.isSaved() }).toEqual({ kind: o.kind, isSaved: true });
      for (const o of failed) {
        expect({ kind: o.kind, status: o.status }).toEqual({ kind: o.kind, status: 503 });
        // tRPC's error message, or a plain route's problem detail.
        const message = o.body.error?.message ?? o.body.detail;
        expect({ kind: o.kind, message }).toEqual({ kind: o.kind, message: WRITE_NOT_SAVED });
        expect(JSON.stringify(o.body)).not.toMatch(/sqlite|disk is full/i);
      }
      // The database did fill: every kind was refused at least once, after some were saved.
      expect(refused).toEqual(kinds);
      expect(succeeded.length).toBeGreaterThan(kinds.size);
      // Each refusal is logged with the SQLite error behind it.
      const refusals = logs.filter((line) => /the database could not take/.test(String(line.msg)));
      expect(refusals).toHaveLength(failed.length);
      expect(
        refusals.every(
          (line) => (line.err as { code?: string }).code === "SQLITE_FULL" && typeof line.errorId === "string",
        ),
      ).toBe(true);

      const full = await fetch(`${url}/readyz`);
      expect(full.status).toBe(503);
      expect(((await full.json()) as Json).reason).toMatch(/^the database is full/);

      db.$client.pragma(`max_page_count = ${pages + 100_000}`);
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
      const after = await Promise.all(sendRound(1000));
      expect(after.map((o) => [o.kind, o.status < 300 && o.isSaved()])).toEqual(after.map((o) => [o.kind, true]));
    },
  );
});
