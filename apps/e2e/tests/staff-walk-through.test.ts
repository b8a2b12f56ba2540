import { seedTeam, seedUser } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";
import { signIn } from "../src/sign-in";

const BELSIZE = "E05013652";
const BLOOMSBURY = "E05013653";

/** Issue 15's staff walk-through: the officer list, the admin's wards and people, and errors with a way back. */
describe("staff walk-through", () => {
  const journeys = setUpJourneys(
    async (db) => {
      seedTeam(db, BELSIZE, { officers: [{ name: "PS Ada Jones", rank: "Sergeant" }] });
      await seedUser(db, {
        email: "sergeant@example.test",
        name: "Ada Jones",
        roles: [{ role: "sergeant", wardCode: BELSIZE }],
      });
      await seedUser(db, {
        email: "chair@example.test",
        name: "Priya Shah",
        roles: [{ role: "chair", wardCode: BLOOMSBURY }],
      });
      await seedUser(db, { email: "admin@example.test", name: "Sam Admin", roles: [{ role: "admin" }] });
    },
    { context: { viewport: { width: 390, height: 844 } } },
  );
  const main = () => journeys.page.locator("main").innerText();

  it("the sergeant adds, corrects and removes (then undoes) an officer, and the public page lists them", async () => {
    const { page } = journeys;
    await signIn(page, "sergeant@example.test");
    await page.goto(`/staff/wards/${BELSIZE}`);
    const section = page.getByRole("region", { name: "The team's officers" });
    await expect.poll(() => section.innerText()).toContain("PS Ada Jones");

    await section.getByLabel("Name, as the public sees it").last().fill("PC Ben Okafor");
    await section.getByLabel("Work e-mail address (optional)").last().fill("not an address");
    await section.getByRole("button", { name: "Add the officer" }).click();
    await expect.poll(() => section.innerText()).toContain("Enter an email address like name@example.police.uk");
    await section.getByLabel("Work e-mail address (optional)").last().fill("ben.okafor@met.example");
    await section.getByRole("button", { name: "Add the officer" }).click();
    await expect.poll(() => section.innerText()).toContain("Added. The public ward page now lists PC Ben Okafor.");
    await expectNoAxeViolations(page);
    await screenshot(page, "officer-list-phone");

    await section.getByRole("button", { name: "Change PC Ben Okafor" }).click();
    await section.getByLabel("Name, as the public sees it").first().fill("PS Ben Okafor");
    await section.getByLabel("Rank").first().selectOption("Sergeant");
    await section.getByRole("button", { name: "Save PC Ben Okafor" }).click();
    await expect.poll(() => section.innerText()).toContain("Saved. The public ward page now lists PS Ben Okafor.");
    expect(await section.innerText()).toContain("PS Ben Okafor (Sergeant)");

    await section.getByRole("button", { name: "Remove PS Ada Jones" }).click();
    await expect.poll(() => section.innerText()).toContain("PS Ada Jones is no longer listed on the public ward page.");
    expect(await section.getByRole("button", { name: "Remove PS Ada Jones" }).count()).toBe(0);
    await section.getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => section.getByRole("button", { name: "Remove PS Ada Jones" }).count()).toBe(1);

    await page.goto(`/wards/${BELSIZE}`);
    await expect.poll(() => main()).toContain("PS Ben Okafor");
    const text = await main();
    expect(text.indexOf("PS Ada Jones")).toBeLessThan(text.indexOf("PS Ben Okafor"));
    expect(await page.getByRole("link", { name: "ben.okafor@met.example" }).getAttribute("href")).toBe(
      "mailto:ben.okafor@met.example",
    );
    await expectNoAxeViolations(page);
  });

  it("the admin's home finds a ward by name, code or borough, a page at a time", async () => {
    const { page } = journeys;
    await signIn(page, "admin@example.test");
    await page.goto("/staff");
    const wards = page.getByRole("region", { name: "All wards" });
    await expect.poll(() => wards.getByRole("status").innerText()).toMatch(/^\d{3} wards\. Page 1 of \d+\.$/);
    expect(await wards.getByRole("listitem").count()).toBe(25);
    await wards.getByRole("button", { name: "Next page" }).click();
    await expect.poll(() => wards.getByRole("status").innerText()).toContain("Page 2 of");

    const search = wards.getByLabel("Ward name, ward code or borough");
    await search.fill("E05013652");
    await expect.poll(() => wards.getByRole("status").innerText()).toBe("1 ward match. Page 1 of 1.");
    await search.fill("camden");
    await expect.poll(() => wards.getByRole("status").innerText()).toBe("20 wards match. Page 1 of 1.");
    await wards.getByRole("link", { name: "Belsize" }).click();
    await expect.poll(() => page.url()).toContain(`/staff/wards/${BELSIZE}`);
    await page.goBack();
    await expectNoAxeViolations(page);
    await screenshot(page, "admin-home-wards-phone");
  });

  it("the admin finds people by name, e-mail or ward, and by role and borough", async () => {
    const { page } = journeys;
    await signIn(page, "admin@example.test");
    await page.goto("/staff/people");
    const count = page.getByRole("search", { name: "Find people" });
    await expect.poll(() => main()).toContain("Showing all");
    await count.getByLabel("Name, e-mail or ward").fill("belsize");
    await expect.poll(() => main()).toContain("1 person matches.");
    expect(await page.getByRole("heading", { name: "Ada Jones" }).count()).toBe(1);
    await count.getByLabel("Name, e-mail or ward").fill("");
    await count.getByLabel("Role").selectOption({ label: "Chair" });
    await expect.poll(() => main()).toContain("1 person matches.");
    expect(await page.getByRole("heading", { name: "Priya Shah" }).count()).toBe(1);
    await count.getByLabel("Borough").selectOption({ label: "Hackney" });
    await expect.poll(() => main()).toContain("0 people match.");
    await expectNoAxeViolations(page);
  });

  it("a page that cannot load offers Try again and the way back", async () => {
    const { page } = journeys;
    // An admin may open any ward's page: one that does not exist fails to load (a forbidden one says so, with a link back).
    await signIn(page, "admin@example.test");
    await page.goto("/staff");
    await page.goto("/staff/wards/E05099999");
    await expect.poll(() => page.getByRole("alert").innerText()).toMatch(/^Something went wrong: /);
    const ways = page.getByRole("list", { name: "Ways back" });
    expect(await ways.getByRole("button", { name: "Try again" }).count()).toBe(1);
    expect(await ways.getByRole("button", { name: "Back to the previous page" }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await ways.getByRole("link", { name: "Your wards (home)" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Your wards");
  });
});
