import { seedPanelWithMembers, seedUser } from "@wardpanel/db/testing";
import { startTestSmtpServer } from "@wardpanel/server/testing/smtp";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";
import { signIn } from "../src/sign-in";

const BLOOMSBURY = "E05013653";
const PHONE = { width: 390, height: 844 };

/**
 * Welsh Language Standards: a resident who writes to the team in Welsh is answered in Welsh. The
 * form, its validation messages, the acknowledgement e-mail and the private thread page are all in
 * Welsh, and the team is told which language to reply in.
 */
describe("Welsh: a resident messages the team in Cymraeg", () => {
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
      seedPanelWithMembers(db, BLOOMSBURY, 2);
      await seedUser(db, {
        email: "constable@example.test",
        name: "PC Amara Lewis",
        roles: [{ role: "team_member", wardCode: BLOOMSBURY }],
      });
    },
    // Mail is polled often so the acknowledgement arrives while the test waits.
    { env: () => ({ SMTP_URL: smtp.url, PACK_MAIL_POLL_MS: "200" }), context: { viewport: PHONE } },
  );
  const main = (page: Page) => () => page.locator("main").innerText();
  const langs = async (page: Page) => ({
    html: await page.locator("html").getAttribute("lang"),
    main: await page.locator("main").getAttribute("lang"),
  });

  it("sees a Welsh validation message, sends, gets the acknowledgement in Welsh and reads the private page in Welsh", async () => {
    const { page, app } = journeys;
    await page.goto("/");
    await page.getByRole("button", { name: "Cymraeg" }).click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("cy");

    await page.goto(`/wards/${BLOOMSBURY}/message`);
    await page.getByRole("heading", { level: 1, name: "Anfon neges at eich Tîm Plismona Bro" }).waitFor();
    const formShownAt = Date.now();
    expect(await langs(page)).toEqual({ html: "cy", main: null });
    expect(await page.getByRole("button", { name: "Gadael y dudalen hon" }).isVisible()).toBe(true);
    const text = await main(page)();
    expect(text).toContain("Nid yw hwn ar gyfer argyfyngau nac i roi gwybod am drosedd.");
    expect(text.indexOf("999")).toBeLessThan(text.indexOf("Am beth mae eich neges?"));
    expect(await page.title()).toContain("Anfon neges at eich tîm");
    await expectNoAxeViolations(page);

    // One field wrong: the message is too short. The form says so in Welsh.
    await page.getByLabel("Am beth mae eich neges?").selectOption("Ymddygiad gwrthgymdeithasol");
    await page.getByLabel("Eich neges", { exact: true }).fill("Beiciau");
    await page.getByLabel(/Cadwch fy manylion cyswllt/).check();
    await page.getByLabel("Eich cyfeiriad e-bost").fill("bethan@example.test");
    await page.getByRole("button", { name: "Anfon y neges" }).click();
    await expect.poll(main(page)).toContain("Ysgrifennwch eich neges: o leiaf 10 nod");
    expect(await main(page)()).not.toContain("Write your message");
    const body = page.getByLabel("Eich neges", { exact: true });
    expect(await body.getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page);
    await screenshot(page, "message-team-welsh-error-phone");

    // Fixed and sent (after the 3 seconds the form waits for, against bots).
    await body.fill("Mae beiciau modur yn rasio o gwmpas Sgwâr Russell bron bob nos ar ôl 11yh.");
    await page.waitForTimeout(Math.max(0, 3_500 - (Date.now() - formShownAt)));
    await page.getByRole("button", { name: "Anfon y neges" }).click();
    await page.getByRole("heading", { name: "Mae eich neges wedi'i hanfon" }).waitFor();
    const confirmation = await main(page)();
    const reference = /Eich cyfeirnod yw (WM-[0-9A-Z]{8})/.exec(confirmation)?.[1];
    expect(reference).toBeDefined();
    expect(confirmation).toContain("Rydym wedi anfon y cyfeirnod a'r ddolen hon atoch drwy e-bost");
    await expectNoAxeViolations(page);

    // The acknowledgement e-mail is in Welsh, with the private link.
    await expect.poll(() => mailTo("bethan@example.test").length, { timeout: 15_000 }).toBe(1);
    const ack = mailTo("bethan@example.test")[0]!;
    expect(ack.headers).toContain(`Mae eich neges gennym (${reference})`);
    expect(ack.body).toContain("o fewn 72 awr");
    expect(ack.body).toContain("Darllen ac ateb ar eich tudalen breifat");
    expect(ack.body).not.toContain("We have your message");
    const link = /http:\/\/[^\s"<>]+\/messages\/[A-Za-z0-9_-]+/.exec(ack.body)?.[0];
    expect(link?.startsWith(`${app.url}/messages/`)).toBe(true);

    // The private thread page, in Welsh.
    await page.goto(link!);
    await page.getByRole("heading", { level: 1, name: `Eich neges ${reference}` }).waitFor();
    const thread = await main(page)();
    expect(thread).toContain("Yn aros i'r tîm ateb");
    expect(thread).toContain("Ymddygiad gwrthgymdeithasol");
    expect(thread).toContain("Fe ysgrifennoch chi");
    expect(await page.getByRole("heading", { level: 2, name: "Y sgwrs" }).count()).toBe(1);
    expect(await langs(page)).toEqual({ html: "cy", main: null });
    await expectNoAxeViolations(page);
    await screenshot(page, "message-thread-welsh-phone");

    // The team is told to reply in Welsh, and the resident's words are marked as Welsh.
    const constable = await journeys.newPage({ viewport: PHONE });
    await signIn(constable, "constable@example.test");
    await constable.goto(`/staff/wards/${BLOOMSBURY}/messages`);
    await expect.poll(main(constable)).toContain("Written in Welsh — reply in Welsh");
    expect(await constable.locator('main [lang="cy"]').count()).toBe(1);
    await expectNoAxeViolations(constable);
  });
});
