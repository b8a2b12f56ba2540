import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { type RunningServer, startServerProcess } from "@wardpanel/server/testing";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { expectNoAxeViolations, launchBrowser, screenshot } from "../src/browser";

/**
 * Issue 14's "done when": /feed/v1/docs renders in Chromium with no axe violations (WCAG 2.2 AA),
 * from the server's own openapi.json, with no key and without reaching any other site.
 */
describe("the feed's API reference at /feed/v1/docs", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "wardpanel-feed-docs-"));
    [server, browser] = await Promise.all([
      startServerProcess({ DATABASE_PATH: join(dir, "wardpanel.sqlite"), DEMO_DATA: "false" }),
      launchBrowser(),
    ]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.process.kill();
  });

  it("renders the reference, fetches nothing from elsewhere and passes axe", async () => {
    const page = await browser.newPage();
    const elsewhere: string[] = [];
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
      elsewhere.push(url);
      return route.abort();
    });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(String(error)));

    await page.goto(`${server.url}/feed/v1/docs`);
    expect(await page.title()).toBe("Ward Panel priority feed: API reference");
    // Scalar's 4.7 MB bundle takes a while on a busy two-core machine.
    await page.getByRole("heading", { name: "Ward Panel priority feed", exact: true }).waitFor({ timeout: 90_000 });
    await page.getByRole("heading", { name: "Every active priority the key may see" }).first().waitFor();
    // The sidebar lists the operations, from first to last.
    for (const operation of ["Does a call relate to an agreed priority?", "Stop notices to an endpoint"])
      await page.getByText(operation, { exact: true }).first().waitFor();
    await screenshot(page, "feed-docs");
    await expectNoAxeViolations(page);
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
