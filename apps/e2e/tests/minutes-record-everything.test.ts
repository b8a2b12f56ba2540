import { listAgendaItems } from "@wardpanel/db/queries/agenda";
import { addAction, addDecision, endMeeting } from "@wardpanel/db/queries/live";
import { getVoteRecord } from "@wardpanel/db/queries/votes";
import { seedPanel, seedPublishedMeeting, seedPublishedVote, seedUser } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";
import { signIn } from "../src/sign-in";

const BLOOMSBURY = "E05013653"; // in Camden

/** Today on the London calendar, YYYY-MM-DD: the vote opens at a meeting under way. */
function londonToday(): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
}

describe("minutes that record everything", () => {
  const ids = { meeting: 0, vote: 0, finalHash: "" };

  const journeys = setUpJourneys(
    async (db) => {
      const now = new Date();
      seedPanel(db, BLOOMSBURY);
      await seedUser(db, {
        email: "chair@example.test",
        name: "Priya Shah",
        roles: [{ role: "chair", wardCode: BLOOMSBURY }],
      });
      for (const name of ["Tom Evans", "Amina Begum", "Dev Patel"])
        await seedUser(db, { name, roles: [{ role: "panel_member", wardCode: BLOOMSBURY }] });
      ids.meeting = seedPublishedMeeting(db, {
        wardCode: BLOOMSBURY,
        date: londonToday(),
        now: new Date(now.getTime() - 14 * 24 * 60 * 60 * 1000),
      });
      const { voteId } = seedPublishedVote(db, {
        wardCode: BLOOMSBURY,
        meetingId: ids.meeting,
        concerns: ["Speeding on Gower Street", "Bikes stolen at Euston", "Graffiti in Russell Square"],
        rankings: [
          [0, 1],
          [0, 2],
          [1, 0],
          [1, 2],
        ],
        seats: 2,
        now,
      });
      ids.vote = voteId;
      ids.finalHash = getVoteRecord(db, voteId)!.vote.finalHash!;
      const item = listAgendaItems(db, ids.meeting)[0]!;
      const p = { wardCode: BLOOMSBURY, meetingId: ids.meeting, itemId: item.id, now };
      addDecision(db, { ...p, text: "Write to the councl" });
      addAction(db, { ...p, action: { description: "Send the letter", owner: "Priya Shah", dueDate: "2030-01-31" } });
      // The live meeting ended: its minutes can be drafted.
      endMeeting(db, { wardCode: BLOOMSBURY, meetingId: ids.meeting, now });
    },
    { context: { viewport: { width: 390, height: 844 } } },
  );

  it("carry the vote's summary and final hash; go back to draft with a reason; a decision edited, an action removed and put back", async () => {
    const { page } = journeys;
    const status = () => page.getByRole("region", { name: "Where the minutes are" }).innerText();
    const preview = () => page.locator("#preview-heading + p + div").innerText();
    await signIn(page, "chair@example.test");
    await page.goto(`/staff/wards/${BLOOMSBURY}/meetings/${ids.meeting}/minutes`);
    await page.getByRole("button", { name: "Draft the minutes from the meeting's notes" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Edit the draft" }).isVisible()).toBe(true);

    // The vote held at the meeting, in the minutes.
    await expect.poll(preview).toContain("Votes held at this meeting");
    const minutes = await preview();
    expect(minutes).toContain("Ranked ballots (single transferable vote)");
    expect(minutes).toMatch(/Priorities to choose\s*2/);
    expect(minutes).toMatch(/Ballot\s*Secret/);
    expect(minutes).toMatch(/Voting members present\s*4/);
    expect(minutes).toMatch(/Ballots cast\s*4/);
    expect(minutes).toMatch(/Speeding on Gower Street \(chosen in round \d\)/);
    expect(minutes).toMatch(/Bikes stolen at Euston \(chosen in round \d\)/);
    expect(minutes).toContain(ids.finalHash);
    expect(await page.getByRole("link", { name: "See the vote's public result and record" }).getAttribute("href")).toBe(
      `/wards/${BLOOMSBURY}/votes/${ids.vote}`,
    );
    // The chosen priorities are still drafts: named, not linked to a public page they are not on yet.
    expect(minutes).toContain("Speeding on Gower Street (not published yet)");
    expect(await page.getByRole("link", { name: "Speeding on Gower Street" }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, "minutes-with-vote");

    // Circulated, then back to draft: a reason is required, and kept in the history.
    await page.getByRole("button", { name: "Circulate to the panel" }).click();
    await page.getByRole("button", { name: "Yes, circulate to the panel" }).click();
    await expect.poll(status).toMatch(/Status\s*Circulated to the panel/);
    expect(await page.getByRole("button", { name: /^Edit/ }).count()).toBe(0);
    await page.getByRole("button", { name: "Return the minutes to draft" }).click();
    await page.getByRole("button", { name: "Yes, return them to draft" }).click();
    await expect.poll(() => page.getByLabel("Why they go back to draft").getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page);
    await page.getByLabel("Why they go back to draft").fill("The decision's wording is wrong");
    await page.getByRole("button", { name: "Yes, return them to draft" }).click();
    await expect.poll(status).toMatch(/Status\s*Draft/);
    const history = page.getByRole("region", { name: "History" });
    await expect
      .poll(() => history.innerText())
      .toContain("Returned to draft by Priya Shah. Reason: The decision's wording is wrong");

    // Edit a decision: the draft shows it at once.
    const record = page.getByRole("region", { name: "Decisions, actions and concerns" });
    await record.getByRole("button", { name: "Edit ‘Write to the councl’" }).click();
    await record.getByRole("textbox", { name: "Decision" }).fill("Write to the council about the street lights");
    await expectNoAxeViolations(page);
    await record.getByRole("button", { name: "Save" }).click();
    await expect.poll(preview).toContain("Write to the council about the street lights");

    // Remove an action, then undo.
    await record.getByRole("button", { name: "Remove ‘Send the letter’" }).click();
    await expect.poll(() => record.innerText()).toContain("Removed ‘Send the letter’.");
    await expect.poll(preview).not.toContain("Send the letter");
    await record.getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => record.innerText()).toContain("Undone.");
    await expect.poll(preview).toContain("Send the letter");
    await expectNoAxeViolations(page);
    await screenshot(page, "minutes-record-corrected");

    // Circulated again: a corrected version; the record no longer changes.
    await page.getByRole("button", { name: "Circulate to the panel" }).click();
    await page.getByRole("button", { name: "Yes, circulate to the panel" }).click();
    await expect.poll(status).toMatch(/Status\s*Circulated to the panel/);
    await expect.poll(() => history.innerText()).toContain("Circulated again as a corrected version by Priya Shah.");
    expect(await preview()).toContain("Write to the council about the street lights");
    expect(await page.getByRole("region", { name: "Decisions, actions and concerns" }).count()).toBe(0);
  });
});
