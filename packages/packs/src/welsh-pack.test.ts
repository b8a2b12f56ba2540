import { getPackData } from "@wardpanel/db/queries/packs-data";
import { createTestDb, seedPublishedMeeting } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { renderPackEmail } from "./render-email";
import { renderPackHtml } from "./render-html";
import { renderPackPdf } from "./render-pdf";
import { pdfText } from "./testing";
import { BLOOMSBURY, importMetDecember, seedPriorityWithProgress } from "./testing/seed-pack";
import { buildPackView } from "./view-model";

const now = new Date("2025-01-20T10:00:00Z");

async function packData(commentary: string) {
  const db = createTestDb();
  await importMetDecember(db);
  seedPublishedMeeting(db, { wardCode: BLOOMSBURY, date: "2025-02-11", now });
  seedPriorityWithProgress(db, {
    wardCode: BLOOMSBURY,
    month: "2024-12",
    calls: [
      { receivedAt: new Date("2024-12-03T20:00:00Z"), minutes: 25 },
      { receivedAt: new Date("2024-12-20T22:00:00Z"), minutes: 95 },
    ],
  });
  return getPackData(db, { wardCode: BLOOMSBURY, month: "2024-12", commentary, partnerActions: "", now });
}

describe("a pack in Welsh", () => {
  it("writes every sentence it composes in Welsh, and leaves what staff wrote as written", async () => {
    const data = await packData("Burglary fell after the patrols.");
    const view = buildPackView(data, "cy");
    expect(view.language).toBe("cy");
    expect(view.title).toBe("Ward Bloomsbury: diweddariad troseddu a phlismona, Rhagfyr 2024");
    expect(view.monthLabel).toBe("Rhagfyr 2024");
    expect(view.headline.sentence).toContain("Does dim ffigurau ar gyfer y mis diwethaf i gymharu â nhw.");
    expect(view.headline.comparisons.map((c) => c.label)).toEqual([
      "Y mis diwethaf",
      "Rhagfyr 2023",
      "Cyfartaledd 12 mis",
    ]);
    expect(view.categories.map((c) => c.name)).toEqual(["Byrgleriaeth"]);
    expect(view.trend.at(-1)?.label).toBe("Rhag");
    expect(view.calls.sentence).toBe("Ymatebwyd i 1 o 2 galwad am flaenoriaethau'r ward o fewn 60 munud (50%).");
    expect(view.nextMeeting?.when).toBe("Dydd Mawrth 11 Chwefror 2025, 7yh tan 8:30yh");
    expect(view.paths).toEqual({
      page: `/wards/${BLOOMSBURY}/packs/2024-12?lang=cy`,
      pdf: `/wards/${BLOOMSBURY}/packs/2024-12.pdf?lang=cy`,
    });
    expect(view.commentary).toEqual(["Burglary fell after the patrols."]);
    expect(view.attribution[0]).toMatch(/^Data troseddu: Metropolitan Police Service, ar data\.police\.uk/);

    const html = renderPackHtml(view);
    expect(html).toContain(">Yn ôl math o drosedd</h2>");
    expect(html).toContain("<strong>Dywedoch chi:</strong>");
    expect(html).not.toMatch(/By type of crime|You said|No data held/);

    const mail = renderPackEmail(view, { baseUrl: "https://wardpanel.example", unsubscribeUrl: "https://x.example/u" });
    expect(mail.subject).toBe("Bloomsbury: diweddariad troseddu a phlismona ar gyfer Rhagfyr 2024");
    expect(mail.text).toContain("YN ÔL MATH O DROSEDD");
    expect(mail.text).toContain("Dad-danysgrifio: https://x.example/u");
    expect(mail.html).toContain('<html lang="cy">');
  });

  it("keeps English the default, word for word as before, and for a language with no catalogue", async () => {
    const data = await packData("x");
    const view = buildPackView(data);
    expect(view.language).toBe("en");
    expect(view.nextMeeting?.when).toBe("Tuesday 11 February 2025, 7pm to 8:30pm");
    expect(view.paths.pdf).toBe(`/wards/${BLOOMSBURY}/packs/2024-12.pdf`);
    expect(buildPackView(data, "pl").title).toBe("Bloomsbury ward: crime and policing update, December 2024");
    expect(buildPackView(data, "pl").headline.sentence).toBe(view.headline.sentence);
  });

  it("draws the PDF in Welsh, with /Lang cy, embedding a font when the text has letters Helvetica lacks", async () => {
    const plain = await renderPackPdf(buildPackView(await packData("Mae'r tîm ar batrôl."), "cy"));
    expect(Buffer.from(plain).toString("latin1")).toContain("/Lang (cy)");
    expect(Buffer.from(plain).toString("latin1")).not.toContain("/FontFile2");
    expect((await pdfText(plain)).text).toContain("Mae'r tîm ar batrôl.");

    const circumflex = await renderPackPdf(buildPackView(await packData("Patrolau ger y tŷ a'r dŵr."), "cy"));
    expect(Buffer.from(circumflex).toString("latin1")).toContain("/FontFile2");
    const { text } = await pdfText(circumflex);
    expect(text).toContain("Patrolau ger y tŷ a'r dŵr.");
    expect(text).toContain("Yn ôl math o drosedd");
  });
});

describe("a pack's header and team name (issue 13)", () => {
  it("words the Welsh header in Welsh order, and names the team as the ward's force does", async () => {
    const data = await packData("x");
    const welsh = (await pdfText(await renderPackPdf(buildPackView(data, "cy")))).text;
    expect(welsh).toContain("Diweddariad Plismona Bro am droseddu a phlismona");
    expect(welsh).not.toContain("a phlismona Plismona Bro");

    const london = (await pdfText(await renderPackPdf(buildPackView(data)))).text;
    expect(london).toContain("Safer Neighbourhoods crime and policing update");

    const leicestershire = { ...data, force: "Leicestershire Police" };
    const elsewhere = (await pdfText(await renderPackPdf(buildPackView(leicestershire)))).text;
    expect(elsewhere).toContain("Neighbourhood Policing Team crime and policing update");
    expect(elsewhere).not.toContain("Safer Neighbourhoods");
    const mail = renderPackEmail(buildPackView(leicestershire), { baseUrl: "https://w.example", unsubscribeUrl: "u" });
    expect(mail.text).not.toContain("Safer Neighbourhoods");
  });
});
