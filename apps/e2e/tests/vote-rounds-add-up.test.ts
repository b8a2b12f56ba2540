// Issue 15 item 7 in the browser: a ranked vote's result shows, round by round, the votes with no
// further choice, the votes lost rounding down, and a total that is always the valid ballots; its
// ballots download as BLT from beside the page.
import { seedPanelWithMembers, seedPublishedMeeting, seedPublishedVote } from "@wardpanel/db/testing";
import { londonParts } from "@wardpanel/meetings/london-time";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";

const BLOOMSBURY = "E05013653";
const DAY_MS = 86_400_000;

describe("a ranked vote's rounds add up", () => {
  let voteId = 0;

  const journeys = setUpJourneys((db) => {
    const now = new Date(Date.now() - 7 * DAY_MS);
    seedPanelWithMembers(db, BLOOMSBURY, 9);
    const meetingId = seedPublishedMeeting(db, {
      wardCode: BLOOMSBURY,
      date: londonParts(now).date,
      now: new Date(now.getTime() - 7 * DAY_MS),
    });
    // 10 ballots, 2 places, quota 4: the first concern's surplus of 2 moves at 0.33333 a paper.
    voteId = seedPublishedVote(db, {
      wardCode: BLOOMSBURY,
      meetingId,
      concerns: ["Drug dealing in Russell Square gardens", "Speeding on Guilford Street", "Bike theft", "Noise"],
      rankings: [[0, 1], [0, 1], [0, 1], [0, 1], [0, 2], [0, 2], [1, 0], [2], [3, 2], [3, 2]],
      seats: 2,
      now,
    }).voteId;
  });

  it("shows non-transferable votes, votes lost to rounding and the total in every round, and serves the BLT file", async () => {
    const { page } = journeys;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/wards/${BLOOMSBURY}/votes/${voteId}`);
    const table = page.getByRole("table", { name: "Votes for each option after each round of the count" });
    await expect.poll(() => table.isVisible()).toBe(true);
    const row = async (name: string) =>
      (
        await table
          .getByRole("row", { name: new RegExp(`^${name}`) })
          .getByRole("cell")
          .allInnerTexts()
      ).map((t) => t.trim());
    expect(await row("Non-transferable votes so far")).toEqual(["0", "0", "1.66666", "3.66666"]);
    expect(await row("Votes lost to rounding down so far")).toEqual(["0", "0.00002", "0.00002", "0.00002"]);
    expect(await row("Total \\(the valid ballots\\)")).toEqual(["10", "10", "10", "10"]);
    await expectNoAxeViolations(page);
    await screenshot(page, "vote-result-ranked-wide");

    const link = page.getByRole("link", { name: "Download the ballots (BLT file)" });
    expect(await link.getAttribute("href")).toBe(`/votes/${voteId}/ballots.blt`);
    const blt = await page.request.get(`/votes/${voteId}/ballots.blt`);
    expect(blt.status()).toBe(200);
    expect(blt.headers()["content-type"]).toBe("text/plain; charset=utf-8");
    expect(await blt.text()).toMatch(/^4 2\n4 1 2 0\n/);
  });
});
