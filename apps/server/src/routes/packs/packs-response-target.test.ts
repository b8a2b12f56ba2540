import { createSignInLimiter } from "@wardpanel/api";
import type { Db } from "@wardpanel/db/client";
import { getPublishedPackData, savePackText } from "@wardpanel/db/queries/packs";
import { createTestDb, seedUser, TEST_PASSWORD } from "@wardpanel/db/testing";
import { importMetDecember, pdfText, seedPriorityWithProgress } from "@wardpanel/packs/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildServer } from "../../app";

const BLOOMSBURY = "E05013653";
const MONTH = "2024-12";

describe("a pack drafted and published under a force's own call-handling target (CALL_RESPONSE_TARGET_MINUTES=45)", () => {
  let db: Db;
  let app: FastifyInstance;
  let url: string;
  let sergeant: string;

  beforeAll(async () => {
    db = createTestDb();
    await importMetDecember(db);
    seedPriorityWithProgress(db, {
      wardCode: BLOOMSBURY,
      month: MONTH,
      calls: [
        { receivedAt: new Date("2024-12-03T20:00:00Z"), minutes: 25 },
        { receivedAt: new Date("2024-12-10T21:00:00Z"), minutes: 60 },
      ],
    });
    await seedUser(db, { email: "sergeant@example.test", roles: [{ role: "sergeant", wardCode: BLOOMSBURY }] });
    app = await buildServer({
      db,
      env: {
        COOKIE_SECURE: false,
        TRUST_PROXY: false,
        WEB_DIST: "/nonexistent",
        LOG_LEVEL: "silent",
        CALL_RESPONSE_TARGET_MINUTES: 45,
      },
      signInLimiter: createSignInLimiter(),
    });
    url = await app.listen({ port: 0, host: "127.0.0.1" });
    const signIn = await fetch(`${url}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "sergeant@example.test", password: TEST_PASSWORD }),
    });
    sergeant = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  });
  afterAll(async () => {
    await app.close();
  });

  it("says 45 minutes in the draft PDF, freezes 45 at publishing, and the published PDF keeps saying it", async () => {
    const draft = await fetch(`${url}/api/staff/wards/${BLOOMSBURY}/packs/${MONTH}/draft.pdf`, {
      headers: { cookie: sergeant },
    });
    expect(draft.status).toBe(200);
    const draftText = (await pdfText(new Uint8Array(await draft.arrayBuffer()))).text;
    expect(draftText).toContain("within 45 minutes");
    expect(draftText).not.toContain("within 60 minutes");

    savePackText(db, {
      wardCode: BLOOMSBURY,
      month: MONTH,
      commentary: "Burglary fell.",
      partnerActions: "",
      now: new Date(),
    });
    const published = await fetch(`${url}/trpc/crimePacks.publish`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: sergeant },
      body: JSON.stringify({ wardCode: BLOOMSBURY, month: MONTH }),
    });
    expect(published.status).toBe(200);
    // 25 minutes is within 45; 60 minutes is not.
    expect(getPublishedPackData(db, { wardCode: BLOOMSBURY, month: MONTH })?.calls).toEqual({
      received: 2,
      withinTarget: 1,
      targetMinutes: 45,
    });
    const pdf = await fetch(`${url}/wards/${BLOOMSBURY}/packs/${MONTH}.pdf`);
    expect(pdf.status).toBe(200);
    expect((await pdfText(new Uint8Array(await pdf.arrayBuffer()))).text).toContain(
      "1 of 2 calls about the ward's priorities were attended within 45 minutes (50%).",
    );
  });

  it("tells the web app the force's target, which its priority pages and staff figures word", async () => {
    const response = await fetch(`${url}/trpc/site.callResponseTargetMinutes`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { result: { data: number } }).result.data).toBe(45);
  });
});
