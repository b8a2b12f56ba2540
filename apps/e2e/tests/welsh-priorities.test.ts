import { endPriority, publishPriority, updatePriority } from "@wardpanel/db/queries/priorities";
import {
  buildPriorityFields,
  seedPanelWithMembers,
  seedPublishedMeeting,
  seedPublishedVote,
  seedTeam,
} from "@wardpanel/db/testing";
import { londonParts } from "@wardpanel/meetings/london-time";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";

const BLOOMSBURY = "E05013653";
const DAY_MS = 86_400_000;
const PHONE = { width: 390, height: 844 };

/**
 * The public priorities page, the vote result and the team's ranks in Welsh (issue 13, items 1–3):
 * every sentence Ward Panel writes there comes from the catalogues, and the page says it is Welsh.
 */
describe("priorities, a vote and the team in Welsh", () => {
  let voteId = 0;
  const journeys = setUpJourneys((db) => {
    const now = new Date(Date.now() - 7 * DAY_MS);
    seedPanelWithMembers(db, BLOOMSBURY, 3);
    seedTeam(db, BLOOMSBURY, { officers: [{ name: "Ada Okafor", rank: "Sergeant" }] });
    const meetingId = seedPublishedMeeting(db, {
      wardCode: BLOOMSBURY,
      date: londonParts(now).date,
      now: new Date(now.getTime() - 7 * DAY_MS),
    });
    const vote = seedPublishedVote(db, {
      wardCode: BLOOMSBURY,
      meetingId,
      concerns: ["Drug dealing in Russell Square gardens", "Speeding on Guilford Street"],
      approvals: [[0, 1], [0], [1], [0]],
      seats: 2,
      now,
    });
    voteId = vote.voteId;
    const [drugs, speeding] = vote.priorityIds as [number, number];
    for (const priorityId of [drugs, speeding]) {
      updatePriority(db, { wardCode: BLOOMSBURY, priorityId, fields: buildPriorityFields(), now });
      publishPriority(db, { wardCode: BLOOMSBURY, priorityId, now });
    }
    endPriority(db, {
      wardCode: BLOOMSBURY,
      priorityId: speeding,
      outcome: "achieved",
      date: londonParts(now).date,
      reason: "Speeds fell.",
      supersededById: null,
      now,
    });
  });

  it("shows the priorities page, the vote's method and ballot, and the sergeant's rank in Welsh", async () => {
    const { page } = journeys;
    await page.setViewportSize(PHONE);
    await page.goto(`/wards/${BLOOMSBURY}/priorities?lang=cy`);
    const main = page.locator("main");
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Blaenoriaethau lleol, ddoe a heddiw");
    expect(await main.getAttribute("lang")).not.toBe("en");
    const text = await main.innerText();
    for (const welsh of [
      "Blaenoriaethau presennol",
      "Blaenoriaethau blaenorol",
      "Wedi'i chyflawni",
      "Pam: Speeds fell.",
    ])
      expect(text).toContain(welsh);
    expect(text).toContain("Sut y penderfynwyd arni");
    // The police.uk category in Welsh, from the catalogues (issue 13): "Drugs" was English here.
    expect(text).toMatch(/Math o drosedd\s*Cyffuriau/);
    expect(text).not.toMatch(/\bDrugs\b/);
    expect(text).not.toMatch(/Current priorities|How it was decided|You said|The problem|Safer Neighbourhoods/);
    await expectNoAxeViolations(page);
    await screenshot(page, "welsh-priorities-phone");

    await page.goto(`/wards/${BLOOMSBURY}/votes/${voteId}?lang=cy`);
    await expect.poll(() => main.innerText()).toContain("Pleidleisio cymeradwyo:");
    const vote = await main.innerText();
    expect(vote).toMatch(/Pleidlais (gudd|agored):/);
    expect(vote).not.toMatch(/Approval voting|Secret ballot|Open ballot|A draw anyone can check/);
    await expectNoAxeViolations(page);

    await page.goto(`/wards/${BLOOMSBURY}?lang=cy`);
    await expect.poll(() => main.innerText()).toContain("Ada Okafor (Rhingyll)");
  }, 60_000);

  it("words a bad subscription link in Welsh, from the error's code (issue 13, item 4)", async () => {
    const { page } = journeys;
    const main = page.locator("main");
    await page.goto("/subscriptions/confirm/not-a-real-token?lang=cy");
    await expect.poll(() => page.getByRole("alert").innerText()).toContain("Nid yw'r ddolen gadarnhau hon yn ddilys");
    expect(await main.innerText()).not.toMatch(/This confirmation link is not valid/);
    await page.goto("/unsubscribe/not-a-real-token?lang=cy");
    await expect
      .poll(() => page.getByRole("alert").innerText())
      .toContain("Nid yw'r ddolen dad-danysgrifio hon yn ddilys");
    expect(await main.innerText()).not.toMatch(/not valid/);
    await expectNoAxeViolations(page);
  });
});
