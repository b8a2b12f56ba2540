import { readFileSync } from "node:fs";

import { addPublicSignIn } from "@wardpanel/db/queries/attendance";
import { startMeeting } from "@wardpanel/db/queries/live";
import { seedPanel, seedPublishedMeeting, seedUser } from "@wardpanel/db/testing";
import { londonParts } from "@wardpanel/meetings/london-time";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";
import { signIn } from "../src/sign-in";

const BLOOMSBURY = "E05013653";
const HOLBORN = "E05013662";
const DAY_MS = 86_400_000;

describe("personal data journeys", () => {
  let meetingId = 0;

  const journeys = setUpJourneys(async (db) => {
    seedPanel(db, BLOOMSBURY);
    await seedUser(db, { email: "admin@example.test", name: "Ada Admin", roles: [{ role: "admin" }] });
    await seedUser(db, {
      email: "chair@example.test",
      name: "Priya Shah",
      roles: [{ role: "chair", wardCode: BLOOMSBURY }],
    });
    // The chair whose data the admin erases: no other journey signs in as her.
    await seedUser(db, {
      email: "leila@example.test",
      name: "Leila Ahmed",
      roles: [{ role: "chair", wardCode: HOLBORN }],
    });
    await seedUser(db, {
      email: "member@example.test",
      name: "Tom Evans",
      roles: [{ role: "panel_member", wardCode: BLOOMSBURY }],
    });
    const now = new Date();
    meetingId = seedPublishedMeeting(db, {
      wardCode: BLOOMSBURY,
      date: londonParts(new Date(now.getTime() - DAY_MS)).date,
      now: new Date(now.getTime() - 7 * DAY_MS),
    });
    startMeeting(db, { wardCode: BLOOMSBURY, meetingId, now });
    addPublicSignIn(db, { wardCode: BLOOMSBURY, meetingId, name: "Sam Resident", email: "sam@example.test", now });
  });

  const main = () => journeys.page.locator("main").innerText();
  const liveMeeting = () => `/staff/wards/${BLOOMSBURY}/meetings/${meetingId}/live`;

  it("a panel member sees how many of the public left their details, but not who", async () => {
    const { page } = journeys;
    await signIn(page, "member@example.test");
    await page.goto(liveMeeting());
    await expect.poll(main).toContain("1 person has left their details for updates.");
    expect(await main()).not.toMatch(/Sam Resident|sam@example\.test/);
    await expectNoAxeViolations(page);
  });

  it("the chair sees who asked for updates and can e-mail them", async () => {
    const { page } = journeys;
    await signIn(page, "chair@example.test");
    await page.goto(liveMeeting());
    await expect.poll(main).toContain("Sam Resident, sam@example.test");
    expect(await page.getByRole("link", { name: "E-mail everyone who asked for updates" }).getAttribute("href")).toBe(
      "mailto:?bcc=sam%40example.test",
    );
    await expectNoAxeViolations(page);
  });

  it("an admin finds what is held about a chair, downloads it, and erases it after confirming, on a phone", async () => {
    const { page } = journeys;
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page, "admin@example.test");
    await page.goto("/staff/people");
    await page.getByRole("link", { name: "Export or erase someone's personal data" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Personal data requests" }).isVisible()).toBe(true);

    await page.getByLabel("E-mail address").fill("not an address");
    await page.getByRole("button", { name: "Find what is held" }).click();
    await expect.poll(main).toContain("Enter an e-mail address like name@example.com");

    await page.getByLabel("E-mail address").fill("Leila@Example.test");
    await page.getByRole("button", { name: "Find what is held" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "What is held about leila@example.test" }).isVisible())
      .toBe(true);
    expect(await main()).toContain("A staff account for Leila Ahmed (Chair, Holborn & Covent Garden)");
    await expectNoAxeViolations(page);
    await screenshot(page, "personal-data-export-phone");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download everything as JSON" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("personal-data-leila@example.test.json");
    const exported = JSON.parse(readFileSync((await download.path())!, "utf8"));
    expect(exported).toMatchObject({
      email: "leila@example.test",
      account: { name: "Leila Ahmed" },
      roles: [{ role: "chair", wardCode: HOLBORN }],
    });

    await page.getByRole("button", { name: "Erase this person's data" }).click();
    await expect.poll(main).toContain("This cannot be undone");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Yes, erase it" }).click();
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "Erased" }).textContent())
      .toBe("Erased what was held about leila@example.test.");
    await expect.poll(main).toContain("Nothing is held about this address.");
  });
});
