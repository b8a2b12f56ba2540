import { startTestSmtpServer } from "@wardpanel/server/testing/smtp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";

const BLOOMSBURY = "E05013653";
const PHONE = { width: 390, height: 844 };

describe("Welsh: a resident chooses Cymraeg, finds their ward and subscribes in Welsh", () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp?.close();
  });
  const journeys = setUpJourneys(async () => {}, {
    env: () => ({ SMTP_URL: smtp.url }),
    context: { viewport: PHONE },
  });

  it("switches language, keeps it across pages, marks pages not yet translated as English, and e-mails in Welsh", async () => {
    const { page } = journeys;
    await page.goto("/");
    await page.getByRole("button", { name: "Cymraeg" }).click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("cy");

    // The ward page is not translated yet: its content says it is English, so it is read as English.
    await page.getByLabel("Cod post, neu enw ward neu fwrdeistref").fill("bloomsbury");
    await page.getByRole("button", { name: "Chwilio" }).click();
    await page.getByRole("link", { name: "Bloomsbury — Camden" }).click();
    await expect.poll(() => page.url()).toContain(`/wards/${BLOOMSBURY}`);
    await expect.poll(() => page.locator("main").getAttribute("lang")).toBe("en");
    expect(await page.locator("html").getAttribute("lang")).toBe("cy");
    await expectNoAxeViolations(page);

    await page.goto(`/wards/${BLOOMSBURY}/subscribe`);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Cael diweddariadau ward Bloomsbury drwy e-bost");
    expect(await page.locator("main").getAttribute("lang")).toBeNull();
    await page.getByLabel("Cyfeiriad e-bost").fill("darllenydd@example.test");
    await page.getByRole("button", { name: "Tanysgrifio" }).click();
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "Edrychwch yn eich mewnflwch" }).isVisible())
      .toBe(true);
    await expectNoAxeViolations(page);
    await screenshot(page, "subscribe-welsh-phone");

    await expect.poll(() => smtp.received.filter((m) => m.to.includes("darllenydd@example.test")).length).toBe(1);
    const mail = smtp.received.find((m) => m.to.includes("darllenydd@example.test"));
    expect(mail?.headers).toMatch(/^Subject: Cadarnhewch eich diweddariadau Ward Panel ar gyfer Bloomsbury/m);
    expect(mail?.body).toContain("I ddechrau eu cael, cadarnhewch yma:");
  });
});
