import { submitConcern } from "@wardpanel/db/queries/concerns";
import { seedPanel, seedPublishedMeeting, seedUser } from "@wardpanel/db/testing";
import { londonParts } from "@wardpanel/meetings/london-time";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";
import { signIn } from "../src/sign-in";

const BLOOMSBURY = "E05013653";
const DAY_MS = 86_400_000;
const MEMBERS = ["tom@example.test", "ama@example.test", "li@example.test"];
const DRUG = "Drug dealing by the children's play area in the evenings";

describe("setting priorities: concern, shortlist, a quorate vote on members' own devices and on paper, a specific priority", () => {
  let meetingId = 0;
  const journeys = setUpJourneys(async (db) => {
    seedPanel(db, BLOOMSBURY);
    await seedUser(db, {
      email: "sergeant@example.test",
      name: "Jo Okafor",
      roles: [{ role: "sergeant", wardCode: BLOOMSBURY }],
    });
    await seedUser(db, {
      email: "chair@example.test",
      name: "Priya Shah",
      roles: [{ role: "chair", wardCode: BLOOMSBURY }],
    });
    for (const [i, email] of MEMBERS.entries())
      await seedUser(db, {
        email,
        name: ["Tom Evans", "Ama Owusu", "Li Wei"][i]!,
        roles: [{ role: "panel_member", wardCode: BLOOMSBURY }],
      });
    meetingId = seedPublishedMeeting(db, {
      wardCode: BLOOMSBURY,
      date: londonParts(new Date(Date.now() - DAY_MS)).date,
      now: new Date(Date.now() - 7 * DAY_MS),
      details: { title: "Bloomsbury panel: priorities" },
    });
    submitConcern(db, {
      wardCode: BLOOMSBURY,
      source: "snt",
      concern: {
        description: "Speeding on Gower Street",
        location: "Gower Street",
        postcode: "",
        lon: null,
        lat: null,
        category: "road-safety",
      },
      tokenSecret: "a-secret-for-tests",
      now: new Date(),
    });
  });

  /** A person's own page (their own browser context), signed in unless `email` is null. */
  async function pageFor(email: string | null, width = 1280): Promise<Page> {
    const page = await journeys.newPage({ viewport: { width, height: 900 } });
    if (email) await signIn(page, email);
    return page;
  }
  const text = (page: Page) => page.locator("main").innerText();

  it("runs from a resident's concern to a published, specific priority in the library", async () => {
    // A resident raises a concern on the ward page.
    const resident = await pageFor(null, 390);
    await resident.goto(`/wards/${BLOOMSBURY}`);
    await resident.getByLabel("What is the problem?").fill("Drug dealing by the children's play area in the evenings");
    await resident.getByLabel("Where?").fill("Russell Square gardens");
    await resident.getByLabel("What kind of problem is it?").selectOption("Drugs");
    await resident.waitForTimeout(3_100); // people take a few seconds; the form turns away instant posts
    await resident.getByRole("button", { name: "Send the concern" }).click();
    await expect
      .poll(() =>
        resident
          .getByRole("status")
          .filter({ hasText: /thank|received|sent/i })
          .count(),
      )
      .toBeGreaterThan(0);

    // The sergeant shortlists both concerns.
    const sergeant = await pageFor("sergeant@example.test");
    await sergeant.goto(`/staff/wards/${BLOOMSBURY}/concerns`);
    await sergeant
      .getByRole("button", { name: "Shortlist: Drug dealing by the children's play area in the evenings" })
      .click();
    await expect.poll(() => text(sergeant)).toContain("Shortlisted for the next vote.");
    await sergeant.getByRole("button", { name: "Shortlist: Speeding on Gower Street" }).click();
    await expect.poll(() => sergeant.getByText("Shortlisted", { exact: true }).count()).toBe(2);
    await expectNoAxeViolations(sergeant);
    await screenshot(sergeant, "concern-queue");

    // The chair starts the meeting and sets up the vote; it refuses to open before quorum.
    const chair = await pageFor("chair@example.test");
    await chair.goto(`/staff/wards/${BLOOMSBURY}/meetings/${meetingId}/live`);
    await chair.getByRole("button", { name: "Start the meeting" }).click();
    await chair.getByLabel("How many priorities to choose").fill("1");
    await chair.getByRole("button", { name: "Set up the vote" }).click();
    await expect.poll(() => text(chair)).toContain("The vote cannot open until the meeting is quorate");
    await chair.getByRole("button", { name: "Open the vote" }).click();
    await expect
      .poll(() =>
        chair.getByRole("alert").filter({ hasText: "The vote cannot open: the meeting is not quorate" }).isVisible(),
      )
      .toBe(true);
    for (const name of ["Priya Shah (chair)", "Tom Evans", "Ama Owusu", "Li Wei"])
      await chair.getByRole("group", { name }).getByLabel("Present").check();
    await expect.poll(() => chair.getByText(/^Quorate: 4 voting members present/).isVisible()).toBe(true);
    await chair.getByRole("button", { name: "Open the vote" }).click();
    await expect.poll(() => text(chair)).toContain("0 of 4 members present have voted.");
    await expectNoAxeViolations(chair);
    const ballotUrl = (await chair.getByRole("link", { name: "the ballot page" }).getAttribute("href"))!;

    // Tom votes on his own phone.
    const tom = await pageFor(MEMBERS[0]!, 390);
    await tom.goto(ballotUrl);
    await tom.getByLabel(DRUG).check();
    await expectNoAxeViolations(tom);
    await tom.getByRole("button", { name: "Review my choices" }).click();
    await tom.getByRole("button", { name: "Cast my ballot" }).click();
    await expect.poll(() => text(tom)).toContain("Your vote is recorded.");
    await screenshot(tom, "ballot-phone");

    // Ama and Li vote on paper. By keyboard, the chair records who voted on paper (not how)...
    const paperVoters = chair.getByRole("group", { name: "1. Who voted on paper" });
    await paperVoters.getByLabel("Ama Owusu").press("Space");
    await paperVoters.getByLabel("Li Wei").press("Space");
    await chair.getByRole("button", { name: "Record them as voting on paper" }).press("Enter");
    await expect.poll(() => text(chair)).toContain("Ama Owusu and Li Wei will be recorded as voting on paper");
    await chair.getByRole("button", { name: "Yes, record them" }).press("Enter");
    await expect
      .poll(() => text(chair))
      .toContain("3 of 4 members present have voted. 2 paper ballots are still to be entered.");
    // ...so Li cannot also vote online...
    const li = await pageFor(MEMBERS[2]!, 390);
    await li.goto(ballotUrl);
    await expect.poll(() => text(li)).toContain("Your vote is recorded.");
    // ...then types in the two papers, without names, and checks them before entering them.
    await chair.getByRole("group", { name: "Paper ballot 1 of 2" }).getByLabel(DRUG).check();
    await chair.getByRole("group", { name: "Paper ballot 1 of 2" }).getByLabel("Speeding on Gower Street").check();
    await chair.getByRole("group", { name: "Paper ballot 2 of 2" }).getByLabel("Speeding on Gower Street").check();
    await chair.getByRole("button", { name: "Review the paper ballots" }).click();
    await expect.poll(() => text(chair)).toContain(`Approves: Speeding on Gower Street; ${DRUG}`);
    await expectNoAxeViolations(chair);
    await screenshot(chair, "paper-ballots-review");
    await chair.getByRole("button", { name: "Yes, enter 2 ballots" }).click();
    await expect.poll(() => text(chair)).toContain("2 paper ballots entered.");
    // Each paper's tracker, to print and hand back to its voter.
    expect((await chair.getByTestId("paper-trackers").innerText()).split("\n")).toEqual([
      expect.stringMatching(/^Paper ballot 1: [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/),
      expect.stringMatching(/^Paper ballot 2: [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/),
    ]);
    // The chair votes too, then closes and publishes.
    await chair.goto(ballotUrl);
    await chair.getByLabel(DRUG).check();
    await chair.getByRole("button", { name: "Review my choices" }).click();
    await chair.getByRole("button", { name: "Cast my ballot" }).click();
    await expect.poll(() => text(chair)).toContain("Your vote is recorded.");
    await chair.goto(`/staff/wards/${BLOOMSBURY}/meetings/${meetingId}/live`);
    await expect.poll(() => text(chair)).toContain("4 of 4 members present have voted.");
    await chair.getByRole("button", { name: "Close the vote and count" }).click();
    await chair.getByRole("button", { name: "Yes, close and count" }).click();
    await expect.poll(() => text(chair)).toContain("The vote is closed and counted.");
    await chair.getByRole("button", { name: "Publish the result" }).click();
    await chair.getByRole("button", { name: "Yes, publish the result" }).click();
    await expect.poll(() => text(chair)).toContain("The winners are draft priorities.");
    await screenshot(chair, "live-vote-published");

    // The sergeant makes the winner specific, flags it for the 60-minute response, and publishes it.
    await sergeant.goto(`/staff/wards/${BLOOMSBURY}/priorities`);
    await sergeant.getByRole("button", { name: "Publish the priority" }).click();
    await sergeant.getByRole("button", { name: "Yes, publish it" }).click();
    await expect
      .poll(() => sergeant.getByRole("alert").filter({ hasText: "before publishing" }).isVisible())
      .toBe(true);
    await sergeant.getByRole("button", { name: /^Edit: Drug dealing/ }).click();
    await sergeant.getByLabel("Title").fill("Drug dealing in Russell Square gardens");
    // The concern was raised under "Drugs": the category carries over to the priority.
    expect(await sergeant.getByLabel("Category", { exact: true }).inputValue()).toBe("drugs");
    await sergeant.getByRole("button", { name: "Use the whole ward" }).click();
    await sergeant
      .getByLabel("What the panel wants done")
      .fill("Evening patrols and better lighting with the gardens' managers.");
    await sergeant.getByLabel("How success will be judged").fill("Fewer reports of dealing by the review date.");
    await sergeant.getByLabel("Start date").fill("2026-12-01");
    await sergeant.getByLabel("Review date").fill("2027-03-01");
    await sergeant.getByLabel("Owner").fill("PS Okafor");
    await sergeant.getByRole("button", { name: "Save the priority" }).click();
    await expect.poll(() => text(sergeant)).toContain("Saved “Drug dealing in Russell Square gardens”.");
    await sergeant.getByRole("button", { name: "Flag for the 60-minute response" }).click();
    await expect.poll(() => text(sergeant)).toContain("Flagged for the 60-minute response.");
    await sergeant.getByRole("button", { name: "Publish the priority" }).click();
    await sergeant.getByRole("button", { name: "Yes, publish it" }).click();
    await expect.poll(() => text(sergeant)).toContain("Published.");
    await expectNoAxeViolations(sergeant);
    await screenshot(sergeant, "staff-priorities");

    // The public see it on the ward page and in the library, with how it was decided.
    await resident.goto(`/wards/${BLOOMSBURY}`);
    await expect.poll(() => text(resident)).toContain("Drug dealing in Russell Square gardens");
    await resident.goto(`/wards/${BLOOMSBURY}/priorities`);
    await expect.poll(() => text(resident)).toContain("Evening patrols and better lighting");
    await resident.getByRole("link", { name: /vote/i }).first().click();
    await expect.poll(() => text(resident)).toContain(DRUG);
    await expect.poll(() => text(resident)).toContain("2 paper ballots entered without names by Priya Shah.");
    await expectNoAxeViolations(resident);
  }, 240_000);
});
