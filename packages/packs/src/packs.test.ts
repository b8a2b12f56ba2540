import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { countCrimeMonth } from "@wardpanel/db/queries/crimes";
import { getPackData } from "@wardpanel/db/queries/packs-data";
import { crimes } from "@wardpanel/db/schema";
import { createTestDb, seedPublishedMeeting, seedTeam } from "@wardpanel/db/testing";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { renderPackEmail } from "./render-email";
import { renderPackHtml } from "./render-html";
import { renderPackPdf } from "./render-pdf";
import { pdfText, renderPdfPageToPng } from "./testing";
import { naiveRows, POLICE_UK_FILES } from "./testing/real-files";
import { BLOOMSBURY, importMetDecember, seedPriorityWithProgress } from "./testing/seed-pack";
import { buildPackView } from "./view-model";

const OUT = fileURLToPath(new URL("../test-results/", import.meta.url));
const now = new Date("2025-01-20T10:00:00Z");

async function bloomsburyPack(callTargetMinutes?: number) {
  const db = createTestDb();
  await importMetDecember(db);
  seedTeam(db, BLOOMSBURY, {
    baseName: "Holborn Police Station",
    officers: [{ name: "PS Amara Patel", rank: "Sergeant" }],
  });
  seedPublishedMeeting(db, {
    wardCode: BLOOMSBURY,
    date: "2025-02-11",
    now,
    details: { title: "Bloomsbury ward panel meeting" },
  });
  seedPriorityWithProgress(db, {
    wardCode: BLOOMSBURY,
    month: "2024-12",
    calls: [
      { receivedAt: new Date("2024-12-03T20:00:00Z"), minutes: 25 },
      { receivedAt: new Date("2024-12-10T21:00:00Z"), minutes: 60 },
      { receivedAt: new Date("2024-12-20T22:00:00Z"), minutes: 95 },
      { receivedAt: new Date("2024-12-31T23:30:00Z"), minutes: null },
      { receivedAt: new Date("2025-01-01T00:30:00Z"), minutes: 10 }, // January in London: not counted
    ],
  });
  const data = getPackData(db, {
    wardCode: BLOOMSBURY,
    month: "2024-12",
    commentary: "Burglary fell after the patrols.\n\nKeep doors locked.",
    partnerActions: "Camden Council: new lights.",
    now,
    callTargetMinutes,
  });
  return { db, data, view: buildPackView(data) };
}

describe("the pack view model", () => {
  it("counts the ward's crimes as the database holds them, with context and no invented comparisons", async () => {
    const { db, view } = await bloomsburyPack();
    const held = db
      .select({ n: sql<number>`count(*)` })
      .from(crimes)
      .where(and(eq(crimes.wardCode, BLOOMSBURY), eq(crimes.month, "2024-12"), eq(crimes.placement, "ward")))
      .get()!.n;
    expect(held).toBeGreaterThan(0);
    expect(view.headline.total).toBe(held);
    expect(view.categories).toEqual([{ slug: "burglary", name: "Burglary", count: held, previous: null }]);
    expect(view.headline.sentence).toContain("There are no figures for last month to compare with.");
    expect(view.headline.comparisons.every((c) => c.value === null || c.label === "12-month average")).toBe(true);
    expect(view.trend).toHaveLength(13);
    expect(view.trend.at(-1)).toEqual({ month: "2024-12", label: "Dec", total: held });
    expect(view.trend[0]?.total).toBeNull();
    expect(view.map.crimesMapped).toBe(held);
    expect(view.map.spots.reduce((s, p) => s + p.count, 0)).toBe(held);
    expect(view.outcomes.crimesWithOutcomes).toBe(held);
    expect(countCrimeMonth(db, { force: "Metropolitan Police Service", month: "2024-12" }).total).toBe(
      naiveRows(POLICE_UK_FILES.metStreet202412).length,
    );
  });

  it("shows the active priority's progress for the month and the share of priority calls attended within 60 minutes", async () => {
    const { view } = await bloomsburyPack();
    expect(view.priorities).toHaveLength(1);
    expect(view.priorities[0]?.progress).toEqual([
      {
        policeAction: "Twelve evening patrols and 40 crime-prevention visits",
        partnerAction: "Camden Council fixed six street lights",
        whatChanged: "Two arrests",
      },
    ]);
    // 25 and 60 minutes are in time; 95 minutes and no arrival are not; 00:30 on 1 January London time is January.
    expect(view.calls).toMatchObject({
      received: 4,
      withinTarget: 2,
      sentence: "2 of 4 calls about the ward's priorities were attended within 60 minutes (50%).",
    });
    expect(view.commentary).toEqual(["Burglary fell after the patrols.", "Keep doors locked."]);
    expect(view.nextMeeting?.when).toBe("Tuesday 11 February 2025, 7pm to 8:30pm");
  });

  it("counts and words the calls against the force's own target, the same on page, PDF and e-mail", async () => {
    const { data, view } = await bloomsburyPack(45);
    // 25 minutes is in time against 45; 60 and 95 minutes and no arrival are not.
    expect(data.calls).toEqual({ received: 4, withinTarget: 1, targetMinutes: 45 });
    expect(view.calls).toMatchObject({
      withinTarget: 1,
      targetMinutes: 45,
      sentence: "1 of 4 calls about the ward's priorities were attended within 45 minutes (25%).",
    });
    expect(renderPackHtml(view)).toContain("Priority calls attended within 45 minutes:");
    const mail = renderPackEmail(view, { baseUrl: "https://wardpanel.example", unsubscribeUrl: "https://x.example/u" });
    expect(mail.text).toContain("Priority calls attended within 45 minutes:");
    expect(mail.text).not.toContain("60 minutes");
    expect((await pdfText(await renderPackPdf(view))).text).toContain("within 45 minutes");
  });

  it("still says 60 minutes for a pack frozen before the target was kept with it", async () => {
    const { data } = await bloomsburyPack(45);
    const frozenBefore = { ...data, calls: { received: 4, within60: 2 } } as unknown as typeof data;
    expect(buildPackView(frozenBefore).calls).toMatchObject({
      withinTarget: 2,
      targetMinutes: 60,
      sentence: "2 of 4 calls about the ward's priorities were attended within 60 minutes (50%).",
    });
  });

  it("says so when there are no priority calls", async () => {
    const db = createTestDb();
    await importMetDecember(db);
    const view = buildPackView(getPackData(db, { wardCode: BLOOMSBURY, month: "2024-12", now }));
    expect(view.calls.sentence).toBe("No priority calls reported yet.");
    expect(view.priorities).toEqual([]);
  });

  it("compares with last month and says when a change is too small to mean much", async () => {
    const { data } = await bloomsburyPack();
    const months = data.months.map((m, i) =>
      i >= 11 ? m : { ...m, covered: true, total: 30, byCategory: { burglary: 30 } },
    );
    months[11] = { month: "2024-11", covered: true, total: data.months[12]!.total + 3, byCategory: {} };
    const view = buildPackView({ ...data, months });
    expect(view.headline.sentence).toMatch(
      /3 fewer than last month — (a change too small to mean much|numbers this small go up and down by chance)\./,
    );
    expect(view.headline.sentence).toContain("Over the previous 12 months the average was");
  });
});

describe("the outputs", () => {
  it("renders the web HTML with escaped text, captions and a map", async () => {
    const { data } = await bloomsburyPack();
    const html = renderPackHtml(buildPackView({ ...data, commentary: "<script>alert(1)</script>" }));
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("<caption>");
    expect(html).toContain('role="img"');
    expect(html).toContain("You said – We did");
  });

  it("renders the e-mail in HTML and plain text with the unsubscribe link", async () => {
    const { view } = await bloomsburyPack();
    const mail = renderPackEmail(view, {
      baseUrl: "https://wardpanel.example",
      unsubscribeUrl: "https://wardpanel.example/unsubscribe/abc",
    });
    expect(mail.subject).toBe("Bloomsbury: crime and policing update for December 2024");
    expect(mail.text).toContain(`${view.headline.total} crimes and anti-social behaviour incidents in December 2024.`);
    expect(mail.text).toContain("https://wardpanel.example/wards/E05013653/packs/2024-12.pdf");
    expect(mail.html).toContain("https://wardpanel.example/unsubscribe/abc");
  });

  it("renders an A4 PDF with the ward name and totals, and a page renders to PNG", async () => {
    const { view } = await bloomsburyPack();
    const pdf = await renderPackPdf(view);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { pages, text } = await pdfText(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text).toContain("Bloomsbury ward");
    expect(text).toContain("December 2024");
    expect(text).toContain(String(view.headline.total));
    expect(text).toContain("2 of 4 calls");
    mkdirSync(OUT, { recursive: true });
    writeFileSync(`${OUT}bloomsbury-2024-12.pdf`, pdf);
    for (const page of [1, 2]) {
      const png = await renderPdfPageToPng(pdf, page);
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      writeFileSync(`${OUT}bloomsbury-2024-12-page${page}.png`, png);
    }
  });
});
