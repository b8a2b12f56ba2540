import { seedActivePriority, seedMeetingHistory, seedPanelWithMembers, seedTeam } from "@wardpanel/db/testing";
import { londonParts } from "@wardpanel/meetings/london-time";
import { startTestSmtpServer } from "@wardpanel/server/testing/smtp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";

const BLOOMSBURY = "E05013653";
const PHONE = { width: 390, height: 844 };
const DAY_MS = 24 * 60 * 60 * 1000;
/** Three monthly meetings, the latest a week ago: the first two with published minutes. */
const HISTORY = [63, 35, 7].map((days) => londonParts(new Date(Date.now() - days * DAY_MS)).date);
/** Welsh month names, as Intl writes them for "cy". */
const WELSH_MONTH = /Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr/;

describe("Welsh: a resident chooses Cymraeg, finds their ward, reads it and a meeting, and subscribes in Welsh", () => {
  const ids = { meetings: [] as number[] };
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp?.close();
  });
  const journeys = setUpJourneys(
    (db) => {
      seedPanelWithMembers(db, BLOOMSBURY, 2);
      seedTeam(db, BLOOMSBURY, { officers: [{ name: "Grace Okafor", rank: "Sergeant" }] });
      ids.meetings = seedMeetingHistory(db, { wardCode: BLOOMSBURY, dates: HISTORY });
      seedActivePriority(db, {
        wardCode: BLOOMSBURY,
        now: new Date(Date.now() - 10 * DAY_MS),
        fields: { title: "Cycle theft outside Russell Square station" },
      });
    },
    {
      env: () => ({ SMTP_URL: smtp.url }),
      context: { viewport: PHONE },
    },
  );

  it("switches language, keeps it across pages, shows the ward and meeting pages in Welsh, marks pages not yet translated as English, and e-mails in Welsh", async () => {
    const { page } = journeys;
    await page.goto("/");
    await page.getByRole("button", { name: "Cymraeg" }).click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("cy");

    // The ward page is translated: in Welsh, and nothing marks it as English.
    await page.getByLabel("Cod post, neu enw ward neu fwrdeistref").fill("bloomsbury");
    await page.getByRole("button", { name: "Chwilio" }).click();
    await page.getByRole("link", { name: "Bloomsbury — Camden" }).click();
    await expect.poll(() => page.url()).toContain(`/wards/${BLOOMSBURY}`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Ward Bloomsbury");
    for (const heading of [
      "Eich Tîm Plismona Bro",
      "Anfon neges at eich tîm",
      "Panel ward",
      "Blaenoriaethau lleol",
      "Diweddariadau troseddu misol",
      "Cyfarfodydd i ddod",
      "Cyfarfodydd blaenorol",
      "Codi pryder",
    ])
      expect(await page.getByRole("heading", { level: 2, name: heading }).count(), heading).toBe(1);
    const past = page.getByRole("region", { name: "Cyfarfodydd blaenorol" });
    await expect.poll(() => past.innerText()).toContain("Cynhaliwyd 3 cyfarfod.");
    expect(await past.innerText()).toMatch(WELSH_MONTH);
    expect(await past.innerText()).toContain("Cyfarfod panel");
    expect(await page.getByRole("combobox", { name: "Pa fath o broblem yw hi?" }).innerText()).toContain(
      "Ymddygiad gwrthgymdeithasol",
    );
    expect(await page.locator("main").getAttribute("lang")).toBeNull();
    expect(await page.locator("html").getAttribute("lang")).toBe("cy");
    expect(await page.title()).toContain("Ward Bloomsbury");
    await expectNoAxeViolations(page);
    await screenshot(page, "ward-page-welsh-phone");

    // A past meeting's page, with its published minutes, in Welsh too.
    const [withMinutes] = ids.meetings;
    await page.goto(`/wards/${BLOOMSBURY}/meetings/${withMinutes}`);
    await expect.poll(() => page.getByRole("heading", { level: 2, name: "Pryd a ble" }).count()).toBe(1);
    for (const heading of ["Agenda", "Cofnodion"])
      expect(await page.getByRole("heading", { level: 2, name: heading }).count(), heading).toBe(1);
    expect(await page.getByRole("heading", { level: 3, name: "Presenoldeb" }).count()).toBe(1);
    const details = await page.getByRole("region", { name: "Pryd a ble" }).innerText();
    expect(details).toMatch(/Dydd \w+ \d+ \w+ \d{4}, \d+(:\d\d)?yh tan \d+(:\d\d)?yh/);
    expect(details).toMatch(WELSH_MONTH);
    expect(details).toContain("Cyfarfod panel");
    expect(await page.getByRole("region", { name: "Cofnodion" }).innerText()).toContain("Cyhoeddwyd");
    expect(await page.getByRole("link", { name: "Yn ôl i ward Bloomsbury" }).count()).toBe(1);
    expect(await page.locator("main").getAttribute("lang")).toBeNull();
    expect(await page.locator("html").getAttribute("lang")).toBe("cy");
    await expectNoAxeViolations(page);
    await screenshot(page, "meeting-page-welsh-phone");

    // The priorities page is in Welsh; a staff page, not translated, says its content is English.
    await page.goto(`/wards/${BLOOMSBURY}/priorities`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Blaenoriaethau");
    expect(await page.locator("main").getAttribute("lang")).toBeNull();
    await page.goto("/sign-in");
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
