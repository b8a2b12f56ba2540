import { seedPanelWithMembers, seedUser } from "@wardpanel/db/testing";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";
import { signIn } from "../src/sign-in";

const BLOOMSBURY = "E05013653";
/** No sergeant or chair on Ward Panel in this file's database. */
const HOLBORN = "E05013662";

/** A resident raises a concern asking for e-mail updates, keeps the private link, and follows what the team does. */
describe("following a concern", () => {
  const journeys = setUpJourneys(async (db) => {
    seedPanelWithMembers(db, BLOOMSBURY, 3);
    await seedUser(db, {
      email: "sergeant@example.test",
      name: "PS Okafor",
      roles: [{ role: "sergeant", wardCode: BLOOMSBURY }],
    });
  });

  /** Raises a concern through the ward page's form, with consent to updates; returns the reference and follow link. */
  async function raise(page: Page, description: string) {
    await page.goto(`/wards/${BLOOMSBURY}`);
    const formShownAt = Date.now();
    const concern = page.getByRole("region", { name: "Raise a concern" });
    await concern.getByLabel("What is the problem?").fill(description);
    await concern.getByLabel("Where?").fill("Tavistock Place");
    await concern.getByLabel("What kind of problem is it?").selectOption("Anti-social behaviour");
    await concern.getByLabel("E-mail me when something happens to this concern").check();
    await concern.getByLabel("Your e-mail address").fill("resident@example.test");
    await expectNoAxeViolations(page);
    await screenshot(page, "concern-follow-form-phone");
    // The form turns away anything sent within 3 seconds of being shown (a bot's speed).
    await page.waitForTimeout(Math.max(0, 3_500 - (Date.now() - formShownAt)));
    await concern.getByRole("button", { name: "Send the concern" }).click();
    await expect
      .poll(() => concern.getByRole("status").filter({ hasText: "your concern has been sent" }).isVisible())
      .toBe(true);
    const thanks = await concern.getByRole("status").innerText();
    const reference = defined(/Your reference is (WP-[0-9A-Z]{8})/.exec(thanks)?.[1]);
    const link = defined(await concern.getByRole("link", { name: "Follow your concern" }).getAttribute("href"));
    expect(link).toMatch(/^\/concerns\/[\w-]{40,}$/);
    await expectNoAxeViolations(page);
    await screenshot(page, "concern-follow-sent-phone");
    return { reference, link };
  }

  /** The sergeant acts on the concern in the staff queue. */
  async function asSergeant(description: string, act: (page: Page) => Promise<void>) {
    const sergeant = await journeys.newPage();
    await signIn(sergeant, "sergeant@example.test");
    await sergeant.goto(`/staff/wards/${BLOOMSBURY}/concerns`);
    await expect.poll(() => sergeant.locator("main").innerText()).toContain(description);
    await act(sergeant);
  }

  it("a resident on a phone raises a concern, opens its private page, and sees the team shortlist it", async () => {
    const { page } = journeys;
    await page.setViewportSize({ width: 390, height: 844 });
    const description = "Bikes stolen from the stands on Tavistock Place every week";
    const { reference, link } = await raise(page, description);

    await page.getByRole("link", { name: "Follow your concern" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe(`Your concern ${reference}`);
    const main = () => page.locator("main").innerText();
    expect(await main()).toContain("Waiting for the Safer Neighbourhoods Team to review it");
    expect(await main()).toContain("The team received your concern.");
    expect(await main()).not.toContain("resident@example.test");
    await expectNoAxeViolations(page);
    await screenshot(page, "concern-follow-new-phone");

    await asSergeant(description, async (sergeant) => {
      await sergeant.getByRole("button", { name: `Shortlist: ${description}` }).click();
      await expect.poll(() => sergeant.getByText("Shortlisted for the next vote.").isVisible()).toBe(true);
    });
    await page.goto(link);
    await expect.poll(main).toContain("On the shortlist the ward panel chooses its priorities from");
    expect(await main()).toContain("Put on the shortlist for the ward panel's next vote on priorities.");
    await expectNoAxeViolations(page);
    await screenshot(page, "concern-follow-shortlisted-phone");
  });

  it("a resident sees the team's reason when their concern is rejected; a wrong link says so", async () => {
    const { page } = journeys;
    await page.setViewportSize({ width: 390, height: 844 });
    const description = "Fly-tipping behind the shops on Marchmont Street";
    const { link } = await raise(page, description);

    await asSergeant(description, async (sergeant) => {
      await sergeant.getByRole("button", { name: `Reject: ${description}` }).click();
      await sergeant.getByLabel("Why is it rejected?").fill("A council matter: we passed it to Camden's street team");
      await sergeant.getByRole("button", { name: "Reject the concern" }).click();
      await expect.poll(() => sergeant.getByText("Rejected, with the reason kept.").isVisible()).toBe(true);
    });
    await page.goto(link);
    const main = () => page.locator("main").innerText();
    await expect.poll(main).toContain("Will not become a ward priority");
    expect(await main()).toContain("A council matter: we passed it to Camden's street team");
    await expectNoAxeViolations(page);
    await screenshot(page, "concern-follow-rejected-phone");

    // Rejected by mistake: the sergeant restores it, and the follow page says so, in English and Welsh.
    await asSergeant(description, async (sergeant) => {
      await sergeant.getByRole("button", { name: `Restore: ${description}` }).click();
      await expect.poll(() => sergeant.getByText("Restored to the queue.").isVisible()).toBe(true);
    });
    await page.goto(link);
    await expect.poll(main).toContain("The team took back its decision to reject it: it is being considered again.");
    expect(await main()).not.toContain("Will not become a ward priority");
    await page.getByRole("button", { name: "Cymraeg" }).click();
    await expect.poll(main).toContain("Tynnodd y tîm ei benderfyniad i'w wrthod yn ôl: mae'n cael ei ystyried eto.");
    await expectNoAxeViolations(page);
    await screenshot(page, "concern-follow-restored-welsh-phone");
    await page.getByRole("button", { name: "English" }).click();

    await page.goto(`/concerns/${"x".repeat(40)}`);
    await expect.poll(main).toContain("This link does not lead to a concern");
  });

  it("a ward with nobody on Ward Panel to read concerns says so before the form, and gives the other routes", async () => {
    const { page } = journeys;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/wards/${HOLBORN}`);
    const concern = page.getByRole("region", { name: "Raise a concern" });
    await expect.poll(() => concern.innerText()).toContain("not on Ward Panel yet");
    expect(await concern.innerText()).toContain("call 999");
    expect(await concern.innerText()).toContain("call 101");
    expect(await concern.getByRole("link", { name: /police.uk/ }).count()).toBe(1);
    expect(await concern.getByRole("button", { name: "Send the concern" }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, "concern-no-team-phone");
  });
});

function defined<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error("missing");
  return value;
}
