import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";

import { issuePasswordReset } from "@wardpanel/db/queries/account-links";
import { invitePerson } from "@wardpanel/db/queries/invitations";
import { requestSubscription } from "@wardpanel/db/queries/subscriptions";
import { createTestDb, seedUser } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { buildServer } from "./app";
import { redactUrl } from "./log-redaction";

const BLOOMSBURY = "E05013653";
const tokenOf = (path: string) => path.split("/").pop()!;

describe("request logs", () => {
  it("never hold a token: page paths, API paths and tRPC inputs are redacted", async () => {
    const webDist = join(mkdtempSync(join(tmpdir(), "wardpanel-logs-")), "web");
    mkdirSync(webDist);
    writeFileSync(join(webDist, "index.html"), "<!doctype html><title>Ward Panel</title><div id=root></div>");
    const db = createTestDb();
    const person = await seedUser(db, { email: "jo@example.test" });
    const now = new Date();
    const invitation = tokenOf(
      invitePerson(db, { email: "new@example.test", name: "New", grants: [], invitedBy: null, now }).invitePath,
    );
    const reset = tokenOf(issuePasswordReset(db, { email: person.email, now })!.path);
    const confirm = requestSubscription(db, {
      wardCode: BLOOMSBURY,
      email: "reader@example.test",
      unsubscribeToken: "u".repeat(43),
      now,
    }).confirmToken!;
    const tokens = [invitation, reset, confirm, "u".repeat(43)];

    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = await buildServer({
      db,
      env: {
        COOKIE_SECURE: false,
        TRUST_PROXY: false,
        WEB_DIST: webDist,
        LOG_LEVEL: "info",
        PUBLIC_BASE_URL: "https://wardpanel.example",
      },
      logger: { stream },
    });
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    try {
      const input = (value: unknown) => encodeURIComponent(JSON.stringify(value));
      expect((await fetch(`${url}/invite/${invitation}`)).status).toBe(200);
      expect((await fetch(`${url}/reset-password/${reset}`)).status).toBe(200);
      expect((await fetch(`${url}/trpc/auth.invitation?input=${input({ token: invitation })}`)).status).toBe(200);
      expect(
        (await fetch(`${url}/trpc/auth.me,account.resetLink?batch=1&input=${input({ 1: { token: reset } })}`)).status,
      ).toBe(200);
      const confirmed = await fetch(`${url}/trpc/subscriptions.confirm`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token: confirm }),
      });
      expect(confirmed.status).toBe(200);
      expect(
        (await fetch(`${url}/trpc/subscriptions.byUnsubscribeLink?input=${input({ token: "u".repeat(43) })}`)).status,
      ).toBe(200);
      expect(
        (await fetch(`${url}/api/subscriptions/unsubscribe/${"u".repeat(43)}`, { redirect: "manual" })).status,
      ).toBe(303);
    } finally {
      await app.close();
    }

    const log = lines.join("");
    const urls = lines
      .map((line) => JSON.parse(line) as { req?: { url: string } })
      .flatMap((entry) => (entry.req ? [entry.req.url] : []));
    expect(urls).toContain("/invite/[redacted]");
    expect(urls).toContain("/api/subscriptions/unsubscribe/[redacted]");
    expect(urls).toContain("/trpc/subscriptions.byUnsubscribeLink?input=%5Bredacted%5D");
    expect(urls).toContain("/trpc/auth.invitation?input=%5Bredacted%5D");
    for (const token of tokens) expect(log).not.toContain(token);
  });

  it("keep every other part of a URL", () => {
    expect(redactUrl(`/wards/${BLOOMSBURY}/packs/2024-12.pdf?download=1`)).toBe(
      `/wards/${BLOOMSBURY}/packs/2024-12.pdf?download=1`,
    );
    expect(redactUrl("/trpc/feedAdmin.wardResponses")).toBe("/trpc/feedAdmin.wardResponses");
    expect(redactUrl("/unsubscribe/abcdefghijABCDEFGHIJ_-12345")).toBe("/unsubscribe/[redacted]");
  });
});
