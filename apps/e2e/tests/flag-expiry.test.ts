import { seedActivePriority, seedPanel, seedUser, squareAroundWard } from "@wardpanel/db/testing";
import { londonParts } from "@wardpanel/meetings/london-time";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";
import { signIn } from "../src/sign-in";

const BLOOMSBURY = "E05013653";
const DAY_MS = 24 * 60 * 60 * 1000;
const TITLE = "Drug dealing in Russell Square gardens";
const londonDate = (offsetDays: number) => londonParts(new Date(Date.now() + offsetDays * DAY_MS)).date;
const REVIEW = londonDate(-40);

describe("a flag nobody reviews (issue 14 item 5)", () => {
  const journeys = setUpJourneys(
    async (db) => {
      seedPanel(db, BLOOMSBURY);
      await seedUser(db, {
        email: "sergeant@example.test",
        name: "PS Okafor",
        roles: [{ role: "sergeant", wardCode: BLOOMSBURY }],
      });
      seedActivePriority(db, {
        wardCode: BLOOMSBURY,
        now: new Date(Date.now() - 100 * DAY_MS),
        fields: {
          title: TITLE,
          area: squareAroundWard(db, BLOOMSBURY),
          startDate: londonDate(-100),
          reviewDate: REVIEW,
        },
        isCallHandlingFlagged: true,
      });
    },
    // The server's own sweep, at start-up, lapses the flag: review 40 days ago, 14 days' grace.
    { env: () => ({ PRIORITY_REVIEW_GRACE_DAYS: "14" }) },
  );

  it("tells the sergeant why the priority is not flagged, and a review brings the flag back", async () => {
    const { page } = journeys;
    await signIn(page, "sergeant@example.test");
    await page.goto(`/staff/wards/${BLOOMSBURY}/priorities`);
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: TITLE }) });
    await expect.poll(() => card.innerText()).toMatch(/Not flagged: review overdue since \d{1,2} \w+ \d{4}\./);
    expect(await card.innerText()).not.toContain("· 60-minute response");
    await expectNoAxeViolations(page);
    await screenshot(page, "priority-flag-lapsed");

    await page.getByRole("button", { name: `Edit: ${TITLE}` }).click();
    await page.getByLabel("Review date").fill(londonDate(60));
    await page.getByRole("button", { name: "Save the priority" }).click();
    await expect.poll(() => page.locator("main").innerText()).toContain(`Saved “${TITLE}”.`);
    await expect.poll(() => card.innerText()).toContain("· 60-minute response");
    expect(await card.innerText()).not.toContain("Not flagged");
  });
});
