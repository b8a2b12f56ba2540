import { readFileSync } from "node:fs";

import { createApiKey } from "@wardpanel/db/queries/api-keys";
import { callResponses } from "@wardpanel/db/schema";
import { seedActivePriority, seedPanel, seedUser, squareAroundWard } from "@wardpanel/db/testing";
import { londonParts } from "@wardpanel/meetings/london-time";
import { parse } from "csv-parse/sync";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";
import { signIn } from "../src/sign-in";

const BLOOMSBURY = "E05013653"; // Camden
const ST_JAMES = "E05013806"; // Westminster
const GARDENS = "Drug dealing in Russell Square gardens";
const PICCADILLY = "Phone snatching on Piccadilly";
const MINUTE = 60_000;

/** Yesterday on the London calendar, which the report shows by default. */
const yesterday = () =>
  new Date(Date.parse(`${londonParts(new Date()).date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The managers' daily report of missed response targets (issue 14, item 8), in the staff app. */
describe("missed response targets in the staff app", () => {
  const journeys = setUpJourneys(async (db) => {
    const now = new Date();
    seedPanel(db, BLOOMSBURY);
    await seedUser(db, {
      email: "sergeant@example.test",
      name: "Jo Okafor",
      roles: [{ role: "sergeant", wardCode: BLOOMSBURY }],
    });
    await seedUser(db, {
      email: "member@example.test",
      name: "Tom Evans",
      roles: [{ role: "panel_member", wardCode: BLOOMSBURY }],
    });
    await seedUser(db, {
      email: "chair@example.test",
      name: "Priya Shah",
      roles: [{ role: "chair", wardCode: BLOOMSBURY }],
    });
    const gardens = seedActivePriority(db, {
      wardCode: BLOOMSBURY,
      now,
      fields: { title: GARDENS, area: squareAroundWard(db, BLOOMSBURY) },
      isCallHandlingFlagged: true,
    });
    const piccadilly = seedActivePriority(db, {
      wardCode: ST_JAMES,
      now,
      fields: { title: PICCADILLY, area: squareAroundWard(db, ST_JAMES) },
      isCallHandlingFlagged: true,
    });
    const reporter = createApiKey(db, { name: "Met reporting link", boroughCodes: [], now });
    // A day ago is yesterday in London.
    const dayAgo = now.getTime() - 24 * 60 * MINUTE;
    const call = (callReference: string, priorityId: number, offset: number, minutes: number | null) => {
      const receivedAt = new Date(dayAgo + offset * MINUTE);
      const arrivedAt = minutes === null ? null : new Date(receivedAt.getTime() + minutes * MINUTE);
      db.insert(callResponses)
        .values({ apiKeyId: reporter.id, priorityId, callReference, receivedAt, arrivedAt })
        .run();
    };
    call("CAD-7001", gardens, 0, 95); // 35 minutes over
    call("CAD-7002", gardens, 1, null); // no unit came
    call("CAD-7003", gardens, 2, 60); // exactly on the target: on time
    call("CAD-8001", piccadilly, 3, 120); // another ward's
  });

  const main = (page: Page) => page.locator("main").innerText();

  it("the sergeant opens the report from the dashboard, sees yesterday's misses in their ward, and downloads them as CSV", async () => {
    const { page } = journeys;
    await signIn(page, "sergeant@example.test");
    await page.goto("/staff");
    await page.getByRole("link", { name: "Missed response targets" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Missed response targets");
    expect(await page.getByLabel("From").inputValue()).toBe(yesterday());
    expect(await page.getByLabel("To").inputValue()).toBe(yesterday());

    const late = page.getByRole("row", { name: /^CAD-7001/ });
    await expect.poll(() => late.isVisible()).toBe(true);
    expect((await late.getByRole("cell").allInnerTexts()).map((t) => t.trim())).toEqual([
      `${GARDENS}\nBloomsbury, Camden`,
      expect.any(String),
      expect.stringContaining("after 95 minutes"),
      "35",
      "Met reporting link",
    ]);
    expect(await page.getByRole("row", { name: /^CAD-7002/ }).innerText()).toContain("No unit arrived");
    expect(await main(page)).not.toContain("CAD-7003");
    expect(await main(page)).not.toContain("CAD-8001");
    expect(await main(page)).toContain("The target is 60 minutes from the call.");

    // axe at desktop and phone widths, with no sideways scrolling of the page on the phone.
    await expectNoAxeViolations(page);
    await screenshot(page, "response-misses-desktop");
    await page.setViewportSize({ width: 390, height: 844 });
    // On a phone each miss is a card rather than a table row.
    await expect.poll(() => page.getByRole("heading", { name: "CAD-7001", level: 3 }).isVisible()).toBe(true);
    expect(await page.getByRole("table").count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, "response-misses-phone");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /^Download CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`missed-response-targets-${yesterday()}.csv`);
    const rows: Record<string, string>[] = parse(readFileSync((await download.path())!, "utf8"), { columns: true });
    expect(rows.map((r) => [r.call_reference, r.outcome, r.minutes_over, r.priority_title, r.ward_name])).toEqual([
      ["CAD-7001", "late", "35", GARDENS, "Bloomsbury"],
      ["CAD-7002", "no unit arrived", "", GARDENS, "Bloomsbury"],
    ]);
  });

  it("a period that ends before it starts is refused against the To field", async () => {
    const { page } = journeys;
    await signIn(page, "sergeant@example.test");
    await page.goto("/staff/responses/misses");
    await page.getByLabel("From").fill("2026-11-20");
    await page.getByLabel("To").fill("2026-11-01");
    await page.getByRole("button", { name: "Show misses" }).click();
    await expect.poll(() => page.getByLabel("To").getAttribute("aria-invalid")).toBe("true");
    expect(await main(page)).toContain("to (2026-11-01) is before from (2026-11-20)");
    await expectNoAxeViolations(page);
  });

  it("the chair's home page does not give the sergeant's morning check (issue 15 trial)", async () => {
    const { page } = journeys;
    await signIn(page, "chair@example.test");
    await page.goto("/staff");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Your wards");
    await expect.poll(() => page.locator("main li").count()).toBeGreaterThan(0);
    expect(await main(page)).not.toContain("Each morning, check the calls");
  });

  it("a panel member is told who may see the report", async () => {
    const { page } = journeys;
    await signIn(page, "member@example.test");
    await page.goto("/staff");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Your wards");
    expect(await page.getByRole("link", { name: "Missed response targets" }).count()).toBe(0);
    await page.goto("/staff/responses/misses");
    await expect
      .poll(() => main(page))
      .toContain("Only a ward’s sergeant or chair, or an admin, can see missed response targets.");
    await expectNoAxeViolations(page);
  });
});
