import { seedUser, TEST_PASSWORD } from "@wardpanel/db/testing";
import { startTestSmtpServer } from "@wardpanel/server/testing/smtp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";
import { signIn } from "../src/sign-in";

const BLOOMSBURY = "E05013653";

describe("accounts: forgotten and changed passwords, new links from an admin", () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  const mailTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp?.close();
  });
  // The server's PUBLIC_BASE_URL is its own address, so links in e-mails lead back to it.
  const journeys = setUpJourneys(
    async (db) => {
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
      await seedUser(db, { email: "admin@example.test", name: "Ada Admin", roles: [{ role: "admin" }] });
      // Signs out in its own test: the others change their passwords, so it needs one nobody changes.
      await seedUser(db, {
        email: "member@example.test",
        name: "Tom Reid",
        roles: [{ role: "panel_member", wardCode: BLOOMSBURY }],
      });
    },
    // Phone width: these pages are used on the move.
    { env: () => ({ SMTP_URL: smtp.url }), context: { viewport: { width: 390, height: 844 } } },
  );
  const main = () => journeys.page.locator("main").innerText();

  it("a sergeant who forgot their password gets a link by e-mail, chooses a new one and signs in with it", async () => {
    const { page, app } = journeys;
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Forgot your password?" }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    const before = mailTo("sergeant@example.test").length;
    await page.getByLabel("Email address").fill("sergeant@example.test");
    await page.getByRole("button", { name: "Send me a link" }).click();
    await expect
      .poll(main)
      .toContain("If sergeant@example.test is the address of a Ward Panel account, we have sent a link to it.");
    await expectNoAxeViolations(page);

    await expect.poll(() => mailTo("sergeant@example.test").length).toBe(before + 1);
    const link = /http:\/\/[^\s"<>]+\/reset-password\/[A-Za-z0-9_-]+/.exec(
      mailTo("sergeant@example.test").at(-1)!.body,
    )?.[0];
    expect(link?.startsWith(`${app.url}/reset-password/`)).toBe(true);

    await page.goto(link!);
    await expect.poll(() => page.getByRole("heading", { name: "Choose a new password" }).isVisible()).toBe(true);
    expect(await main()).toContain("For sergeant@example.test.");
    await expectNoAxeViolations(page);

    // A common password is refused against the field, and the link still works.
    await page.getByLabel("New password", { exact: true }).fill("passwordpassword");
    await page.getByLabel("Confirm new password").fill("passwordpassword");
    await page.getByRole("button", { name: "Save new password" }).click();
    const password = page.getByLabel("New password", { exact: true });
    await expect.poll(() => password.getAttribute("aria-invalid")).toBe("true");
    expect(await main()).toContain("This password is on a list of passwords that many people use");
    await expectNoAxeViolations(page);
    await screenshot(page, "reset-password-common");

    await password.fill("kettle orchard lamp 42");
    await page.getByLabel("Confirm new password").fill("kettle orchard lamp 42");
    await page.getByRole("button", { name: "Save new password" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Sign in" }).isVisible()).toBe(true);
    expect(await main()).toContain("Your password has been changed");
    expect(await page.getByLabel("Email address").inputValue()).toBe("sergeant@example.test");
    await expectNoAxeViolations(page);

    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect
      .poll(() => page.getByRole("alert").first().innerText())
      .toContain("email address or password is not right");
    await page.getByLabel("Password").fill("kettle orchard lamp 42");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Your wards" }).isVisible()).toBe(true);

    // The link worked once.
    await page.goto(link!);
    await expect.poll(() => page.getByRole("heading", { name: "This link does not work" }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);
  });

  it("a chair changes their password while signed in", async () => {
    const { page } = journeys;
    await signIn(page, "chair@example.test");
    await page.getByRole("link", { name: "Change password" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Change your password" }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    await page.getByLabel("Current password").fill("not my password");
    await page.getByLabel("New password", { exact: true }).fill("violet harbour bicycle 7");
    await page.getByLabel("Confirm new password").fill("violet harbour bicycle 7");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect.poll(() => page.getByLabel("Current password").getAttribute("aria-invalid")).toBe("true");
    expect(await main()).toContain("Your current password is not right");

    await page.getByLabel("Current password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect.poll(main).toContain("Your password has been changed.");
    await expectNoAxeViolations(page);
    await screenshot(page, "change-password");
  });

  it("signing out says so when it fails, and signs out when tried again", async () => {
    const { page } = journeys;
    await signIn(page, "member@example.test");
    // The network drops just as the chair signs out.
    await page.route("**/trpc/auth.signOut**", (route) => route.abort("internetdisconnected"));
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect.poll(() => page.getByRole("alert").innerText()).toContain("You are still signed in: try again.");
    await expectNoAxeViolations(page);

    await page.unroute("**/trpc/auth.signOut**");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect.poll(() => page.getByRole("link", { name: "Staff sign in" }).isVisible()).toBe(true);
    expect(await page.getByRole("alert").count()).toBe(0);
  });

  it("an admin sends a new link to someone who has a password, after confirming", async () => {
    const { page, app } = journeys;
    await signIn(page, "admin@example.test");
    await page.goto("/staff/people");
    await expect.poll(() => page.getByRole("heading", { name: "People and roles" }).isVisible()).toBe(true);
    const jo = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Jo Okafor" }) });
    await jo.getByRole("button", { name: "Send a new link to Jo Okafor" }).click();
    expect(await jo.innerText()).toContain("Their password keeps working until they use the link");
    await expectNoAxeViolations(page);
    const before = mailTo("sergeant@example.test").length;
    await jo.getByRole("button", { name: "Yes, send the link" }).click();
    await expect.poll(() => jo.innerText()).toContain("We have e-mailed the link to sergeant@example.test.");
    const copy = await jo.getByRole("textbox", { name: "Link to choose a new password" }).inputValue();
    expect(copy.startsWith(`${app.url}/reset-password/`)).toBe(true);
    await expect.poll(() => mailTo("sergeant@example.test").length).toBe(before + 1);
    expect(mailTo("sergeant@example.test").at(-1)!.body).toContain(copy);
    await expectNoAxeViolations(page);
    await screenshot(page, "people-new-link");
  });
});
