import { WARD_FILES } from "@wardpanel/crime-data/testing";
import { loadWards } from "@wardpanel/db/reference";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";

const CAERLEON = "W05000837"; // Caerllion in ONS's 2013 Newport wards (data/wards/W06000022.json)
const BLOOMSBURY = "E05013653"; // London's file has no Welsh names
const PHONE = { width: 390, height: 844 };

/** Ward names in Welsh where the boundary file has them (WD13NMW), English otherwise. */
describe("Welsh ward names", () => {
  const journeys = setUpJourneys((db) => {
    loadWards(db, WARD_FILES.newport2013Welsh, { borough: { name: "Newport" } });
  });

  it("in Cymraeg, finds a ward by its Welsh name and heads its page with it; in English, with the English name", async () => {
    const { page } = journeys;
    await page.setViewportSize(PHONE);
    await page.goto("/");
    await page.getByRole("button", { name: "Cymraeg" }).click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("cy");

    await page.getByLabel("Cod post, neu enw ward neu fwrdeistref").fill("caerllion");
    await page.getByRole("button", { name: "Chwilio" }).click();
    await page.getByRole("link", { name: "Caerllion — Newport" }).click();
    await expect.poll(() => page.url()).toContain(`/wards/${CAERLEON}`);
    const heading = page.getByRole("heading", { level: 1 });
    await expect.poll(() => heading.textContent()).toBe("Ward Caerllion");
    // The name is in the page's language: nothing marks it otherwise.
    expect(await heading.locator("[lang]").count()).toBe(0);
    expect(await page.title()).toContain("Ward Caerllion");
    await expectNoAxeViolations(page);
    await screenshot(page, "welsh-ward-name-cy");

    // A ward with no Welsh name held: its English name, marked as English on the Welsh page.
    await page.goto(`/wards/${BLOOMSBURY}`);
    await expect.poll(() => heading.textContent()).toBe("Ward Bloomsbury");
    expect(await heading.locator('span[lang="en"]').textContent()).toBe("Bloomsbury");
    await expectNoAxeViolations(page);

    // In English, the English name, also found by its Welsh one, accents and all.
    await page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    await page.goto("/");
    await page.getByLabel("Postcode, or ward or borough name").fill("Tŷ Du");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.getByRole("link", { name: "Rogerstone — Newport" }).click();
    await expect.poll(() => heading.textContent()).toBe("Rogerstone ward");
    await page.goto(`/wards/${CAERLEON}`);
    await expect.poll(() => heading.textContent()).toBe("Caerleon ward");
    expect(await heading.locator("[lang]").count()).toBe(0);
    await expectNoAxeViolations(page);
  }, 60_000);
});
