import { seedUser, TEST_PASSWORD } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";

const NOTICE = "Mae tudalennau staff yn Saesneg yn unig ar hyn o bryd.";

/** Issue 13's trial: a Welsh reader who follows "Mewngofnodi staff" is told the staff side is English only. */
describe("the staff side under a Welsh header", () => {
  const journeys = setUpJourneys(
    async (db) => {
      await seedUser(db, { email: "admin@example.test", name: "Sam Admin", roles: [{ role: "admin" }] });
    },
    { context: { viewport: { width: 390, height: 844 } } },
  );

  it("says in Welsh, before the sign-in form and on staff pages, that staff pages are in English only; not in English, nor on public pages", async () => {
    const { page } = journeys;
    await page.goto("/");
    await page.getByRole("button", { name: "Cymraeg" }).click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("cy");
    expect(await page.locator("main").innerText()).not.toContain(NOTICE);

    await page.getByRole("link", { name: "Mewngofnodi staff" }).click();
    const notice = page.getByText(NOTICE);
    await notice.waitFor();
    expect(await notice.getAttribute("lang")).toBe("cy");
    // Before the form: the notice comes first in the page's order.
    const before = await notice.evaluate((p) =>
      Boolean(p.compareDocumentPosition(document.querySelector("form") as Node) & Node.DOCUMENT_POSITION_FOLLOWING),
    );
    expect(before).toBe(true);
    await expectNoAxeViolations(page);
    await screenshot(page, "sign-in-welsh-notice-phone");

    await page.getByLabel("Email address").fill("admin@example.test");
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Your wards" }).waitFor();
    expect(await page.locator("main").innerText()).toContain(NOTICE);

    await page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.locator("main").innerText()).not.toContain("Staff pages are in English only");
  });
});
