import { seedPanel, seedUser } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";
import { signIn } from "../src/sign-in";

const ISLEWORTH = "E05013625"; // Hounslow: five parts in the ONS 2022 boundaries

async function seed(db: Parameters<Parameters<typeof setUpJourneys>[0]>[0]) {
  seedPanel(db, ISLEWORTH);
  await seedUser(db, {
    email: "sergeant@example.test",
    name: "PS Okafor",
    roles: [{ role: "sergeant", wardCode: ISLEWORTH }],
  });
}

describe("a priority's area in several parts (issue 14)", () => {
  const journeys = setUpJourneys(seed);

  it("keeps every part of a multi-part ward, and a sergeant draws a second part by tap and keyboard", async () => {
    const { page } = journeys;
    const status = () =>
      page
        .getByRole("status")
        .filter({ hasText: /area|corner/ })
        .first()
        .innerText();
    await signIn(page, "sergeant@example.test");
    await page.goto(`/staff/wards/${ISLEWORTH}/priorities`);
    await page.getByRole("button", { name: "Write a new priority" }).click();
    const editor = page.getByRole("application", { name: "Map of Isleworth ward: add a corner of the area" });
    await editor.waitFor();

    await page.getByRole("button", { name: "Use the whole ward" }).click();
    await expect.poll(status).toBe("An area in 5 parts is drawn.");
    await page.getByRole("button", { name: "Clear the area" }).click();
    await expect.poll(status).toBe("No area is drawn.");

    // The first part by tap, the second by keyboard after "Add another part".
    const box = await editor.boundingBox();
    if (!box) throw new Error("the area editor has no box");
    await page.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.45);
    await page.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.45);
    await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.55);
    await expect.poll(status).toBe("An area with 3 corners is drawn.");
    await page.getByRole("button", { name: "Add another part" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(status).toBe("An area in 1 part is drawn. Add corners on the map to start the new part.");
    await editor.focus();
    for (const key of ["Shift+ArrowLeft", "Shift+ArrowLeft", "Enter", "Shift+ArrowUp", "Enter"])
      await page.keyboard.press(key);
    await expect
      .poll(status)
      .toBe("An area in 1 part is drawn. New part: 2 corners placed: add at least 1 more to make an area.");
    for (const key of ["Shift+ArrowLeft", "Enter"]) await page.keyboard.press(key);
    await expect.poll(status).toBe("An area in 2 parts is drawn.");
    await expectNoAxeViolations(page);
    await screenshot(page, "priority-area-two-parts");

    // Saved and read back: the server takes and keeps both parts.
    await page.getByLabel("Title").fill("Burglary in two parts of Isleworth");
    await page.getByLabel("The problem, in plain words").fill("Break-ins at night, by the river and near the station.");
    await page.getByRole("button", { name: "Save as a draft" }).click();
    await expect
      .poll(() => page.locator("main").innerText())
      .toContain("Saved “Burglary in two parts of Isleworth” as a draft.");
    await page.getByRole("button", { name: "Edit: Burglary in two parts of Isleworth" }).click();
    await expect.poll(status).toBe("An area in 2 parts is drawn.");
  });
});
