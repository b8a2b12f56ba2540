import { leicestershireWardFiles } from "@wardpanel/crime-data/testing";
import { loadWards } from "@wardpanel/db/reference";
import { seedUser } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";
import { signIn } from "../src/sign-in";

const PHONE = { width: 390, height: 844 };

/**
 * A Leicestershire Police site (issue 13, items 6–9): Leicester's wards and no postcodes. The
 * public pages speak of the force's Neighbourhood Policing Team and of districts, give examples
 * from its own wards, and credit no postcode file it does not hold.
 */
describe("a Leicestershire Police site's words", () => {
  const journeys = setUpJourneys(
    async (db) => {
      await seedUser(db, { email: "admin@example.test", name: "Sam Admin", roles: [{ role: "admin" }] });
      // The test database holds London's wards: this site has Leicester's alone.
      db.$client.exec("DELETE FROM wards; DELETE FROM boroughs;");
      const [leicester] = leicestershireWardFiles();
      if (!leicester) throw new Error("no Leicestershire ward file");
      loadWards(db, leicester.path, { borough: { name: leicester.boroughName } });
    },
    { env: () => ({ POLICE_FORCE_ID: "leicestershire", PUBLIC_BASE_URL: "https://wardpanel.example.org" }) },
  );

  it("names the Neighbourhood Policing Team and districts, with Leicester's examples, in English and Welsh", async () => {
    const { page } = journeys;
    await page.setViewportSize(PHONE);
    await page.goto("/");
    const main = page.locator("main");
    await expect.poll(() => main.innerText()).toContain("Every ward has a Neighbourhood Policing Team");
    const box = page.getByLabel("Postcode, or ward or district name");
    expect(await box.isVisible()).toBe(true);
    await expect.poll(() => main.innerText()).toMatch(/For example Abbey or Leicester/);
    const all = (await page.locator("body").innerText()).toString();
    expect(all).not.toMatch(/NW3|Kentish Town|Camden|Safer Neighbourhoods|Code-Point|borough/i);
    expect(all).toContain("All districts");
    await expectNoAxeViolations(page);
    await screenshot(page, "leicestershire-find-ward-phone");

    await box.fill("Qwertyville");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect.poll(() => main.innerText()).toContain("search for your full postcode;");
    expect(await main.innerText()).not.toMatch(/NW3|borough/);

    await page.getByRole("button", { name: "Cymraeg" }).click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("cy");
    await page.goto("/");
    await expect.poll(() => page.getByLabel("Cod post, neu enw ward neu ardal").isVisible()).toBe(true);
    await expect.poll(() => main.innerText()).toContain("Er enghraifft Abbey neu Leicester");
    expect(await page.locator("body").innerText()).not.toMatch(/bwrdeistref|NW3|Code-Point/i);
    await expectNoAxeViolations(page);
  }, 60_000);

  it("says district, not borough, on the staff oversight page", async () => {
    const page = await journeys.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, "admin@example.test");
    await page.goto("/staff/oversight");
    const main = page.locator("main");
    await expect.poll(() => main.innerText()).toContain("Summary for every district");
    expect(await main.innerText()).toContain("By district and ward name");
    expect(await main.innerText()).not.toMatch(/every borough|By borough and ward/);
  }, 60_000);
});
