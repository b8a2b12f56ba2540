import { writeFileSync } from "node:fs";

import { publishPack, savePackText } from "@wardpanel/db/queries/packs";
import { seedTeam } from "@wardpanel/db/testing";
import { BLOOMSBURY, importMetDecember, pdfText, renderPdfPageToPng } from "@wardpanel/packs/testing";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, RESULTS_DIR, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";

const MONTH = "2024-12";
const PHONE = { width: 390, height: 844 };
/** The sergeant writes in Welsh here: ŷ is a letter Helvetica lacks, so the PDF must embed a font for it. */
const COMMENTARY = "Mae'r tîm yn patrolio ger y tŷ tafarn bob nos Wener.";

describe("Welsh: a resident reads a ward's monthly crime update and its PDF in Cymraeg", () => {
  const journeys = setUpJourneys(
    async (db) => {
      await importMetDecember(db);
      seedTeam(db, BLOOMSBURY, { officers: [{ name: "Grace Okafor", rank: "Sergeant" }] });
      const now = new Date("2025-01-20T10:00:00Z");
      savePackText(db, { wardCode: BLOOMSBURY, month: MONTH, commentary: COMMENTARY, partnerActions: "", now });
      publishPack(db, { wardCode: BLOOMSBURY, month: MONTH, now });
    },
    { context: { viewport: PHONE } },
  );

  it("shows the pack page and the list of months in Welsh (lang, headings, axe) and links to a Welsh PDF", async () => {
    const { page } = journeys;
    await page.goto(`/wards/${BLOOMSBURY}`);
    await page.getByRole("button", { name: "Cymraeg" }).click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("cy");

    // From the ward page's latest update (its headline written in Welsh too) to the pack.
    await expect
      .poll(() =>
        page.getByText("Does dim ffigurau ar gyfer y mis diwethaf i gymharu â nhw.", { exact: false }).count(),
      )
      .toBe(1);
    await page.getByRole("link", { name: "Darllen diweddariad Rhagfyr 2024" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Ward Bloomsbury: diweddariad troseddu a phlismona, Rhagfyr 2024");
    for (const heading of [
      "Rhagfyr 2024 yn gryno",
      "Yn ôl math o drosedd",
      "Y 13 mis diwethaf",
      "Ble digwyddodd troseddau",
      "Beth ddigwyddodd: canlyniadau",
      "Dywedoch chi – Gwnaethom ni",
      "Gan eich rhingyll Plismona Bro",
      "Eich tîm a'r cyfarfod nesaf",
    ])
      expect(await page.getByRole("heading", { level: 2, name: heading }).count(), heading).toBe(1);
    const main = await page.locator("main").innerText();
    expect(main).toContain("Byrgleriaeth");
    expect(main).toContain(COMMENTARY); // what the sergeant wrote, as written
    expect(main).not.toContain("By type of crime");
    // Translated: nothing marks the page's content as English.
    expect(await page.locator("main").getAttribute("lang")).toBeNull();
    expect(await page.locator("html").getAttribute("lang")).toBe("cy");
    expect(await page.title()).toContain("Ward Bloomsbury: diweddariad troseddu a phlismona");
    await expectNoAxeViolations(page);
    await screenshot(page, "pack-welsh-phone");

    // The PDF link asks for Welsh, and the PDF is Welsh: its text, and its /Lang.
    const href = await page.getByRole("link", { name: "Lawrlwytho'r PDF (A4)" }).getAttribute("href");
    expect(href).toBe(`/wards/${BLOOMSBURY}/packs/${MONTH}.pdf?lang=cy`);
    const pdf = await page.context().request.get(href!);
    expect(pdf.status()).toBe(200);
    const body = new Uint8Array(await pdf.body());
    expect(Buffer.from(body).toString("latin1")).toContain("/Lang (cy)");
    const { text } = await pdfText(body);
    for (const words of ["Ward Bloomsbury", "Rhagfyr 2024", "Yn ôl math o drosedd", "Byrgleriaeth", "tŷ tafarn"])
      expect(text, words).toContain(words);
    expect(text).not.toContain("By type of crime");
    writeFileSync(`${RESULTS_DIR}pack-pdf-welsh-page1.png`, await renderPdfPageToPng(body, 1));

    // The library of months, in Welsh too.
    await page.getByRole("link", { name: "Misoedd eraill" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Ward Bloomsbury: diweddariadau troseddu a phlismona misol");
    expect(await page.getByRole("link", { name: "Rhagfyr 2024" }).count()).toBe(1);
    expect(await page.locator("main").getAttribute("lang")).toBeNull();
    await expectNoAxeViolations(page);
  });
});
