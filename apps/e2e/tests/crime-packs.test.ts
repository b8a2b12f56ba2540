import { readFileSync, writeFileSync } from "node:fs";

import { seedPanel, seedPublishedMeeting, seedTeam, seedUser } from "@wardpanel/db/testing";
import { pdfText, POLICE_UK_FILES, renderPdfPageToPng, seedPriorityWithProgress } from "@wardpanel/packs/testing";
import { startTestSmtpServer } from "@wardpanel/server/testing/smtp";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { expectNoAxeViolations, RESULTS_DIR, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";
import { signIn } from "../src/sign-in";

const BLOOMSBURY = "E05013653";
const MONTH = "2024-12";
const nextYear = new Date().getUTCFullYear() + 1;

describe("monthly crime-update packs", () => {
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
      seedPanel(db, BLOOMSBURY);
      seedTeam(db, BLOOMSBURY, {
        baseName: "Holborn Police Station",
        officers: [{ name: "PS Amara Patel", rank: "Sergeant" }],
      });
      seedPublishedMeeting(db, {
        wardCode: BLOOMSBURY,
        date: `${nextYear}-02-10`,
        now: new Date(),
        details: { title: "Bloomsbury ward panel meeting" },
      });
      await seedUser(db, {
        email: "sergeant@example.test",
        name: "Amara Patel",
        roles: [{ role: "sergeant", wardCode: BLOOMSBURY }],
      });
      await seedUser(db, {
        email: "analyst@example.test",
        name: "Dev Mistry",
        roles: [{ role: "analyst", force: "metropolitan" }],
      });
      seedPriorityWithProgress(db, { wardCode: BLOOMSBURY, month: MONTH });
    },
    {
      env: () => ({
        SMTP_URL: smtp.url,
        PACK_MAIL_POLL_MS: "300",
        PACK_TOKEN_SECRET: "e2e-secret-that-is-certainly-long-enough",
      }),
    },
  );

  async function subscribe(page: Page, email: string) {
    const main = () => page.locator("main").innerText();
    await page.goto(`/wards/${BLOOMSBURY}/subscribe`);
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect.poll(main).toContain(`we have sent a link to ${email} to confirm`);
  }

  it("a month's crime data becomes a pack: residents subscribe, the analyst imports, the sergeant publishes, the public read it and the confirmed subscriber gets it by e-mail", async () => {
    // 1. Two residents subscribe; one confirms by the link in the e-mail.
    {
      const { page } = journeys;
      const main = () => page.locator("main").innerText();
      await page.setViewportSize({ width: 390, height: 844 });
      await subscribe(page, "resident@example.test");
      await expectNoAxeViolations(page);
      await subscribe(page, "unconfirmed@example.test");
      await expect.poll(() => mailTo("resident@example.test").length).toBe(1);
      const link = /http:\/\/[^\s"<>]+\/subscriptions\/confirm\/[A-Za-z0-9_-]+/.exec(
        mailTo("resident@example.test")[0]!.body,
      )?.[0];
      expect(link).toBeDefined();
      await page.goto(new URL(link!).pathname);
      await expect
        .poll(main)
        .toContain("resident@example.test will get Bloomsbury ward's crime and policing update each month.");
      await expectNoAxeViolations(page);
    }

    // 2. The force's analyst imports a month (a bad file is refused with its line), replaces it only after seeing what changes, and restores it from the log.
    {
      const page = await journeys.newPage();
      const main = () => page.locator("main").innerText();
      await signIn(page, "analyst@example.test");
      await page.getByRole("link", { name: "Crime data" }).first().click();
      await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Crime data");
      const bad = `${RESULTS_DIR}bad-street.csv`;
      writeFileSync(
        bad,
        "Crime ID,Month,Reported by,Falls within,Latitude,Longitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n",
      );
      await page.getByLabel(/Street-level crime file/).setInputFiles(bad);
      await page.getByRole("button", { name: "Import the files" }).click();
      await expect
        .poll(() => page.getByRole("alert").innerText())
        .toContain("bad-street.csv was not imported. Line 1: the header is not a police.uk street file");

      await page.getByLabel(/Street-level crime file/).setInputFiles(POLICE_UK_FILES.metStreet202412);
      await page.getByLabel(/Outcomes file/).setInputFiles(POLICE_UK_FILES.metOutcomes202412);
      await page.getByRole("button", { name: "Import the files" }).click();
      await expect
        .poll(main, { timeout: 20_000 })
        .toContain("Metropolitan Police Service, December 2024: 4761 rows imported");
      expect(await main()).toContain(
        "In a ward: 4757. No location: 0. Outside every ward we hold: 2. In a ward another force polices (shown in its pack as that force's): 2.",
      );
      await expectNoAxeViolations(page);
      await screenshot(page, "crime-data-imported");

      // A one-row file for the same month: nothing changes until the analyst has seen the comparison and confirmed.
      const oneRow = `${RESULTS_DIR}2024-12-one-row.csv`;
      writeFileSync(oneRow, readFileSync(POLICE_UK_FILES.metStreet202412, "utf8").split("\n").slice(0, 2).join("\n"));
      await page.getByLabel(/Outcomes file/).setInputFiles([]);
      await page.getByLabel(/Street-level crime file/).setInputFiles(oneRow);
      await page.getByRole("button", { name: "Import the files" }).click();
      const replace = page.getByRole("group", { name: "Replace December 2024?" });
      await expect.poll(() => replace.isVisible(), { timeout: 20_000 }).toBe(true);
      expect(await replace.innerText()).toContain(
        "Metropolitan Police Service, December 2024: 4761 rows held now, 1 row after.",
      );
      expect(await replace.getByRole("table").first().getByRole("row").count()).toBeGreaterThan(5);
      await page.setViewportSize({ width: 390, height: 844 });
      await expectNoAxeViolations(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, "crime-data-replace-preview-phone");
      await page.setViewportSize({ width: 1280, height: 900 });
      await replace.getByRole("button", { name: "Yes, replace December 2024" }).click();
      await expect
        .poll(main, { timeout: 20_000 })
        .toContain("Metropolitan Police Service, December 2024: 1 row imported (replacing 4761 held before)");

      // The log lists both imports; restoring brings the 4,761 rows back after its own preview.
      const log = page.getByRole("region", { name: "Import log: Metropolitan Police Service" });
      await expect.poll(() => log.innerText()).toContain("Street file 2024-12-one-row.csv");
      expect(await log.innerText()).toContain("Rows: 4761 before, 1 after.");
      expect(await log.innerText()).toContain("by Dev Mistry");
      await log.getByRole("button", { name: /^Restore the 4761 rows entry \d+ replaced$/ }).click();
      const restore = page.getByRole("group", { name: /^Restore December 2024 as before entry \d+\?$/ });
      await expect.poll(() => restore.innerText()).toContain("1 row held now, 4761 rows after.");
      await expectNoAxeViolations(page);
      await screenshot(page, "crime-data-restore-preview");
      await restore.getByRole("button", { name: "Yes, restore December 2024" }).click();
      await expect.poll(main).toContain("Restored December 2024: 4761 rows (1 before).");
      expect(await log.innerText()).toContain("Restored the rows replaced by entry");
    }

    // 3. A sergeant is not offered the import; they review the draft, write commentary and publish.
    {
      const page = await journeys.newPage();
      const main = () => page.locator("main").innerText();
      await signIn(page, "sergeant@example.test");
      await page.goto("/staff/crime-data");
      await expect.poll(main).toContain("imported by the force's crime data analysts");
      expect(await page.getByRole("button", { name: "Import the files" }).count()).toBe(0);
      await expectNoAxeViolations(page);

      await page.goto(`/staff/wards/${BLOOMSBURY}/packs`);
      await page.getByRole("link", { name: "December 2024" }).click();
      await expect
        .poll(() => page.getByRole("heading", { level: 1 }).innerText())
        .toBe("Bloomsbury ward: crime and policing update, December 2024");
      const preview = await main();
      expect(preview).toContain("Draft: only the ward's sergeant and chair see this.");
      expect(preview).toContain("Burglary around Russell Square");
      expect(preview).toContain("Twelve evening patrols and 40 crime-prevention visits");
      expect(preview).toContain("No priority calls reported yet.");

      // Publishing without commentary is refused against the field.
      await page.getByRole("button", { name: "Publish the pack" }).click();
      await page.getByRole("button", { name: "Yes, publish and e-mail it" }).click();
      await expect
        .poll(() => page.getByText("Write the sergeant's commentary before publishing").isVisible())
        .toBe(true);

      await page
        .getByRole("textbox", { name: "Sergeant's commentary" })
        .fill(
          "Burglary in Bloomsbury is concentrated around Russell Square, as residents told us.\n\nLock windows on the ground floor.",
        );
      await page
        .getByRole("textbox", { name: "What partners are doing" })
        .fill("Camden Council repaired six street lights on Bedford Place.");
      await page.getByRole("button", { name: "Save and preview" }).click();
      await expect.poll(main).toContain("Saved. The preview below shows it.");
      expect(await page.locator(".pack-body").innerText()).toContain("Lock windows on the ground floor.");
      await expectNoAxeViolations(page);
      await screenshot(page, "pack-review");

      // A last edit left unsaved on screen is what gets published.
      await page
        .getByRole("textbox", { name: "Sergeant's commentary" })
        .fill(
          "Burglary in Bloomsbury is concentrated around Russell Square, as residents told us.\n\nLock windows on the ground floor, and report open side gates on 101.",
        );
      await page.getByRole("button", { name: "Publish the pack" }).click();
      await page.getByRole("button", { name: "Yes, publish and e-mail it" }).click();
      await expect.poll(main).toContain("Published. 1 subscriber will get it by e-mail.");
    }

    // 4. The public read the published pack on a phone, with no axe violations; the PDF has the ward name and totals.
    {
      const page = await journeys.newPage();
      const context = page.context();
      const main = () => page.locator("main").innerText();
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`/wards/${BLOOMSBURY}/packs`);
      await page.getByRole("link", { name: "December 2024" }).click();
      await expect
        .poll(() => page.getByRole("heading", { level: 1 }).innerText())
        .toBe("Bloomsbury ward: crime and policing update, December 2024");
      const text = await main();
      expect(text).toContain("Burglary in Bloomsbury is concentrated around Russell Square");
      expect(text).toContain("Camden Council repaired six street lights on Bedford Place.");
      expect(text).toContain("Lock windows on the ground floor, and report open side gates on 101.");
      const total = await page.locator(".pack-total-number").innerText();
      expect(Number(total)).toBeGreaterThan(0);
      await expectNoAxeViolations(page);
      // No sideways scrolling of the page at phone width (WCAG 1.4.10 reflow).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, "pack-public-phone");
      await page.emulateMedia({ media: "print" });
      await screenshot(page, "pack-public-print");
      await page.emulateMedia({ media: "screen" });

      const href = await page.getByRole("link", { name: "Download the PDF (A4)" }).getAttribute("href");
      const pdf = await context.request.get(href!);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()["content-type"]).toBe("application/pdf");
      const body = new Uint8Array(await pdf.body());
      const { text: pdfWords } = await pdfText(body);
      expect(pdfWords).toContain("Bloomsbury ward");
      expect(pdfWords).toContain(total);
      writeFileSync(`${RESULTS_DIR}pack-pdf-page1.png`, await renderPdfPageToPng(body, 1));
    }

    // 5. The confirmed subscriber gets the pack by e-mail with a one-click unsubscribe; the unconfirmed one does not.
    {
      const page = await journeys.newPage();
      const main = () => page.locator("main").innerText();
      await expect.poll(() => mailTo("resident@example.test").length).toBe(2);
      const mail = mailTo("resident@example.test")[1]!;
      expect(mail.headers).toMatch(/^Subject: Bloomsbury: crime and policing update for December 2024/m);
      expect(mail.headers).toMatch(
        /^List-Unsubscribe: <http:\/\/[^>]+\/api\/subscriptions\/unsubscribe\/[A-Za-z0-9_-]+>/m,
      );
      expect(mail.headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
      expect(mail.body).toContain("Burglary in Bloomsbury is concentrated around Russell Square");
      expect(mailTo("unconfirmed@example.test")).toHaveLength(1);

      const unsubscribe = /http:\/\/[^\s"<>]+\/unsubscribe\/[A-Za-z0-9_-]+/.exec(mail.body)?.[0];
      await page.goto(new URL(unsubscribe!).pathname);
      await page.getByRole("button", { name: "Unsubscribe" }).click();
      await expect.poll(main).toContain("resident@example.test is unsubscribed.");
      await expectNoAxeViolations(page);
    }
  }, 600_000);
});
