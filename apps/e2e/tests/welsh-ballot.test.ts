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

/**
 * A panel member's ballot in Welsh (issue 13): the page, the hint, the rank errors at the field (worded
 * from the voting package's problem codes), the review and the tracker receipt, all from the catalogues.
 */
describe("a ranked ballot in Welsh", () => {
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

  async function pageFor(email: string): Promise<Page> {
    const page = await journeys.newPage({ viewport: { width: 390, height: 900 } });
    await signIn(page, email);
    return page;
  }
  const text = (page: Page) => page.locator("main").innerText();
  const rank = (page: Page, title: string) => page.getByRole("spinbutton", { name: title });
  async function rankAndReview(page: Page, ranks: [string, string][]) {
    for (const [title, value] of ranks) await rank(page, title).fill(value);
    await page.getByRole("button", { name: "Adolygu fy newisiadau" }).click();
  }

  it("words the ballot, its rank errors, the review and the tracker in Welsh", async () => {
    const tom = await pageFor("tom@example.test");
    await tom.goto(`/staff/wards/${WARD}/votes/${voteId}?lang=cy`);
    await expect
      .poll(() => tom.getByRole("heading", { level: 1 }).textContent())
      .toBe("Eich pleidlais ar flaenoriaethau'r ward");
    expect(await tom.locator("main").getAttribute("lang")).not.toBe("en");
    expect(await text(tom)).toContain("Rhifwch yr opsiynau yn nhrefn eich dewis");

    await rankAndReview(tom, [
      [SPEEDING, "1"],
      [THEFT, "1"],
      [LITTER, "5"],
    ]);
    await expect
      .poll(() => text(tom))
      .toContain(`Mae ${SPEEDING} a ${THEFT} ill dau wedi'u rhifo'n 1: rhowch rif gwahanol i bob opsiwn.`);
    // Both problems at once: the duplicate 1 and the out-of-range 5.
    expect(await tom.getByRole("alert").innerText()).toContain("Mae angen 2 newid ar eich papur pleidleisio");
    await rankAndReview(tom, [[THEFT, "2"]]);
    await expect
      .poll(() => text(tom))
      .toContain(`Mae ${LITTER} wedi'i rifo'n 5, ond mae'r rhifau'n mynd o 1 i 3 (mae 3 opsiwn)`);
    await expectNoAxeViolations(tom);

    // A gap: ranks 1 and 3 warn that the 3 will not count.
    await rankAndReview(tom, [
      [THEFT, ""],
      [LITTER, "3"],
    ]);
    await expect.poll(() => text(tom)).toContain("Gwiriwch eich papur pleidleisio");
    expect(await text(tom)).toContain(
      `Nid oes 2, felly ni fydd eich dewisiadau ar ôl 1 yn cyfrif: ${LITTER} (rhif 3).`,
    );
    await tom.getByRole("button", { name: "Newid fy newisiadau" }).click();
    await rankAndReview(tom, [[LITTER, "2"]]);
    await expect.poll(() => text(tom)).toContain("Rydych yn pleidleisio dros:");
    expect((await tom.getByTestId("review-choices").innerText()).split("\n")).toEqual([
      `Dewis 1: ${SPEEDING}`,
      `Dewis 2: ${LITTER}`,
    ]);
    await expectNoAxeViolations(tom);
    await screenshot(tom, "welsh-ballot-review");
    await tom.getByRole("button", { name: "Bwrw fy mhleidlais" }).click();
    await expect.poll(() => text(tom)).toContain("Mae eich pleidlais wedi'i chofnodi. Diolch.");
    const receipt = await text(tom);
    expect(receipt).toContain("Traciwr eich papur pleidleisio");
    expect(receipt).toContain("Copïo'r traciwr");
    expect(receipt).not.toMatch(/Your vote|ballot tracker|Copy the tracker|choice/);
    await expectNoAxeViolations(tom);
    await screenshot(tom, "welsh-ballot-tracker");
  });
});
