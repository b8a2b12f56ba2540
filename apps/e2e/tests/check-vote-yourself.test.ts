// Issue 15 item 6 in the browser: "Check this vote yourself" on the demo's ranked vote downloads
// the record and re-runs the verifier in Chromium, step by step; a record changed on the way (as a
// server serving a changed record would) fails, naming the step; the verifier's code is fetched
// only when the button is pressed.
import { getVoteRecord, listWardVotes } from "@wardpanel/db/queries/votes";
import { seedDemo } from "@wardpanel/db/seed";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, RESULTS_DIR, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";

const BELSIZE = "E05013652";
/** A sentence only the voting package's code contains: how the test knows its chunk was fetched. */
const VERIFIER_TEXT = "hash does not match";
type VoteRecord = NonNullable<ReturnType<typeof getVoteRecord>>["record"];

/** Every JavaScript file the page fetches that holds the verifier. */
function watchVerifierChunk(page: Page): string[] {
  const fetched: string[] = [];
  page.on("response", (response) => {
    if (!response.url().endsWith(".js")) return;
    void response.text().then(
      (body) => body.includes(VERIFIER_TEXT) && fetched.push(response.url()),
      () => undefined,
    );
  });
  return fetched;
}

describe("check this vote yourself", () => {
  let voteId = 0;
  let record: VoteRecord | undefined;

  const journeys = setUpJourneys(async (db) => {
    expect(await seedDemo(db)).toBe(true);
    voteId = listWardVotes(db, BELSIZE).find(
      (v) => getVoteRecord(db, v.id)?.record.config.method.kind === "ranked",
    )!.id;
    record = getVoteRecord(db, voteId)!.record;
  });

  it("passes on the demo's ranked vote, each step ticked, and loads the verifier only when asked", async () => {
    const { page } = journeys;
    await page.setViewportSize({ width: 390, height: 844 });
    const chunks = watchVerifierChunk(page);
    await page.goto(`/wards/${BELSIZE}/votes/${voteId}`);
    const button = page.getByRole("button", { name: "Check this vote yourself" });
    await expect.poll(() => button.isVisible()).toBe(true);
    await page.waitForLoadState("networkidle");
    expect(chunks).toEqual([]);

    await button.click();
    const passed = page.getByText("Passed: this is the record that was published");
    await expect.poll(() => passed.isVisible()).toBe(true);
    const steps = page.getByRole("list", { name: "Checking steps" }).getByRole("listitem");
    const n = record!.entries.length;
    const texts = (await steps.allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());
    expect(texts).toHaveLength(7);
    expect(texts[0]).toMatch(new RegExp(`^✓ Passed: Record downloaded: \\d+\\.\\d kB, ${n} entries\\.$`));
    expect(texts[1]).toBe(`✓ Passed: Every entry's link in the hash chain recomputed: ${n} of ${n} match.`);
    expect(texts[2]).toContain("The final hash equals the one published on this page.");
    expect(texts[2]!.split(record!.finalHash)).toHaveLength(3); // both hashes shown
    expect(texts[3]).toContain("20 ballots were cast");
    const titles = record!.result!.winners.map((id) => record!.config.candidates.find((c) => c.id === id)!.title);
    expect(texts[4]).toBe(
      "✓ Passed: This secret vote's record lists 20 trackers, one for each ballot and none twice, exactly the trackers listed on this page. They were kept apart from the ballots, so they show that each ballot was counted, not how anyone voted.",
    );
    expect(texts[5]).toContain(`Chosen: ${titles.join("; ")}.`);
    expect(texts[6]).toBe(
      `✓ Passed: Rounds match: all ${record!.result!.rounds.length} rounds of the count equal the published rounds.`,
    );
    expect(chunks).toHaveLength(1);
    await expectNoAxeViolations(page);
    await screenshot(page, "check-vote-yourself-passed");
    await page
      .getByRole("region", { name: "Check it yourself" })
      .screenshot({ path: `${RESULTS_DIR}check-vote-yourself-steps.png` });
  });

  it("fails on a tampered record, naming the step and the entry that differs", async () => {
    const { page } = journeys;
    await page.setViewportSize({ width: 390, height: 844 });
    const tampered = structuredClone(record!);
    const ballot = tampered.entries.find(
      (e) => e.type === "ballot" && (e.payload as { ballot: { ranking: string[] } }).ballot.ranking.length > 1,
    )!;
    (ballot.payload as { ballot: { ranking: string[] } }).ballot.ranking.reverse();
    await page.route(`**/votes/${voteId}/record.json`, (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(tampered) }),
    );
    await page.goto(`/wards/${BELSIZE}/votes/${voteId}`);
    await page.getByRole("button", { name: "Check this vote yourself" }).click();
    const failed = page.getByText("Failed at “Recomputing the hash chain”.");
    await expect.poll(() => failed.isVisible()).toBe(true);
    const texts = (await page.getByRole("list", { name: "Checking steps" }).getByRole("listitem").allInnerTexts()).map(
      (t) => t.replace(/\s+/g, " ").trim(),
    );
    expect(texts).toHaveLength(2);
    expect(texts[1]).toBe(
      `✗ Failed: The hash chain breaks at entry ${ballot.seq} of ${tampered.entries.length}: the record has been changed. ` +
        `What differs: Entry ${ballot.seq} (ballot): hash does not match — the record has been changed.`,
    );
    await expectNoAxeViolations(page);
    await screenshot(page, "check-vote-yourself-tampered");
  });

  it("runs in Welsh for a reader who chose Cymraeg", async () => {
    const { page } = journeys;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/wards/${BELSIZE}/votes/${voteId}`);
    await page.getByRole("button", { name: "Cymraeg" }).click();
    await page.getByRole("button", { name: "Gwiriwch y bleidlais hon eich hun" }).click();
    const passed = page.getByText("Wedi llwyddo: dyma'r cofnod a gyhoeddwyd");
    await expect.poll(() => passed.isVisible()).toBe(true);
    const steps = page.getByRole("list", { name: "Camau gwirio" }).getByRole("listitem");
    expect(await steps.count()).toBe(7);
    expect(await steps.nth(3).innerText()).toContain("bwriwyd 20 o bapurau pleidleisio");
    await expectNoAxeViolations(page);
  });
});
