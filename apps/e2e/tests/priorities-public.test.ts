import { readFile } from "node:fs/promises";

import { submitConcern } from "@wardpanel/db/queries/concerns";
import {
  addProgress,
  endPriority,
  publishPriority,
  setCallHandling,
  updatePriority,
} from "@wardpanel/db/queries/priorities";
import {
  buildPriorityFields,
  seedPanelWithMembers,
  seedPublishedMeeting,
  seedPublishedVote,
  seedUser,
  squareAroundWard,
} from "@wardpanel/db/testing";
import { londonParts } from "@wardpanel/meetings/london-time";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";
import { signIn } from "../src/sign-in";

const BLOOMSBURY = "E05013653";
const DAY_MS = 86_400_000;
const lastWeek = londonParts(new Date(Date.now() - 7 * DAY_MS)).date;

/** What the public reads: the panel voted at last week's meeting; one priority is current, one has ended. */
describe("priorities as the public sees them", () => {
  let voteId = 0;
  let tamperedVoteId = 0;

  const journeys = setUpJourneys(
    async (db) => {
      const now = new Date(Date.now() - 7 * DAY_MS);
      seedPanelWithMembers(db, BLOOMSBURY, 4);
      await seedUser(db, {
        email: "sergeant@example.test",
        name: "PS Okafor",
        roles: [{ role: "sergeant", wardCode: BLOOMSBURY }],
      });
      const meetingId = seedPublishedMeeting(db, {
        wardCode: BLOOMSBURY,
        date: lastWeek,
        now: new Date(now.getTime() - 7 * DAY_MS),
      });
      const vote = seedPublishedVote(db, {
        wardCode: BLOOMSBURY,
        meetingId,
        concerns: [
          "Drug dealing in Russell Square gardens",
          "Speeding on Guilford Street",
          "Bike theft outside the station",
          "Noise from late-night bars",
        ],
        approvals: [[0, 1], [0, 1], [0, 2], [1, 3], [0]],
        seats: 2,
        now,
      });
      voteId = vote.voteId;
      const [drugs, speeding] = vote.priorityIds as [number, number];
      updatePriority(db, {
        wardCode: BLOOMSBURY,
        priorityId: drugs,
        fields: buildPriorityFields({ area: squareAroundWard(db, BLOOMSBURY) }),
        now,
      });
      setCallHandling(db, { wardCode: BLOOMSBURY, priorityId: drugs, isFlagged: true, now });
      publishPriority(db, { wardCode: BLOOMSBURY, priorityId: drugs, now });
      addProgress(db, {
        wardCode: BLOOMSBURY,
        priorityId: drugs,
        month: "2026-11",
        policeAction: "Six evening patrols; two arrests for possession with intent to supply.",
        partnerAction: "Camden Council trimmed the hedges by the play area.",
        whatChanged: "Fewer reports from residents in the second half of the month.",
        createdBy: null,
      });
      const speedingFields = buildPriorityFields({
        title: "Speeding on Guilford Street",
        problem: "Cars speed between Gray's Inn Road and Russell Square, especially at night.",
        category: "other-crime",
        streets: ["Guilford Street"],
        postcodes: ["WC1N 1DX"],
        placeName: "",
        wantedAction: "Speed checks with Community Roadwatch, and a request to the council for traffic calming.",
        successMeasure: "Average speeds below 25 mph at the review.",
        startDate: "2026-06-01",
        reviewDate: "2026-09-01",
        owner: "PC Adeyemi",
      });
      updatePriority(db, { wardCode: BLOOMSBURY, priorityId: speeding, fields: speedingFields, now });
      publishPriority(db, { wardCode: BLOOMSBURY, priorityId: speeding, now });
      addProgress(db, {
        wardCode: BLOOMSBURY,
        priorityId: speeding,
        month: "2026-07",
        policeAction: "Four Community Roadwatch sessions; 31 drivers warned.",
        partnerAction: "",
        whatChanged: "",
        createdBy: null,
      });
      endPriority(db, {
        wardCode: BLOOMSBURY,
        priorityId: speeding,
        outcome: "achieved",
        date: "2026-09-20",
        reason: "Average speeds fell to 22 mph after the council's speed humps went in.",
        supersededById: null,
        now,
      });

      // A second vote whose stored ballot is changed afterwards, as someone with database access might.
      const otherMeeting = seedPublishedMeeting(db, {
        wardCode: BLOOMSBURY,
        date: lastWeek,
        now: new Date(now.getTime() - 7 * DAY_MS),
        details: { title: "Bloomsbury extra panel meeting" },
      });
      tamperedVoteId = seedPublishedVote(db, {
        wardCode: BLOOMSBURY,
        meetingId: otherMeeting,
        concerns: ["Graffiti on Coram Street", "Phone snatching on Southampton Row"],
        approvals: [[0], [0], [1]],
        seats: 1,
        now,
      }).voteId;
      db.$client
        .prepare(
          "UPDATE vote_entries SET payload = json_set(payload, '$.ballot.approved', json('[]')) WHERE id = (SELECT MIN(id) FROM vote_entries WHERE vote_id = ? AND type = 'ballot')",
        )
        .run(tamperedVoteId);

      // Already in the sergeant's queue: what a concern that is kept looks like there.
      submitConcern(db, {
        wardCode: BLOOMSBURY,
        source: "public_form",
        concern: {
          description: "Bins left out on Judd Street all week",
          location: "Judd Street",
          postcode: "",
          lon: null,
          lat: null,
          category: "other",
        },
        tokenSecret: "a-secret-for-tests",
        now,
      });
    },
    { context: { acceptDownloads: true } },
  );

  const main = () => journeys.page.locator("main").innerText();

  /** The sergeant's concern queue, read through the API as the signed-in sergeant. */
  async function concernQueueAsSergeant() {
    const { page } = journeys;
    await signIn(page, "sergeant@example.test");
    const response = await page.request.get(
      `/trpc/concerns.queue?input=${encodeURIComponent(JSON.stringify({ wardCode: BLOOMSBURY }))}`,
    );
    expect(response.status()).toBe(200);
    const body = (await response.json()) as {
      result: {
        data: { description: string; location: string; lon: number | null; lat: number | null; category: string }[];
      };
    };
    return body.result.data;
  }

  it("a resident on a phone reads the priorities, the library and the vote, checks the record, and raises a concern with a point on the map", async () => {
    const { page } = journeys;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/wards/${BLOOMSBURY}`);
    const priorities = page.getByRole("region", { name: "Local priorities" });
    await expect.poll(() => priorities.innerText()).toContain("Drug dealing in Russell Square gardens");
    expect(await priorities.innerText()).toContain("60-minute response");
    expect(await priorities.innerText()).not.toContain("Speeding on Guilford Street");
    await expectNoAxeViolations(page);
    await screenshot(page, "priorities-ward-page-phone");

    await page.getByRole("link", { name: "All priorities, past and present" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "Local priorities, past and present", level: 1 }).isVisible())
      .toBe(true);
    const current = page.getByRole("region", { name: "Current priorities" });
    await expect.poll(() => current.innerText()).toContain("Six evening patrols");
    expect(await current.innerText()).toContain("November 2026");
    expect(
      await current.getByRole("img", { name: /area of the priority “Drug dealing in Russell Square gardens”/ }).count(),
    ).toBe(1);
    const past = await page.getByRole("region", { name: "Past priorities" }).innerText();
    expect(past).toContain("Speeding on Guilford Street");
    expect(past).toContain("Achieved on 20 September 2026");
    expect(past).toContain("Average speeds fell to 22 mph");
    expect(past).toContain("It ran for 4 months");
    expect(await main()).toContain(`/api/metropolitan/${BLOOMSBURY}/priorities`);
    await expectNoAxeViolations(page);
    await screenshot(page, "priorities-library-phone");

    await page.getByRole("link", { name: "The panel's vote and its result: Speeding on Guilford Street" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Vote result", level: 1 }).isVisible()).toBe(true);
    const result = await main();
    expect(result).toContain("Approval voting");
    expect(result).toContain("Secret ballot");
    expect(result).toContain(
      "The chosen priorities are Drug dealing in Russell Square gardens and Speeding on Guilford Street.",
    );
    expect(result).toContain("the stored vote record was checked when this page loaded, and it matches this result");
    expect(await page.getByRole("alert").count()).toBe(0);
    const shownHash = (await page.locator("main code").first().innerText()).trim();
    expect(shownHash).toMatch(/^[0-9a-f]{64}$/);
    await expectNoAxeViolations(page);
    await screenshot(page, "vote-result-phone");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download the vote record" }).click(),
    ]);
    const record = JSON.parse(await readFile((await download.path())!, "utf8")) as {
      format: string;
      voteId: unknown;
      finalHash: string;
      entries: unknown[];
    };
    expect(record.format).toBe("wardpanel-vote-record");
    expect(record.finalHash).toBe(shownHash);
    expect(record.entries.length).toBeGreaterThan(5);

    await page.goto(`/wards/${BLOOMSBURY}`);
    const formShownAt = Date.now();
    const concern = page.getByRole("region", { name: "Raise a concern" });
    await concern
      .getByLabel("What is the problem?")
      .fill("Young people gathering and shouting in the alley behind Marchmont Street late at night");
    await concern.getByLabel("Where?").fill("Alley behind Marchmont Street");
    await concern.getByLabel("Postcode (optional)").fill("wc1n 1aq");
    // By keyboard: focus the map, move the crosshair and place the point; then clear it and tap instead.
    const map = concern.getByRole("application", { name: /mark the place/ });
    await map.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expect.poll(() => concern.getByText(/^A point is marked/).isVisible()).toBe(true);
    await concern.getByRole("button", { name: "Clear the point" }).click();
    await expect.poll(() => concern.getByText("No point is marked on the map.").isVisible()).toBe(true);
    await map.click();
    await expect.poll(() => concern.getByText(/^A point is marked in the/).isVisible()).toBe(true);
    await concern.getByLabel("What kind of problem is it?").selectOption("Anti-social behaviour");
    await expectNoAxeViolations(page);
    await screenshot(page, "concern-form-phone");
    // A person takes a few seconds over the form; the server quietly drops anything sent faster.
    await page.waitForTimeout(Math.max(0, 3_500 - (Date.now() - formShownAt)));
    await concern.getByRole("button", { name: "Send the concern" }).click();
    await expect
      .poll(() => concern.getByRole("status").filter({ hasText: "your concern has been sent" }).isVisible())
      .toBe(true);
    expect(await concern.innerText()).toContain("The Safer Neighbourhoods Team reviews every concern raised");
    await expectNoAxeViolations(page);
    await screenshot(page, "concern-sent-phone");

    const queue = await concernQueueAsSergeant();
    const raised = queue.find((c) => c.location === "Alley behind Marchmont Street");
    expect(raised).toMatchObject({ category: "anti-social-behaviour" });
    expect(raised?.lon).toBeTypeOf("number");
    expect(raised?.lat).toBeTypeOf("number");
  });

  it("on a wide screen the library and the result read well, and a vote whose record was changed is shown as failing its check", async () => {
    const { page } = journeys;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/wards/${BLOOMSBURY}/priorities`);
    await expect.poll(main).toContain("Past priorities");
    await expectNoAxeViolations(page);
    await screenshot(page, "priorities-library-wide");
    await page.goto(`/wards/${BLOOMSBURY}/votes/${voteId}`);
    await expect.poll(() => page.getByRole("table", { name: "Votes for each option" }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await screenshot(page, "vote-result-wide");
    await page.goto(`/wards/${BLOOMSBURY}/votes/${tamperedVoteId}`);
    await expect
      .poll(() => page.getByRole("alert").innerText())
      .toContain("Warning: this vote record does not pass its check.");
    expect(await page.getByRole("alert").innerText()).toMatch(/Reason: .+/);
    await expectNoAxeViolations(page);
    await screenshot(page, "vote-result-failing-wide");
    await page.goto(`/wards/${BLOOMSBURY}/votes/999`);
    await expect.poll(main).toContain("This vote result is not published");
  });

  it("a concern sent at once with the hidden field filled in is answered as usual but not kept", async () => {
    const { page } = journeys;
    await page.goto(`/wards/${BLOOMSBURY}`);
    const concern = page.getByRole("region", { name: "Raise a concern" });
    await concern.getByLabel("What is the problem?").fill("Buy cheap watches at spam.example");
    await concern.getByLabel("Where?").fill("Everywhere");
    await concern.getByLabel("What kind of problem is it?").selectOption("Something else");
    // Only a bot finds this field: it is hidden, out of the tab order and hidden from screen readers.
    await page.locator('input[name="website"]').fill("https://spam.example", { force: true });
    await concern.getByRole("button", { name: "Send the concern" }).click();
    await expect
      .poll(() => concern.getByRole("status").filter({ hasText: "your concern has been sent" }).isVisible())
      .toBe(true);

    const queue = await concernQueueAsSergeant();
    expect(queue.map((c) => c.description)).not.toContain("Buy cheap watches at spam.example");
    expect(queue.map((c) => c.location)).toContain("Judd Street");
  });
});
