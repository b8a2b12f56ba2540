// Issue 13 in the browser: a ranked vote's result page in Welsh words the ballot sources, the
// counting rules, the round-by-round explanation and the rounds table from the catalogues, from
// the record's structured figures, and none of them is left marked as English.
import { seedPanelWithMembers, seedPublishedMeeting, seedPublishedVote } from "@wardpanel/db/testing";
import { londonParts } from "@wardpanel/meetings/london-time";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";

const BLOOMSBURY = "E05013653";
const DAY_MS = 86_400_000;
const PHONE = { width: 390, height: 844 };

describe("a ranked vote's result in Welsh", () => {
  let voteId = 0;

  const journeys = setUpJourneys((db) => {
    const now = new Date(Date.now() - 7 * DAY_MS);
    seedPanelWithMembers(db, BLOOMSBURY, 9);
    const meetingId = seedPublishedMeeting(db, {
      wardCode: BLOOMSBURY,
      date: londonParts(now).date,
      now: new Date(now.getTime() - 7 * DAY_MS),
    });
    // 10 ballots, 2 places, quota 4: a surplus moves, then the lowest is dropped.
    voteId = seedPublishedVote(db, {
      wardCode: BLOOMSBURY,
      meetingId,
      concerns: ["Drug dealing in Russell Square gardens", "Speeding on Guilford Street", "Bike theft", "Noise"],
      rankings: [[0, 1], [0, 1], [0, 1], [0, 1], [0, 2], [0, 2], [1, 0], [2], [3, 2], [3, 2]],
      seats: 2,
      now,
    }).voteId;
  });

  it("words the ballot sources, rules, explanation and rounds table in Welsh", async () => {
    const { page } = journeys;
    await page.setViewportSize(PHONE);
    await page.goto(`/wards/${BLOOMSBURY}/votes/${voteId}?lang=cy`);
    const table = page.getByRole("table", { name: "Pleidleisiau pob dewis ar ôl pob rownd o'r cyfrif" });
    await expect.poll(() => table.isVisible()).toBe(true);
    const headers = (await table.getByRole("columnheader").allInnerTexts()).map((h) => h.replace(/\s+/g, " ").trim());
    expect(headers[0]).toBe("Dewis");
    expect(headers[1]).toBe("Rownd 1 Dewisiadau cyntaf");
    expect(headers).toContain("Rownd 2 Pleidleisiau dros ben wedi'u symud");
    expect(await table.getByRole("rowheader", { name: "Cyfanswm (y papurau pleidleisio dilys)" }).count()).toBe(1);

    const main = page.locator("main");
    const text = await main.innerText();
    expect(text).toContain("10 papur pleidleisio wedi'u bwrw ar-lein");
    expect(text).toContain("STV yr Alban: Gorchymyn Etholiadau Llywodraeth Leol yr Alban 2007");
    expect(text).toContain("Rownd 1: gyda 10 papur pleidleisio dilys a 2 lle i'w llenwi");
    expect(text).toMatch(/Ar ôl rownd 1: Drug dealing in Russell Square gardens 6/);
    expect(text).toContain("Y blaenoriaethau a ddewiswyd, yn nhrefn eu hethol, yw");
    expect(text).not.toMatch(/cast online|Scottish STV|After round|Votes for each option|First choices|Spare votes/);
    // Only the check's own reason (none here) may still be marked English.
    expect(await main.locator('[lang="en"]').count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, "welsh-vote-result-phone");
  });

  it("keeps the English wording of the sources, rules and first round", async () => {
    const { page } = journeys;
    await page.goto(`/wards/${BLOOMSBURY}/votes/${voteId}?lang=en`);
    const main = page.locator("main");
    await expect.poll(() => main.innerText()).toContain("Votes for each option after each round of the count");
    const text = await main.innerText();
    expect(text).toContain("10 ballots cast online, each by the member on their own device.");
    expect(text).toContain(
      "Scottish STV: Scottish Local Government Elections Order 2007 (SSI 2007/42) sch. 1 rules 45-52",
    );
    expect(text).toContain(
      "Round 1: with 10 valid ballots and 2 places to fill, a candidate needs a quota of 4 votes to be elected (10 divided by 3, ignoring any fraction, plus 1).",
    );
    expect(text).toContain("After round 1: Drug dealing in Russell Square gardens 6,");
  });
});
