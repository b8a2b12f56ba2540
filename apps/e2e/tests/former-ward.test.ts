import { WARD_FILES } from "@wardpanel/crime-data/testing";
import { loadWards, LONDON_WARDS_PATH } from "@wardpanel/db/reference";
import { seedMeetingHistory, seedUser } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";
import { signIn } from "../src/sign-in";

const OLD = "E05900001"; // "Bloomsbury and Holborn", the invented earlier Camden ward of the fixture
const PHONE = { width: 390, height: 844 };

/** A ward retired by a boundary change: its page stays readable and points to the wards that replaced it. */
describe("a former ward's page", () => {
  const ids = { meetings: [] as number[] };

  const journeys = setUpJourneys(async (db) => {
    // The earlier Camden in force from 2018, its panel's meetings, then the 2022 wards in force from 5 May 2022.
    loadWards(db, WARD_FILES.camdenBefore2022, {}, { inForceFrom: "2018-05-03" });
    await seedUser(db, { email: "sergeant@example.test", roles: [{ role: "sergeant", wardCode: OLD }] });
    ids.meetings = seedMeetingHistory(db, { wardCode: OLD, dates: ["2022-01-11", "2022-03-08"] });
    loadWards(db, LONDON_WARDS_PATH, {}, { inForceFrom: "2022-05-05" });
  });

  it("on a phone, says when it was replaced and links to the wards now covering it; its minutes stay readable", async () => {
    const { page } = journeys;
    await page.setViewportSize(PHONE);
    await page.goto(`/wards/${OLD}`);
    const notice = page.getByRole("region", { name: "Former ward: replaced on 5 May 2022" });
    await expect.poll(() => notice.count()).toBe(1);
    const text = await notice.innerText();
    expect(text).toContain("Bloomsbury and Holborn ward's boundaries were replaced on 5 May 2022.");
    expect(text).toMatch(/Bloomsbury ward\s+\(\d+% of Bloomsbury and Holborn\)/);
    expect(await notice.getByRole("link", { name: "Bloomsbury ward" }).getAttribute("href")).toBe("/wards/E05013653");
    expect(await notice.getByRole("link", { name: "Holborn & Covent Garden ward" }).getAttribute("href")).toBe(
      "/wards/E05013662",
    );
    const past = page.getByRole("region", { name: "Past meetings" });
    await expect.poll(() => past.innerText()).toContain("2 meetings held.");
    await expectNoAxeViolations(page);
    await screenshot(page, "former-ward-phone");

    await past.getByRole("listitem").nth(1).getByRole("link").first().click();
    await expect.poll(() => page.url()).toContain(`/wards/${OLD}/meetings/${ids.meetings[0]}`);
    const minutes = page.getByRole("region", { name: "Minutes" });
    await expect.poll(() => minutes.innerText()).toContain("Approved by the panel as a correct record.");

    await page.goto(`/wards/${OLD}`);
    await notice.getByRole("link", { name: "Bloomsbury ward" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Bloomsbury ward");
    expect(await page.getByRole("region", { name: /^Former ward/ }).count()).toBe(0);
  }, 60_000);

  it("the sergeant's ward page says it is a former ward and offers no meeting to schedule", async () => {
    const { page } = journeys;
    await signIn(page, "sergeant@example.test");
    await page.goto(`/staff/wards/${OLD}`);
    const meetings = page.getByRole("region", { name: "Meetings" });
    await expect.poll(() => meetings.getByRole("row").count()).toBeGreaterThan(1);
    expect(await page.locator("main").innerText()).toContain(
      "Former ward: its boundaries were replaced on 5 May 2022.",
    );
    expect(await page.getByText("Schedule a meeting").count()).toBe(0);
    await expectNoAxeViolations(page);
  }, 60_000);
});
