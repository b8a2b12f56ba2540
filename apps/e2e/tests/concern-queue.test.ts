import { submitConcern } from "@wardpanel/db/queries/concerns";
import { seedPanel, seedUser } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";
import { signIn } from "../src/sign-in";

const BLOOMSBURY = "E05013653";
const RAISED = "people drive way too fast down gower st its dangerous at night";
const LITTER = "Litter in the square";

describe("the sergeant's concern queue", () => {
  const journeys = setUpJourneys(async (db) => {
    seedPanel(db, BLOOMSBURY);
    await seedUser(db, {
      email: "sergeant@example.test",
      name: "Jo Okafor",
      roles: [{ role: "sergeant", wardCode: BLOOMSBURY }],
    });
    for (const description of [RAISED, LITTER])
      submitConcern(db, {
        wardCode: BLOOMSBURY,
        source: "snt",
        concern: { description, location: "Gower Street", postcode: "", lon: null, lat: null, category: "road-safety" },
        tokenSecret: "a-secret-for-tests",
        now: new Date(),
      });
  });

  it("rewords a concern for the ballot keeping the words as raised, and restores a concern rejected in error", async () => {
    const { page } = journeys;
    const main = () => page.locator("main").innerText();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, "sergeant@example.test");
    await page.goto(`/staff/wards/${BLOOMSBURY}/concerns`);

    await page.getByRole("button", { name: `Edit the ballot wording: ${RAISED}` }).click();
    await page.getByLabel("Wording on the ballot").fill("Speeding on Gower Street at night");
    await page.getByRole("button", { name: "Save the wording" }).click();
    await expect.poll(main).toContain("The ballot wording is saved.");
    const reworded = await main();
    expect(reworded).toContain("On the ballot: Speeding on Gower Street at night");
    expect(reworded).toContain(RAISED);
    expect(reworded).toContain("(the words as raised)");
    expect(reworded).toContain("reworded by Jo Okafor");
    await expectNoAxeViolations(page);
    await screenshot(page, "concern-queue-wording");

    // Litter is rejected by mistake: it is listed under "Rejected concerns" and restored from there.
    await page.getByRole("button", { name: `Reject: ${LITTER}` }).click();
    await page.getByLabel("Why is it rejected?").fill("A council matter");
    await page.getByRole("button", { name: "Reject the concern" }).click();
    await expect.poll(main).toContain("Rejected, with the reason kept.");
    await expect.poll(main).toContain("rejected: A council matter");
    await page.getByRole("button", { name: `Restore: ${LITTER}` }).click();
    await expect.poll(main).toContain("Restored to the queue.");
    await expect.poll(main).toContain("No concerns have been rejected.");
    expect(await page.getByRole("button", { name: `Reject: ${LITTER}` }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    // Rejecting offers Undo at once.
    await page.getByRole("button", { name: `Reject: ${LITTER}` }).click();
    await page.getByLabel("Why is it rejected?").fill("A council matter");
    await page.getByRole("button", { name: "Reject the concern" }).click();
    await expect.poll(main).toContain("Rejected, with the reason kept.");
    await page.getByRole("button", { name: "Undo" }).click();
    await expect.poll(main).toContain("Undone.");
    await expect.poll(main).toContain("No concerns have been rejected.");
  }, 120_000);
});
