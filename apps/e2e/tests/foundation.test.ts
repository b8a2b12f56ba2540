import { cancelMeeting, createMeeting, publishMeeting } from "@wardpanel/db/queries/meetings";
import { buildMeetingDetails, seedPanel, seedTeam, seedUser, TEST_PASSWORD } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";

const BLOOMSBURY = "E05013653";
const HOLBORN = "E05013662";

describe("foundation journeys", () => {
  const journeys = setUpJourneys(async (db) => {
    for (const ward of [BLOOMSBURY, HOLBORN]) seedPanel(db, ward);
    seedTeam(db, BLOOMSBURY, {
      baseName: "Holborn Police Station",
      baseAddress: "10 Lamb's Conduit Street, London WC1N 3NR",
      email: "bloomsbury.snt@met.police.example",
      officers: [
        { name: "PS Jo Okafor", rank: "Sergeant" },
        { name: "PCSO Sam Lee", rank: "PCSO" },
      ],
    });
    const details = buildMeetingDetails();
    const now = new Date();
    const year = now.getUTCFullYear() + 1;
    const held = createMeeting(db, { wardCode: BLOOMSBURY, date: `${year}-01-12`, details, createdBy: null, now });
    const called = createMeeting(db, { wardCode: BLOOMSBURY, date: `${year}-02-09`, details, createdBy: null, now });
    publishMeeting(db, { wardCode: BLOOMSBURY, meetingId: held, now });
    publishMeeting(db, { wardCode: BLOOMSBURY, meetingId: called, now });
    cancelMeeting(db, { wardCode: BLOOMSBURY, meetingId: called, reason: "The library is closed for repairs", now });
    await seedUser(db, {
      email: "sergeant@example.test",
      name: "Jo Okafor",
      roles: [{ role: "sergeant", wardCode: BLOOMSBURY }],
    });
    await seedUser(db, {
      email: "chair@example.test",
      name: "Priya Shah",
      roles: [{ role: "chair", wardCode: BLOOMSBURY }],
    });
    await seedUser(db, {
      email: "member@example.test",
      name: "Tom Evans",
      roles: [{ role: "panel_member", wardCode: BLOOMSBURY }],
    });
    await seedUser(db, { email: "admin@example.test", name: "Ada Admin", roles: [{ role: "admin" }] });
  });

  it("a member of the public finds their ward by name and reads its page without signing in", async () => {
    const { page, context } = journeys;
    await page.goto("/");
    await expect.poll(() => page.getByRole("heading", { name: "Find your ward" }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    await page.getByLabel("Postcode, or ward or borough name").fill("Bloomsbury");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("link", { name: "Bloomsbury — Camden" }).click();

    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Bloomsbury");
    const text = await page.locator("main").innerText();
    expect(text).toContain("Camden");
    expect(text).toContain("PS Jo Okafor");
    expect(text).toContain("Holborn Police Station");
    expect(text).toContain("bloomsbury.snt@met.police.example");
    expect(text).toContain("Priya Shah");
    expect(text).not.toContain("chair@example.test");
    expect(text).toContain("Bloomsbury ward panel meeting");
    expect(text).toMatch(/[A-Z][a-z]+day 12 January \d{4}, 7pm to 8:30pm/);
    expect(text).toContain("Step-free access");
    expect(text).toContain("Reason: The library is closed for repairs");
    const calendarLink = page.getByRole("link", { name: /Add Bloomsbury ward's meetings to your calendar/ });
    const calendar = await context.request.get((await calendarLink.getAttribute("href"))!);
    expect(calendar.headers()["content-type"]).toContain("text/calendar");
    expect(await calendar.text()).toContain("STATUS:CANCELLED");
    expect(await page.getByRole("img", { name: /Bloomsbury/ }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await screenshot(page, "public-ward-page");
  });

  it("the public can browse a borough's wards, on a phone", async () => {
    const { page } = journeys;
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/");
    await page.getByLabel("Borough", { exact: true }).selectOption({ label: "Camden" });
    await page.getByRole("button", { name: "Search" }).click();
    await expect.poll(() => page.getByRole("link", { name: /— Camden$/ }).count()).toBe(20);
    // Keyed by code: Camden's Highgate, not Haringey's.
    await page.getByRole("link", { name: "Highgate — Camden" }).click();
    await expect.poll(() => page.url()).toContain("/wards/E05013661");
    await expectNoAxeViolations(page);
    await screenshot(page, "public-ward-page-phone");
  });

  it("a sergeant signs in, opens their ward and sees its panel", async () => {
    const { page } = journeys;
    await page.goto("/sign-in");
    await expectNoAxeViolations(page);
    await page.getByLabel("Email address").fill("sergeant@example.test");
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect.poll(() => page.getByRole("heading", { name: "Your wards" }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Bloomsbury" }).first().click();

    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Bloomsbury");
    const panel = await page.locator("main").innerText();
    expect(panel).toContain("Priya Shah");
    expect(panel).toContain("Tom Evans");
    expect(panel).toContain("member@example.test");
    await expectNoAxeViolations(page);
    await screenshot(page, "sergeant-ward-panel");
  });

  it("a wrong password gets a clear message and no way in", async () => {
    const { page } = journeys;
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill("sergeant@example.test");
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect
      .poll(() => page.getByRole("alert").first().innerText())
      .toContain("email address or password is not right");
    await expectNoAxeViolations(page);
    await page.goto("/staff");
    await expect.poll(() => page.url()).toContain("/sign-in");
  });

  it("an admin invites a panel member, who sets a password from the link and lands on their ward", async () => {
    const { page } = journeys;
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill("admin@example.test");
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("link", { name: "People and roles" }).first().click();
    await expect.poll(() => page.getByRole("heading", { name: "People and roles" }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    // The invitation form, not the people list's search, which has Role and Borough filters too.
    const invite = page.getByRole("region", { name: "Invite someone" });

    // The server's refusal appears against the field it concerns, and the form keeps what was typed.
    await invite.getByLabel("Name", { exact: true }).fill("Tom Again");
    await invite.getByLabel("Email address").fill("member@example.test");
    await invite.getByLabel("Role").selectOption({ label: "Admin" });
    await page.getByRole("button", { name: "Send invitation" }).click();
    const email = invite.getByLabel("Email address");
    await expect.poll(() => email.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("main").innerText()).toContain("member@example.test already has an account");
    expect(await invite.getByLabel("Name", { exact: true }).inputValue()).toBe("Tom Again");
    await expectNoAxeViolations(page);

    await invite.getByLabel("Name", { exact: true }).fill("Rosa Quinn");
    await invite.getByLabel("Email address").fill("rosa@example.test");
    await invite.getByLabel("Role").selectOption({ label: "Panel member" });
    await invite.getByLabel("Borough", { exact: true }).selectOption({ label: "Camden" });
    await expect.poll(() => invite.getByLabel("Ward", { exact: true }).locator("option").count()).toBe(21);
    await invite.getByLabel("Ward", { exact: true }).selectOption({ value: HOLBORN });
    await page.getByRole("button", { name: "Send invitation" }).click();
    const link = page.getByRole("textbox", { name: /invitation link/i });
    await expect.poll(() => link.inputValue()).toMatch(/\/invite\/[A-Za-z0-9_-]+$/);
    const inviteUrl = await link.inputValue();
    await expectNoAxeViolations(page);
    await screenshot(page, "admin-people");

    const invitePage = await journeys.newPage();
    await invitePage.goto(inviteUrl);
    await expect.poll(() => invitePage.locator("main").innerText()).toContain("Rosa Quinn");
    await expectNoAxeViolations(invitePage);
    await invitePage.getByLabel("Password", { exact: true }).fill("a long password for rosa");
    await invitePage.getByLabel(/confirm/i).fill("a long password for rosa");
    await invitePage.getByRole("button", { name: /Set password/ }).click();
    await expect.poll(() => invitePage.getByRole("heading", { name: "Your wards" }).isVisible()).toBe(true);
    await expect.poll(() => invitePage.locator("main").innerText()).toContain("Holborn & Covent Garden");
  });
});
