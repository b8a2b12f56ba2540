import { markAttendance } from "@wardpanel/db/queries/attendance";
import { setShortlisted, submitConcern } from "@wardpanel/db/queries/concerns";
import { startMeeting } from "@wardpanel/db/queries/live";
import { createVote, openVote } from "@wardpanel/db/queries/votes";
import { seedPanel, seedPublishedMeeting, seedUser } from "@wardpanel/db/testing";
import { londonParts } from "@wardpanel/meetings/london-time";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";
import { signIn } from "../src/sign-in";

const WARD = "E05013653";
const DAY_MS = 86_400_000;
const [SPEEDING, THEFT, LITTER] = ["Speeding on Gower Street", "Bike theft at Euston", "Litter in Gordon Square"];

describe("ranked ballots checked before they count, a review step, and ballot trackers in the published result", () => {
  let voteId = 0;
  let meetingId = 0;
  const journeys = setUpJourneys(async (db) => {
    seedPanel(db, WARD);
    const chair = await seedUser(db, {
      email: "chair@example.test",
      name: "Priya Shah",
      roles: [{ role: "chair", wardCode: WARD }],
    });
    const members = [];
    for (const [email, name] of [
      ["tom@example.test", "Tom Evans"],
      ["ama@example.test", "Ama Owusu"],
      ["li@example.test", "Li Wei"],
    ] as const)
      members.push(await seedUser(db, { email, name, roles: [{ role: "panel_member", wardCode: WARD }] }));
    const now = new Date();
    meetingId = seedPublishedMeeting(db, {
      wardCode: WARD,
      date: londonParts(new Date(Date.now() - DAY_MS)).date,
      now: new Date(Date.now() - 7 * DAY_MS),
      details: { title: "Bloomsbury panel: priorities" },
    });
    for (const description of [SPEEDING, THEFT, LITTER]) {
      const { concernId } = submitConcern(db, {
        wardCode: WARD,
        source: "snt",
        concern: { description, location: "Bloomsbury", postcode: "", lon: null, lat: null, category: "road-safety" },
        tokenSecret: "a-secret-for-tests",
        now,
      });
      setShortlisted(db, { wardCode: WARD, concernId, isShortlisted: true, now });
    }
    startMeeting(db, { wardCode: WARD, meetingId, now });
    for (const u of [chair, ...members])
      markAttendance(db, { wardCode: WARD, meetingId, userId: u.id, status: "present", now });
    voteId = createVote(db, {
      wardCode: WARD,
      meetingId,
      settings: { method: "ranked", seats: 1, dotsPerVoter: 5, ballotSecrecy: "secret", tieBreak: "earliest-raised" },
      createdBy: chair.id,
    });
    openVote(db, { wardCode: WARD, voteId, now });
  });

  async function pageFor(email: string | null, width = 390): Promise<Page> {
    const page = await journeys.newPage({ viewport: { width, height: 900 } });
    if (email) await signIn(page, email);
    return page;
  }
  const text = (page: Page) => page.locator("main").innerText();
  const rank = (page: Page, title: string) => page.getByRole("spinbutton", { name: title });

  /** Ranks as given (blank to leave an option unranked), then asks to review. */
  async function rankAndReview(page: Page, ranks: [string, string][]) {
    for (const [title, value] of ranks) await rank(page, title).fill(value);
    await page.getByRole("button", { name: "Review my choices" }).click();
  }

  it("refuses duplicate and out-of-range ranks at the field, warns of a gap, reviews, and the voter finds their tracker", async () => {
    const ballotUrl = `/staff/wards/${WARD}/votes/${voteId}`;
    const tom = await pageFor("tom@example.test");
    await tom.goto(ballotUrl);

    // The 1, 1 and 5 on a 3-option ballot.
    await rankAndReview(tom, [
      [SPEEDING, "1"],
      [THEFT, "1"],
      [LITTER, "5"],
    ]);
    const duplicate = `${SPEEDING} and ${THEFT} are both ranked 1: give each option a different number.`;
    await expect.poll(() => text(tom)).toContain(duplicate);
    // Every problem at once (issue 15 trial): the duplicate and the out-of-range rank, each at its field.
    const alert = await tom.getByRole("alert").innerText();
    expect(alert).toContain("Your ballot needs 2 changes before you can cast it");
    expect(alert).toContain(`${LITTER} is ranked 5`);
    expect(await rank(tom, THEFT).getAttribute("aria-invalid")).toBe("true");
    expect(await rank(tom, LITTER).getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(tom);
    await screenshot(tom, "ballot-duplicate-rank");

    await rankAndReview(tom, [[THEFT, "2"]]);
    await expect
      .poll(() => text(tom))
      .toContain(
        `${LITTER} is ranked 5, but ranks go from 1 to 3 (there are 3 options): use a whole number from 1 to 3.`,
      );
    expect(await rank(tom, LITTER).getAttribute("aria-invalid")).toBe("true");

    // A gap: ranks 1 and 3. The review says what counts and warns that the 3 will not.
    await rankAndReview(tom, [
      [THEFT, ""],
      [LITTER, "3"],
    ]);
    await expect.poll(() => text(tom)).toContain("Check your ballot");
    expect(await text(tom)).toContain(
      `There is no 2, so your choices after 1 will not count: ${LITTER} (ranked 3). Renumber them from 2 if you want them to count.`,
    );
    expect(await tom.getByTestId("review-choices").innerText()).toBe(`1st choice: ${SPEEDING}`);
    await tom.getByRole("button", { name: "Change my choices" }).click();

    // Fixed: the review lists the choices in order before the irreversible cast.
    await rankAndReview(tom, [[LITTER, "2"]]);
    await expect.poll(() => text(tom)).toContain("You are voting for:");
    expect((await tom.getByTestId("review-choices").innerText()).split("\n")).toEqual([
      `1st choice: ${SPEEDING}`,
      `2nd choice: ${LITTER}`,
    ]);
    expect(await text(tom)).toContain("Once you cast your ballot it cannot be changed or taken back.");
    await expectNoAxeViolations(tom);
    await screenshot(tom, "ballot-review");
    await tom.getByRole("button", { name: "Cast my ballot" }).click();
    await expect.poll(() => text(tom)).toContain("Your vote is recorded.");
    const tracker = await tom.getByTestId("ballot-tracker").innerText();
    expect(tracker).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/);
    expect(await text(tom)).toContain(
      "Your tracker shows that your ballot was counted, not how you voted: nobody can tell your choices from it.",
    );
    expect(await text(tom)).not.toContain("leads to your ballot");
    await expectNoAxeViolations(tom);
    await screenshot(tom, "ballot-tracker");
    // After a reload the tracker is still shown, kept on this device only; on another device it is not.
    await tom.reload();
    await expect.poll(() => text(tom)).toContain("kept on this device only");
    expect(await tom.getByTestId("ballot-tracker").innerText()).toBe(tracker);
    await expectNoAxeViolations(tom);
    await screenshot(tom, "ballot-tracker-kept");
    const tomElsewhere = await pageFor("tom@example.test");
    await tomElsewhere.goto(ballotUrl);
    await expect.poll(() => text(tomElsewhere)).toContain("Your ballot tracker is not kept on this device");
    expect(await tomElsewhere.getByTestId("ballot-tracker").count()).toBe(0);
    expect(await tomElsewhere.getByRole("link", { name: "the result page" }).getAttribute("href")).toBe(
      `/wards/${WARD}/votes/${voteId}`,
    );
    await expectNoAxeViolations(tomElsewhere);

    // Ama votes too; the chair closes, reads out the final hash, and publishes.
    const ama = await pageFor("ama@example.test");
    await ama.goto(ballotUrl);
    await rankAndReview(ama, [[THEFT, "1"]]);
    await ama.getByRole("button", { name: "Cast my ballot" }).click();
    await expect.poll(() => text(ama)).toContain("Your vote is recorded.");
    const amaTracker = await ama.getByTestId("ballot-tracker").innerText();

    const chair = await pageFor("chair@example.test", 1280);
    await chair.goto(`/staff/wards/${WARD}/meetings/${meetingId}/live`);
    await chair.getByRole("button", { name: "Close the vote and count" }).click();
    await chair.getByRole("button", { name: "Yes, close and count" }).click();
    await expect.poll(() => text(chair)).toContain("The vote is closed and counted.");
    const readOut = await chair.getByTestId("read-out-hash").innerText();
    expect(readOut).toContain("Read this out: the vote's final hash");
    const finalHash = /(?:[0-9a-f]{4}\s){15}[0-9a-f]{4}/.exec(readOut)?.[0].replace(/\s/g, "");
    expect(finalHash).toMatch(/^[0-9a-f]{64}$/);
    await screenshot(chair, "read-out-hash");
    await chair.getByRole("button", { name: "Publish the result" }).click();
    await chair.getByRole("button", { name: "Yes, publish the result" }).click();
    await expect.poll(() => text(chair)).toContain("The winners are draft priorities.");

    // Anyone can see every tracker and who voted (never how); Tom finds his, typed loosely.
    const resident = await pageFor(null);
    await resident.goto(`/wards/${WARD}/votes/${voteId}`);
    await expect.poll(() => text(resident)).toContain("Ballot trackers");
    expect((await resident.getByTestId("tracker-list").innerText()).split("\n")).toEqual([tracker, amaTracker].sort());
    expect((await resident.getByTestId("voter-list").innerText()).split("\n")).toEqual(["Ama Owusu", "Tom Evans"]);
    expect(await text(resident)).toContain(finalHash);
    expect(await resident.getByTestId("tracker-meaning").innerText()).toContain(
      "Your tracker shows that your ballot was counted, not how you voted: nobody can tell your choices from it.",
    );
    // The secret vote's record lists the trackers apart from the ballots: none is in a ballot entry.
    const record = (await (await resident.request.get(`/votes/${voteId}/record.json`)).json()) as {
      entries: { type: string; payload: unknown }[];
    };
    const ballotEntries = JSON.stringify(record.entries.filter((e) => e.type === "ballot"));
    expect(ballotEntries).not.toContain(tracker);
    expect(ballotEntries).not.toContain(amaTracker);
    expect(record.entries.find((e) => e.type === "trackers")?.payload).toEqual({
      trackers: [tracker, amaTracker].sort(),
    });
    await resident.getByLabel("Find my tracker").fill(tracker.toLowerCase().replaceAll("-", " "));
    await expect.poll(() => text(resident)).toContain(`${tracker} is in the list: your ballot was counted.`);
    await resident.getByLabel("Find my tracker").fill("ZZZZ-ZZZZ-ZZ");
    await expect.poll(() => text(resident)).toContain("No tracker in the list starts with ZZZZ-ZZZZ-ZZ.");
    await expectNoAxeViolations(resident);
    await screenshot(resident, "result-trackers");
  });
});
