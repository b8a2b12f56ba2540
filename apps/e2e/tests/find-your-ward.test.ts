import { loadDemoPostcodes } from "@wardpanel/db/postcodes";
import { getSearchExamples } from "@wardpanel/db/queries/site-examples";
import { getWard } from "@wardpanel/db/queries/wards";
import { seedPanel } from "@wardpanel/db/testing";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";

const BELSIZE = "E05013652"; // NW3 4QG's ward
const BLOOMSBURY = "E05013653";
const HAMPSTEAD_TOWN = "E05013659";
const PHONE = { width: 375, height: 800 };
const BOX = "Postcode, or ward or borough name";

/** A postcode of Belsize marked retired in the test database (Code-Point Open ships none). */
let retired = "";
/** The postcode the search offers as its example: the first the site holds. */
let example = "";
/** A point inside Bloomsbury ward: ONS's label point. */
let inBloomsbury = { latitude: 0, longitude: 0 };

async function search(page: Page, query: string) {
  await page.getByLabel(BOX).fill(query);
  await page.getByRole("button", { name: "Search" }).click();
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? "");

describe("find your ward", () => {
  const journeys = setUpJourneys(async (db) => {
    await loadDemoPostcodes(db);
    for (const ward of [BELSIZE, BLOOMSBURY]) seedPanel(db, ward);
    const ward = getWard(db, BLOOMSBURY);
    inBloomsbury = { latitude: ward.labelLat, longitude: ward.labelLon };
    const row = db.$client
      .prepare("SELECT pcds FROM postcodes WHERE ward_code = ? AND pcds <> 'NW3 4QG' ORDER BY pcds LIMIT 1")
      .get(BELSIZE) as { pcds: string };
    retired = row.pcds;
    example = getSearchExamples(db)?.postcode ?? "";
    db.$client.prepare("UPDATE postcodes SET terminated_on = '2019-06' WHERE pcds = ?").run(retired);
  });

  it("a resident's full postcode, in any case or spacing, goes straight to their ward", async () => {
    const { page } = journeys;
    await page.goto("/");
    await expect.poll(() => page.getByRole("heading", { name: "Find your ward" }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(`For example ${example}, `).isVisible()).toBe(true);

    await search(page, "NW3 4QG");
    await expect.poll(() => page.url()).toContain(`/wards/${BELSIZE}`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Belsize");

    await page.goto("/");
    await search(page, "nw34qg");
    await expect.poll(() => page.url()).toContain(`/wards/${BELSIZE}`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Belsize");
    // Back returns to the search, not to a page that sends you on again.
    await page.goBack();
    await expect.poll(() => page.getByRole("heading", { name: "Find your ward" }).isVisible()).toBe(true);
  });

  it("a retired postcode shows its ward with a note that it is no longer in use", async () => {
    const { page } = journeys;
    await page.goto(`/?q=${encodeURIComponent(retired)}`);
    await expect.poll(() => page.getByRole("heading", { name: `The ward for ${retired}` }).isVisible()).toBe(true);
    expect(await page.locator("main").innerText()).toContain(
      `${retired} is no longer in use: it was retired in June 2019.`,
    );
    await expectNoAxeViolations(page);
    await screenshot(page, "find-ward-retired-postcode");
    await page.getByRole("link", { name: "Belsize — Camden" }).click();
    await expect.poll(() => page.url()).toContain(`/wards/${BELSIZE}`);
  });

  it("a district lists the wards covering it with their postcodes, on a phone", async () => {
    const { page } = journeys;
    await page.setViewportSize(PHONE);
    await page.goto("/");
    await search(page, "NW3");
    const heading = page.getByRole("heading", { name: /^\d+ wards cover NW3$/ });
    await expect.poll(() => heading.isVisible()).toBe(true);
    // Focus moves to the results, so a screen reader reads what was found.
    expect(await focusedText(page)).toMatch(/wards cover NW3/);
    expect(page.url()).toContain("q=NW3");
    const text = await page.locator("main").innerText();
    expect(text).toMatch(/Hampstead Town — Camden\s+384 postcodes of NW3/);
    expect(text).toMatch(/Frognal — Camden\s+204 postcodes of NW3/);
    await expectNoAxeViolations(page);
    await screenshot(page, "find-ward-district-phone");

    await search(page, "NW3 4");
    await expect.poll(() => page.getByRole("heading", { name: "3 wards cover NW3 4" }).isVisible()).toBe(true);
    expect(await page.locator("main").innerText()).toMatch(/Haverstock — Camden\s+22 postcodes of NW3 4/);
    await page.getByRole("link", { name: "Hampstead Town — Camden" }).click();
    await expect.poll(() => page.url()).toContain(`/wards/${HAMPSTEAD_TOWN}`);
  });

  it("finds a ward from a misspelt name, and says what to try when nothing matches", async () => {
    const { page } = journeys;
    await page.setViewportSize(PHONE);
    await page.goto("/");
    await search(page, "");
    await expect
      .poll(() => page.getByText("Type a postcode, or a ward or borough name, or choose a borough").isVisible())
      .toBe(true);
    expect(await page.getByLabel(BOX).getAttribute("aria-invalid")).toBe("true");

    await search(page, "Bloomsbry");
    await expect.poll(() => page.getByRole("heading", { name: "1 ward found" }).isVisible()).toBe(true);
    expect(await focusedText(page)).toBe("1 ward found");
    expect(await page.getByLabel(BOX).getAttribute("aria-invalid")).toBe("false");
    await expectNoAxeViolations(page);

    await search(page, "Qwertyville");
    await expect.poll(() => page.getByRole("heading", { name: "No wards found" }).isVisible()).toBe(true);
    const text = await page.locator("main").innerText();
    expect(text).toContain("No wards match “Qwertyville”");
    // The example is a postcode the site holds (issue 13), never a fixed London one.
    expect(text).toContain(`search for your full postcode, like ${example};`);
    await expectNoAxeViolations(page);
    await screenshot(page, "find-ward-no-match-phone");

    // The results are linkable: the same address shows them again.
    await page.goto("/?q=kings%20cross");
    await page.getByRole("link", { name: "King's Cross — Camden" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("King's Cross");
  });

  it("a postcode not held says where else to look: a search by name, or police.uk", async () => {
    const { page } = journeys;
    await page.setViewportSize(PHONE);
    await page.goto("/");
    await search(page, "AB10 1AA");
    await expect.poll(() => page.getByRole("heading", { name: "AB10 1AA is not covered here" }).isVisible()).toBe(true);
    expect(await page.locator("main").innerText()).toContain(
      // The demo holds Camden's postcodes only, so a postcode it lacks may be in another London borough.
      "AB10 1AA is not among the postcodes Ward Panel holds. Postcodes are not loaded yet for 32 of the boroughs it covers: search by your ward or borough name instead, or find your neighbourhood policing team on police.uk.",
    );
    expect(await page.getByRole("link", { name: "Go to police.uk" }).getAttribute("href")).toBe(
      "https://www.police.uk/",
    );
    await expectNoAxeViolations(page);
    await screenshot(page, "find-ward-outside-phone");
  });

  it("a postcode not held in a sector that is offers that sector's wards, not 'outside'", async () => {
    const { page } = journeys;
    await page.setViewportSize(PHONE);
    await page.goto("/");
    await search(page, "nw3 9zz");
    await expect.poll(() => page.getByRole("heading", { name: "We cannot find NW3 9ZZ" }).isVisible()).toBe(true);
    expect(await page.locator("main").innerText()).toContain("Postcodes beginning NW3 9 are in:");
    await expectNoAxeViolations(page);
    await page
      .getByRole("link", { name: /— Camden$/ })
      .first()
      .click();
    await expect.poll(() => page.url()).toMatch(/\/wards\/E05/);
  });

  it("a resident switches to Welsh: the page is in Welsh, says so in its lang, and remembers the choice", async () => {
    const { page } = journeys;
    await page.setViewportSize(PHONE);
    await page.goto("/");
    await page.getByRole("button", { name: "Cymraeg" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Dod o hyd i'ch ward");
    expect(await page.locator("html").getAttribute("lang")).toBe("cy");
    expect(await page.getByRole("button", { name: "Cymraeg" }).getAttribute("aria-current")).toBe("true");
    expect(await page.getByRole("button", { name: "English" }).getAttribute("lang")).toBe("en");

    await page.getByLabel("Cod post, neu enw ward neu fwrdeistref").fill("nw3");
    await page.getByRole("button", { name: "Chwilio" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 2 }).textContent())
      .toMatch(/^Mae \d+ ward yn cwmpasu NW3$/);
    await expectNoAxeViolations(page);
    await screenshot(page, "find-ward-welsh-phone");

    // Remembered in this browser: the next visit opens in Welsh; English is one press away.
    await page.reload();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Dod o hyd i'ch ward");
    await page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Find your ward");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
  });

  it("opens in Welsh from a ?lang=cy link", async () => {
    const { page } = journeys;
    await page.goto("/?lang=cy");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Dod o hyd i'ch ward");
    expect(await page.locator("html").getAttribute("lang")).toBe("cy");
  });

  it("'use my location' goes to the ward the browser is in", async () => {
    const { page, context } = journeys;
    await context.grantPermissions(["geolocation"]);
    await context.setGeolocation(inBloomsbury);
    await page.setViewportSize(PHONE);
    await page.goto("/");
    await page.getByRole("button", { name: "Use my location" }).click();
    await expect.poll(() => page.url()).toContain(`/wards/${BLOOMSBURY}`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Bloomsbury");
  });

  it("'use my location' outside the wards covered points to police.uk", async () => {
    const { page, context } = journeys;
    await context.grantPermissions(["geolocation"]);
    await context.setGeolocation({ latitude: 55.9533, longitude: -3.1883 }); // Edinburgh
    await page.goto("/");
    await page.getByRole("button", { name: "Use my location" }).click();
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "Your location is outside" }).isVisible())
      .toBe(true);
    expect(await page.getByRole("link", { name: "Go to police.uk" }).getAttribute("href")).toBe(
      "https://www.police.uk/",
    );
    await expectNoAxeViolations(page);
    await screenshot(page, "find-ward-location-outside");
  });

  it("'use my location' says so when the browser is not allowed to share the location", async () => {
    const { page, context } = journeys;
    await context.clearPermissions();
    await page.setViewportSize(PHONE);
    await page.goto("/");
    await page.getByRole("button", { name: "Use my location" }).click();
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent()).toContain("Your browser did not share your location.");
    expect(await alert.textContent()).toContain("type your postcode instead");
    await expectNoAxeViolations(page);
    await screenshot(page, "find-ward-location-refused-phone");
  });

  it("'use my location' explains a timeout or an unknown position, and is not offered without geolocation", async () => {
    const { page, context } = journeys;
    // The browser's own failures, which a test cannot provoke: GeolocationPositionError's codes 3 and 2.
    await context.addInitScript(() => {
      let code = 3;
      Object.defineProperty(navigator, "geolocation", {
        value: {
          getCurrentPosition: (_: unknown, fail: (error: { code: number; message: string }) => void) => {
            setTimeout(() => fail({ code: code++ === 3 ? 3 : 2, message: "" }), 10);
          },
        },
      });
    });
    await page.goto("/");
    const button = page.getByRole("button", { name: "Use my location" });
    await button.click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Finding your location took too long.");
    await button.click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Your location could not be found.");

    const without = await journeys.newPage();
    await without.addInitScript(() => {
      delete (Navigator.prototype as { geolocation?: unknown }).geolocation;
    });
    await without.goto("/");
    await expect.poll(() => without.getByRole("button", { name: "Search" }).isVisible()).toBe(true);
    expect(await without.getByRole("button", { name: "Use my location" }).count()).toBe(0);
  });
});
