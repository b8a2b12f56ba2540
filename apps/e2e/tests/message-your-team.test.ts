import { sendTeamMessage } from "@wardpanel/db/queries/team-messages";
import { seedPanelWithMembers, seedUser } from "@wardpanel/db/testing";
import { startTestSmtpServer } from "@wardpanel/server/testing/smtp";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { expectNoAxeViolations, RESULTS_DIR, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";
import { signIn } from "../src/sign-in";

const BLOOMSBURY = "E05013653";
const HOLBORN = "E05013662";
const CAMDEN = "E09000007";
const PHONE = { width: 390, height: 844 };

/** A resident messages the ward's team, gets the reference by e-mail, reads the reply on their private page and complains; the manager sees it. */
describe("message your team", () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  const mailTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp?.close();
  });
  const journeys = setUpJourneys(
    async (db) => {
      seedPanelWithMembers(db, BLOOMSBURY, 3);
      await seedUser(db, {
        email: "sergeant@example.test",
        name: "PS Okafor",
        roles: [{ role: "sergeant", wardCode: BLOOMSBURY }],
      });
      await seedUser(db, {
        email: "constable@example.test",
        name: "PC Amara Lewis",
        roles: [{ role: "team_member", wardCode: BLOOMSBURY }],
      });
      await seedUser(db, { email: "admin@example.test", name: "Insp Grey", roles: [{ role: "admin" }] });
      await seedUser(db, { email: "member@example.test", roles: [{ role: "panel_member", wardCode: BLOOMSBURY }] });
      // Holborn's team, with a message waiting, for the sergeant to assign.
      await seedUser(db, {
        email: "holborn-sergeant@example.test",
        name: "PS Mensah",
        roles: [{ role: "sergeant", wardCode: HOLBORN }],
      });
      await seedUser(db, { name: "PCSO Jo Hart", roles: [{ role: "team_member", wardCode: HOLBORN }] });
      sendTeamMessage(db, {
        wardCode: HOLBORN,
        message: {
          topic: "a-meeting",
          body: "When is the next ward panel meeting, and can I bring a neighbour?",
          name: "",
          contactEmail: "",
          contactPhone: "",
          hasConsent: false,
        },
        tokenSecret: "a-secret-for-this-journey-only-not-for-a-server",
        now: new Date(),
      });
    },
    // Mail is polled often so the e-mails arrive while the test waits; the site's links lead back to it.
    { env: () => ({ SMTP_URL: smtp.url, PACK_MAIL_POLL_MS: "200" }), context: { viewport: PHONE } },
  );
  const main = (page: Page) => () => page.locator("main").innerText();

  /** Waits for the n-th e-mail to `address` and returns it. */
  async function nthMail(address: string, n: number) {
    await expect.poll(() => mailTo(address).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(n);
    return mailTo(address)[n - 1]!;
  }

  it("a resident sends a message, the constable replies, the resident says it was not good enough, the manager responds", async () => {
    const { page, app } = journeys;
    const body = "Motorbikes race round Russell Square most nights after 11pm and nobody seems to stop them.";

    // The ward page leads to the form; 999 and 101 come before the form, and the quick exit is there.
    await page.goto(`/wards/${BLOOMSBURY}`);
    const section = page.getByRole("region", { name: "Message your team" });
    await expect.poll(() => section.innerText()).toContain("No messages yet");
    await section.getByRole("link", { name: "Send the team a message" }).click();
    await page.getByRole("heading", { name: "Message your Safer Neighbourhoods Team" }).waitFor();
    const formShownAt = Date.now();
    const text = await main(page)();
    expect(text.indexOf("call 999")).toBeGreaterThan(-1);
    expect(text.indexOf("call 999")).toBeLessThan(text.indexOf("What is your message about?"));
    expect(text.indexOf("101")).toBeLessThan(text.indexOf("What is your message about?"));
    const exit = page.getByRole("button", { name: "Exit this page" });
    expect(await exit.isVisible()).toBe(true);
    expect(await exit.getAttribute("href")).toBe("https://www.bbc.co.uk/weather");
    await expectNoAxeViolations(page);

    await page.getByLabel("What is your message about?").selectOption("Anti-social behaviour");
    await page.getByLabel("Your message", { exact: true }).fill(body);
    await page.getByLabel(/Keep my contact details/).check();
    await page.getByLabel("Your name (optional)").fill("Ada Resident");
    await page.getByLabel("Your e-mail address").fill("ada@example.test");
    await expectNoAxeViolations(page);
    await screenshot(page, "message-team-form-phone");
    // The form turns away anything sent within 3 seconds of being shown (a bot's speed).
    await page.waitForTimeout(Math.max(0, 3_500 - (Date.now() - formShownAt)));
    await page.getByRole("button", { name: "Send the message" }).click();
    await page.getByRole("heading", { name: "Your message has been sent" }).waitFor();
    const confirmation = await main(page)();
    const reference = /Your reference is (WM-[0-9A-Z]{8})/.exec(confirmation)?.[1];
    expect(reference).toBeDefined();
    expect(confirmation).toContain("We have e-mailed you the reference and this link");
    await expectNoAxeViolations(page);
    await screenshot(page, "message-team-sent-phone");

    // The acknowledgement e-mail carries the reference and the private link.
    const ack = await nthMail("ada@example.test", 1);
    expect(ack.headers).toContain(`We have your message (${reference})`);
    const link = /http:\/\/[^\s"<>]+\/messages\/[A-Za-z0-9_-]+/.exec(ack.body)?.[0];
    expect(link?.startsWith(`${app.url}/messages/`)).toBe(true);

    // The constable finds it in the team's inbox, with the time left, and replies.
    const constable = await journeys.newPage({ viewport: PHONE });
    await signIn(constable, "constable@example.test");
    // The dashboard lists what waits for the constable's team across their wards.
    await constable.getByRole("heading", { name: "Messages waiting for your team" }).waitFor();
    expect(await main(constable)()).toContain(`${reference}: Anti-social behaviour (Bloomsbury)`);
    await expectNoAxeViolations(constable);
    await constable.goto(`/staff/wards/${BLOOMSBURY}`);
    await constable.getByRole("link", { name: "Messages to the team" }).click();
    await constable.getByRole("heading", { name: "Messages to the team" }).waitFor();
    await expect.poll(main(constable)).toContain(`${reference}: Anti-social behaviour`);
    expect(await main(constable)()).toMatch(/2 days 23 hours left|3 days left/);
    await expectNoAxeViolations(constable);
    await screenshot(constable, "message-team-inbox-phone");
    await constable.getByRole("link", { name: `${reference}: Anti-social behaviour` }).click();
    await constable.getByRole("heading", { name: `${reference}: Anti-social behaviour` }).waitFor();
    expect(await main(constable)()).toContain("Ada Resident, ada@example.test");
    await expectNoAxeViolations(constable);
    const reply = "Thank you. We will patrol Russell Square from 10pm on Friday and Saturday this month.";
    await constable.getByLabel("Your reply to the resident").fill(reply);
    await constable.getByRole("button", { name: "Send the reply" }).click();
    await expect.poll(main(constable)).toContain("Reply sent: it is e-mailed to the resident.");
    expect(await main(constable)()).toContain("PC Amara Lewis replied");
    await expectNoAxeViolations(constable);
    await screenshot(constable, "message-team-replied-phone");

    // The reply arrives by e-mail; the resident reads it on the private page and says it was not good enough.
    const replied = await nthMail("ada@example.test", 2);
    expect(replied.body).toContain(reply);
    await page.goto(link!);
    await page.getByRole("heading", { name: `Your message ${reference}` }).waitFor();
    await expect.poll(main(page)).toContain(reply);
    expect(await main(page)()).toContain("PC Amara Lewis replied");
    expect(await main(page)()).not.toContain("ada@example.test");
    expect(await page.getByRole("button", { name: "Exit this page" }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await screenshot(page, "message-thread-reply-phone");
    await page.getByText("Say the reply was not good enough").click();
    await page
      .getByLabel("What was not good enough?")
      .fill("The racing happens on weekdays too, not only at weekends.");
    await page.getByRole("button", { name: "Send to the manager" }).click();
    await expect.poll(main(page)).toContain("Sent to the team's manager, who will respond.");
    expect(await main(page)()).toContain("You said the reply was not good enough");
    await expectNoAxeViolations(page);
    await screenshot(page, "message-thread-complained-phone");

    // The manager (an admin) sees the answered share and the complaint on oversight, and responds.
    const admin = await journeys.newPage({ viewport: PHONE });
    await signIn(admin, "admin@example.test");
    await admin.goto(`/staff/oversight?borough=${CAMDEN}`);
    const messages = admin.getByRole("region", { name: "Messages to the teams in Camden" });
    await expect.poll(() => messages.innerText()).toContain("No message is overdue.");
    const figures = await messages.innerText();
    expect(figures).toContain("100% answered within 72 hours");
    expect(figures).toContain("The racing happens on weekdays too, not only at weekends.");
    await expectNoAxeViolations(admin);
    await screenshot(admin, "message-oversight-phone");
    await messages.screenshot({ path: `${RESULTS_DIR}message-oversight-section-phone.png` });
    await admin
      .getByLabel(`Your response to the resident (${reference})`)
      .fill("I have asked the team to add weekday patrols from next week.");
    await admin.getByRole("button", { name: "Send the response" }).click();
    await expect.poll(() => messages.innerText()).toContain("None waiting for a response.");
    const response = await nthMail("ada@example.test", 3);
    expect(response.body).toContain("I have asked the team to add weekday patrols from next week.");

    // The ward page publishes its own figure.
    await page.goto(`/wards/${BLOOMSBURY}`);
    await expect
      .poll(() => page.getByRole("region", { name: "Message your team" }).innerText())
      .toContain("answered 100% of messages within 72 hours (1 of 1)");
  });

  it("without an e-mail the resident is told to keep the link; Exit this page leaves for a neutral site, even by Shift ×3", async () => {
    const { page } = journeys;
    // The neutral site is answered here: the test machine has no internet.
    await page.route("https://www.bbc.co.uk/**", (route) =>
      route.fulfill({ contentType: "text/html", body: "<title>BBC Weather</title><h1>Weather</h1>" }),
    );
    await page.goto(`/wards/${BLOOMSBURY}/message`);
    await page.getByRole("heading", { name: "Message your Safer Neighbourhoods Team" }).waitFor();
    const formShownAt = Date.now();
    await page.getByLabel("What is your message about?").selectOption("Speeding, parking or road safety");
    await page
      .getByLabel("Your message", { exact: true })
      .fill("Vans park on the zig-zags outside the school every morning.");
    await page.waitForTimeout(Math.max(0, 3_500 - (Date.now() - formShownAt)));
    await page.getByRole("button", { name: "Send the message" }).click();
    await page.getByRole("heading", { name: "Your message has been sent" }).waitFor();
    expect(await main(page)()).toContain("Keep this link");
    expect(await main(page)()).toMatch(/\/messages\/[A-Za-z0-9_-]{40,}/);
    await expectNoAxeViolations(page);
    await screenshot(page, "message-team-sent-no-email-phone");

    await page.getByRole("link", { name: "Read the team's reply on your private page" }).click();
    await expect.poll(main(page)).toContain("Waiting for the team to reply");
    expect(await page.getByText("Say the reply was not good enough").count()).toBe(0);
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await page.waitForURL("https://www.bbc.co.uk/weather");
    // location.replace: going back skips the private page.
    await page.goBack();
    await expect.poll(() => page.url()).toMatch(new RegExp(`/wards/${BLOOMSBURY}/message$`));

    await page.goto(`/messages/${"x".repeat(40)}`);
    await expect.poll(main(page)).toContain("This link does not lead to a message");
  });

  it("a field with an error is not hidden under the Exit bar, and a message sent too quickly is refused, not lost", async () => {
    const { page } = journeys;
    await page.setViewportSize({ width: 1280, height: 700 });
    await page.goto(`/wards/${BLOOMSBURY}/message`);
    await page.getByRole("heading", { name: "Message your Safer Neighbourhoods Team" }).waitFor();
    await page.getByLabel("Your message", { exact: true }).fill("Cars race along the high street at night.");
    await page.getByRole("button", { name: "Send the message" }).click();
    // The topic was left unset: focus goes to it, and it shows below the sticky bar (WCAG 2.4.11).
    const topic = page.getByLabel("What is your message about?");
    await expect.poll(() => topic.evaluate((element) => element === document.activeElement)).toBe(true);
    const bar = await page.locator("[data-quick-exit]").boundingBox();
    const field = await topic.boundingBox();
    expect(field && bar && field.y >= bar.y + bar.height).toBe(true);

    // Sent within 3 seconds of opening (autofill, paste): refused with what to do, the words kept.
    // The page's clock is set 5 s ahead, so the form counts as just opened however slow this machine is.
    const shownAt = Date.now() + 5_000;
    await page.clock.setFixedTime(shownAt);
    await page.reload();
    await page.getByLabel("What is your message about?").selectOption("Speeding, parking or road safety");
    await page.getByLabel("Your message", { exact: true }).fill("Cars race along the high street at night.");
    await page.getByRole("button", { name: "Send the message" }).click();
    await expect.poll(main(page)).toContain("Check it and press Send again.");
    expect(await page.getByLabel("Your message", { exact: true }).inputValue()).toBe(
      "Cars race along the high street at night.",
    );
    await page.waitForTimeout(Math.max(0, shownAt + 3_500 - Date.now()));
    await page.getByRole("button", { name: "Send the message" }).click();
    await page.getByRole("heading", { name: "Your message has been sent" }).waitFor();
  });

  it("a sergeant gives a waiting message to a PCSO of the team; a panel member is not offered the inbox", async () => {
    const { page } = journeys;
    await signIn(page, "holborn-sergeant@example.test");
    await page.goto(`/staff/wards/${HOLBORN}/messages`);
    await page.getByRole("heading", { name: "Messages to the team" }).waitFor();
    await expect.poll(main(page)).toContain("A meeting or the ward panel");
    expect(await main(page)()).toContain("Not assigned.");
    await page.getByRole("link", { name: /: A meeting or the ward panel$/ }).click();
    await page.getByLabel("Who should answer it?").waitFor();
    expect(await main(page)()).toContain("None left: the resident reads replies on their private page");
    await page.getByLabel("Who should answer it?").selectOption("PCSO Jo Hart");
    await expect.poll(main(page)).toContain("Assigned to PCSO Jo Hart.");
    await expectNoAxeViolations(page);
    await screenshot(page, "message-assigned-phone");
    await page.getByRole("link", { name: "Messages to the team" }).click();
    await expect.poll(main(page)).toContain("Assigned to PCSO Jo Hart.");

    // A panel member works with the panel, not the team's inbox.
    const member = await journeys.newPage({ viewport: PHONE });
    await signIn(member, "member@example.test");
    await member.goto(`/staff/wards/${BLOOMSBURY}`);
    await member.getByRole("navigation", { name: "This ward's work" }).waitFor();
    expect(await member.getByRole("link", { name: "Messages to the team" }).count()).toBe(0);
  });
});
