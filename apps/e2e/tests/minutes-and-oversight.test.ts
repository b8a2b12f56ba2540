import { addPaper, listAgendaItems, publishAgenda } from "@wardpanel/db/queries/agenda";
import { addGuest, markAttendance, setPublicCount } from "@wardpanel/db/queries/attendance";
import {
  addAction,
  addDecision,
  endMeeting,
  recordMeetingConcern,
  saveItemNotes,
  startMeeting,
} from "@wardpanel/db/queries/live";
import { cancelMeeting } from "@wardpanel/db/queries/meetings";
import { seedPanel, seedPublishedMeeting, seedUser } from "@wardpanel/db/testing";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";
import { signIn } from "../src/sign-in";

const BLOOMSBURY = "E05013653"; // in Camden
const DAY = 24 * 60 * 60 * 1000;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** YYYY-MM-DD on the London calendar. */
function londonDate(instant: Date): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}

/** Full-page screenshots at phone and desktop widths, for a person to look at; nothing scrolls sideways at 320px. */
async function screenshotBoth(page: Page, name: string) {
  await page.setViewportSize({ width: 320, height: 700 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name} scrolls sideways at 320px`).toBeLessThanOrEqual(0);
  await page.setViewportSize(PHONE);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
  await screenshot(page, name);
}

describe("minutes and oversight journeys", () => {
  const ids = { shown: 0, held: 0, next: 0, cancelled: 0 };

  const journeys = setUpJourneys(
    async (db) => {
      const ward = { wardCode: BLOOMSBURY };
      const now = new Date();
      seedPanel(db, BLOOMSBURY);
      const chair = await seedUser(db, {
        email: "chair@example.test",
        name: "Priya Shah",
        roles: [{ role: "chair", wardCode: BLOOMSBURY }],
      });
      const tom = await seedUser(db, {
        email: "tom@example.test",
        name: "Tom Evans",
        roles: [{ role: "panel_member", wardCode: BLOOMSBURY }],
      });
      const amina = await seedUser(db, {
        email: "amina@example.test",
        name: "Amina Begum",
        roles: [{ role: "panel_member", wardCode: BLOOMSBURY }],
      });
      const dev = await seedUser(db, {
        email: "dev@example.test",
        name: "Dev Patel",
        roles: [{ role: "panel_member", wardCode: BLOOMSBURY }],
      });
      await seedUser(db, { email: "admin@example.test", name: "Ada Admin", roles: [{ role: "admin" }] });

      // Forty days ago: held, never minuted, and its action is now overdue.
      const old = seedPublishedMeeting(db, {
        ...ward,
        date: londonDate(new Date(now.getTime() - 40 * DAY)),
        now: new Date(now.getTime() - 50 * DAY),
      });
      startMeeting(db, { ...ward, meetingId: old, now });
      const reportBack = listAgendaItems(db, old).find((i) => i.kind === "report_back")!;
      addAction(db, {
        ...ward,
        meetingId: old,
        itemId: reportBack.id,
        action: {
          description: "Ask the council to fix the lights in Russell Square",
          owner: "Camden Council",
          dueDate: londonDate(new Date(now.getTime() - 10 * DAY)),
        },
        now,
      });

      /** A meeting whose agenda was published with a paper, then held: its crime update item. */
      const heldWithPaper = (daysAgo: number) => {
        const meetingId = seedPublishedMeeting(db, {
          ...ward,
          date: londonDate(new Date(now.getTime() - daysAgo * DAY)),
          now: new Date(now.getTime() - 14 * DAY),
        });
        const crime = listAgendaItems(db, meetingId).find((i) => i.kind === "crime_update")!;
        addPaper(db, {
          ...ward,
          meetingId,
          itemId: crime.id,
          paper: {
            fileName: "crime-figures.pdf",
            contentType: "application/pdf",
            content: Buffer.from("%PDF-1.4\n% crime figures\n%%EOF\n"),
          },
          uploadedBy: chair.id,
          now,
        });
        publishAgenda(db, { ...ward, meetingId, publishedBy: chair.id, now: new Date(now.getTime() - 7 * DAY) });
        startMeeting(db, { ...ward, meetingId, now });
        return { meetingId, crime };
      };

      // Two days ago: what the public sees of a meeting before its minutes (the chair's journey minutes another).
      ids.shown = heldWithPaper(2).meetingId;

      // Yesterday's meeting, recorded in full: the chair minutes it.
      const { meetingId: held, crime } = heldWithPaper(1);
      ids.held = held;
      const p = { ...ward, meetingId: held };
      markAttendance(db, { ...p, userId: chair.id, status: "present", now });
      markAttendance(db, { ...p, userId: tom.id, status: "present", now });
      markAttendance(db, { ...p, userId: amina.id, status: "present", now });
      markAttendance(db, { ...p, userId: dev.id, status: "apologies", now });
      addGuest(db, { ...p, kind: "police", name: "PS Jo Okafor", organisation: "Met Police", now });
      addGuest(db, { ...p, kind: "partner", name: "Sam Green", organisation: "Camden Council", now });
      setPublicCount(db, { ...p, count: 12, now });
      saveItemNotes(db, { ...p, itemId: crime.id, notes: "Burglary is down.", baseVersion: 0, by: null, now });
      addDecision(db, { ...p, itemId: crime.id, text: "Keep burglary as a priority for three more months", now });
      addAction(db, {
        ...p,
        itemId: crime.id,
        action: {
          description: "Leaflet drop on Marchmont Street",
          owner: "PCSO Sam Lee",
          dueDate: londonDate(new Date(now.getTime() + 14 * DAY)),
        },
        now,
      });
      recordMeetingConcern(db, {
        ...p,
        concern: {
          description: "Cyclists riding on the pavement",
          location: "Judd Street",
          category: "road-safety",
          hasConsent: false,
          raisedBy: "",
          contactEmail: "",
        },
        now,
      });
      // The live meeting ended: its minutes can be drafted.
      endMeeting(db, { ...p, now });

      // Today's meeting, under way: where yesterday's minutes are approved.
      ids.next = seedPublishedMeeting(db, { ...ward, date: londonDate(now), now: new Date(now.getTime() - 14 * DAY) });
      startMeeting(db, { ...ward, meetingId: ids.next, now });

      // A summer meeting that was advertised and then called off (never "next month", so oversight still flags the ward).
      ids.cancelled = seedPublishedMeeting(db, {
        ...ward,
        date: londonDate(new Date(now.getTime() + 75 * DAY)),
        now,
        // Held online: its link must not be offered once it is called off, nor a room's step-free access ever.
        details: {
          title: "Bloomsbury summer panel meeting",
          kind: "online_meeting",
          venueName: "",
          venueAddress: "",
          onlineUrl: "https://meet.example.test/bloomsbury-summer",
          stepFreeAccess: true,
          hearingLoop: false,
        },
      });
      cancelMeeting(db, { ...ward, meetingId: ids.cancelled, reason: "The library is closed for repairs", now });
    },
    { context: { viewport: DESKTOP } },
  );

  it("the public sees a meeting before its minutes: the agenda, its papers, and a cancelled meeting's reason", async () => {
    const { page, context } = journeys;
    await page.goto(`/wards/${BLOOMSBURY}/meetings/${ids.shown}`);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toContain("Bloomsbury ward panel meeting");
    const text = await page.locator("main").innerText();
    expect(text).toContain("Holborn Library");
    expect(text).toContain("Chancery Lane station");
    expect(text).toContain("Step-free access");
    expect(text).toContain("Version 1, published");
    expect(text).toContain("Presented by Sergeant");
    expect(text).toMatch(/crime-figures\.pdf\s*\(PDF document, \d+ bytes\)/);
    expect(text).toContain("Matters arising: actions carried over");
    expect(text).toContain("Ask the council to fix the lights in Russell Square — owner: Camden Council");
    expect(text).toContain("The minutes of this meeting have not been published yet");
    const paper = await context.request.get(
      (await page.getByRole("link", { name: /^crime-figures\.pdf \(PDF document/ }).getAttribute("href"))!,
    );
    expect(paper.status()).toBe(200);
    const calendar = await context.request.get(
      (await page.getByRole("link", { name: /to your calendar/ }).getAttribute("href"))!,
    );
    expect(calendar.status()).toBe(200);
    await expectNoAxeViolations(page);
    await screenshotBoth(page, "public-meeting-before-minutes");

    // From the ward page, each advertised meeting links to its own page.
    await page.goto(`/wards/${BLOOMSBURY}`);
    await expect.poll(() => page.locator("main").innerText()).toContain("No link to join: the meeting is cancelled.");
    expect(await page.locator('a[href*="meet.example.test"]').count()).toBe(0);
    await page.getByRole("link", { name: "Bloomsbury summer panel meeting" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Cancelled: Bloomsbury summer panel meeting");
    const cancelled = await page.locator("main").innerText();
    expect(cancelled).toContain("This meeting has been cancelled.");
    expect(cancelled).toContain("Reason: The library is closed for repairs");
    expect(cancelled).toContain("The agenda for this meeting has not been published yet.");
    expect(cancelled).toContain("There are no minutes: the meeting was cancelled.");
    expect(cancelled).toContain("No link to join: the meeting is cancelled.");
    expect(cancelled).not.toContain("Step-free access");
    expect(await page.locator('a[href*="meet.example.test"]').count()).toBe(0);
    await expectNoAxeViolations(page);

    await page.goto(`/wards/${BLOOMSBURY}/meetings/999999`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Meeting not found");
  });

  it("a chair drafts, edits, circulates, records approval and publishes the minutes; the public reads them; a correction follows", async () => {
    const { page } = journeys;
    const minutesUrl = `/staff/wards/${BLOOMSBURY}/meetings/${ids.held}/minutes`;
    const publicUrl = `/wards/${BLOOMSBURY}/meetings/${ids.held}`;
    const status = () => page.getByRole("region", { name: "Where the minutes are" }).innerText();
    await signIn(page, "chair@example.test");
    await page.goto(minutesUrl);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Minutes: Bloomsbury ward panel meeting");
    expect(await status()).toContain("Not drafted yet");
    expect(await page.getByRole("link", { name: "See the public meeting page" }).getAttribute("href")).toBe(publicUrl);
    await expectNoAxeViolations(page);
    await screenshotBoth(page, "minutes-not-drafted");

    // Draft from the live record, then edit one item's notes.
    await page.getByRole("button", { name: "Draft the minutes from the meeting's notes" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Edit the draft" }).isVisible()).toBe(true);
    expect(await status()).toMatch(/Status\s*Draft/);
    const crimeNotes = page.getByRole("textbox", { name: "Notes for item 6, Crime update" });
    expect(await crimeNotes.inputValue()).toBe("Burglary is down.");
    await crimeNotes.fill("Burglary is down by a third since August.\nThe team will target Marchmont Street.");
    await page.getByRole("button", { name: "Save notes for Crime update" }).click();
    await expect.poll(() => crimeNotes.locator("xpath=following-sibling::div").innerText()).toContain("Saved.");
    await expect
      .poll(() => page.getByRole("region", { name: "Preview" }).innerText())
      .toContain("Burglary is down by a third since August.");
    await expectNoAxeViolations(page);
    await screenshotBoth(page, "minutes-draft");

    // Circulate, behind a confirmation that can be cancelled.
    await page.getByRole("button", { name: "Circulate to the panel" }).click();
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Circulate to the panel");
    await page.getByRole("button", { name: "Circulate to the panel" }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe("Circulate these minutes to the panel?");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Yes, circulate to the panel" }).click();
    await expect.poll(status).toMatch(/Status\s*Circulated to the panel/);
    expect(await page.getByRole("textbox", { name: /Notes for item/ }).count()).toBe(0);

    // Approval is recorded at the later meeting.
    expect(await page.locator("main").innerText()).toContain('under "Minutes of the last meeting and matters arising"');
    const approvedAt = page.getByLabel("Approved at meeting");
    expect(await approvedAt.locator("option").count()).toBe(1);
    await approvedAt.selectOption({ value: String(ids.next) });
    await expectNoAxeViolations(page);
    await screenshotBoth(page, "minutes-circulated");
    await page.getByRole("button", { name: "Record approval" }).click();
    await expect.poll(status).toMatch(/Status\s*Approved/);

    await page.getByRole("button", { name: "Publish the minutes" }).click();
    expect(await page.locator("main").innerText()).toContain("Published minutes never change.");
    await page.getByRole("button", { name: "Yes, publish the minutes" }).click();
    await expect.poll(status).toMatch(/Status\s*Published/);
    await expect
      .poll(() => page.getByRole("heading", { name: "Correct the published minutes" }).isVisible())
      .toBe(true);
    await expectNoAxeViolations(page);
    await screenshotBoth(page, "minutes-published");

    // The public, without signing in, reads the minutes.
    const publicPage = await journeys.newPage();
    await publicPage.goto(publicUrl);
    await expect.poll(() => publicPage.getByRole("heading", { name: "Minutes", exact: true }).isVisible()).toBe(true);
    const minutes = () => publicPage.getByRole("region", { name: "Minutes", exact: true }).innerText();
    await expect.poll(minutes).toContain("Burglary is down by a third since August.");
    const text = await minutes();
    for (const name of ["Priya Shah", "Tom Evans", "Amina Begum"]) expect(text).toContain(name);
    expect(text).toMatch(/Apologies\s*Dev Patel/);
    expect(text).toMatch(/Police\s*PS Jo Okafor \(Met Police\)/);
    expect(text).toMatch(/Partners\s*Sam Green \(Camden Council\)/);
    expect(text).toMatch(/Members of the public\s*12/);
    expect(text).toMatch(/Quorum\s*Quorate: 3 voting members present/);
    expect(text).toContain("Keep burglary as a priority for three more months");
    expect(text).toMatch(/Leaflet drop on Marchmont Street — owner: PCSO Sam Lee,\s*due \d{1,2} \w+ \d{4}/);
    expect(text).toContain("Cyclists riding on the pavement (Road safety, Judd Street)");
    expect(text).not.toContain("Corrected on");
    // Line breaks in the notes are kept.
    expect(await publicPage.getByText("Burglary is down by a third since August.").innerText()).toBe(
      "Burglary is down by a third since August.\nThe team will target Marchmont Street.",
    );
    expect(await publicPage.getByRole("button", { name: "Print these minutes" }).isVisible()).toBe(true);
    await expectNoAxeViolations(publicPage);
    await screenshotBoth(publicPage, "public-meeting-minutes");
    // Printed, the header and buttons drop away.
    await publicPage.emulateMedia({ media: "print" });
    expect(await publicPage.locator("header").isVisible()).toBe(false);
    expect(await publicPage.getByRole("button", { name: "Print these minutes" }).isVisible()).toBe(false);
    await screenshot(publicPage, "public-meeting-minutes-print");
    await publicPage.emulateMedia({ media: "screen" });

    // The chair corrects the published minutes: a note is required.
    await page.getByRole("button", { name: "Start a correction" }).click();
    await expect
      .poll(() => page.getByLabel("What the correction changes, and why").getAttribute("aria-invalid"))
      .toBe("true");
    expect(await page.locator("main").innerText()).toContain("Say what the correction changes and why");
    await page.getByLabel("What the correction changes, and why").fill("The burglary figures were for the wrong month");
    await page.getByRole("button", { name: "Start a correction" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Edit the correction" }).isVisible()).toBe(true);
    expect(await status()).toMatch(/Version\s*2 \(a correction of the published minutes\)/);
    const correctedNotes = page.getByRole("textbox", { name: "Notes for item 6, Crime update" });
    await correctedNotes.fill("Burglary is down by a quarter since September.");
    await page.getByRole("button", { name: "Save notes for Crime update" }).click();
    await expect.poll(() => correctedNotes.locator("xpath=following-sibling::div").innerText()).toContain("Saved.");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Circulate to the panel" }).click();
    await page.getByRole("button", { name: "Yes, circulate to the panel" }).click();
    // A correction in circulation is published directly: no second approval.
    await expect.poll(() => page.getByRole("button", { name: "Publish the correction" }).isVisible()).toBe(true);
    expect(await page.getByLabel("Approved at meeting").count()).toBe(0);
    await page.getByRole("button", { name: "Publish the correction" }).click();
    await page.getByRole("button", { name: "Yes, publish the correction" }).click();
    await expect.poll(status).toMatch(/Status\s*Published/);

    await publicPage.reload();
    await expect.poll(minutes).toContain("Burglary is down by a quarter since September.");
    const corrected = await minutes();
    expect(corrected).toMatch(/Corrected on \d{1,2} \w+ \d{4}: The burglary figures were for the wrong month/);
    expect(corrected).not.toContain("Burglary is down by a third since August.");
    await publicPage.getByText(/Version 1, published .*: what version 2 changed/).click();
    const changes = await publicPage.locator("details").innerText();
    expect(changes).toContain("Item 6: Crime update");
    expect(changes).toMatch(/Before\s*Burglary is down by a third since August\./);
    expect(changes).toMatch(/After\s*Burglary is down by a quarter since September\./);
    await expectNoAxeViolations(publicPage);
    await screenshotBoth(publicPage, "public-meeting-corrected");
  }, 240_000);

  it("an admin sees which Camden wards need attention and downloads the check as CSV; others cannot", async () => {
    const { page } = journeys;
    await signIn(page, "admin@example.test");
    await page.getByRole("link", { name: "Oversight" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Oversight");
    await page.getByLabel("Borough", { exact: true }).selectOption({ label: "Camden" });
    await expect.poll(() => page.getByRole("table").locator("caption").innerText()).toBe("Wards in Camden (20)");
    const row = page.getByRole("row", { name: /Bloomsbury/ });
    const cells = await row.getByRole("cell").allInnerTexts();
    expect(cells[2]).toBe("None"); // nothing advertised next month
    expect(cells[3]).toBe("1 overdue"); // the meeting forty days ago has no minutes
    expect(cells[4]).toBe("1 overdue"); // its action is past due
    expect(cells[5]).toBe("None"); // its priorities are reviewed (or it has none)
    expect(cells[6]).toBe("Needs attention");
    const summary = await page.getByRole("region", { name: "Summary for Camden" }).innerText();
    expect(summary).toMatch(
      /\d+ wards? ha(s|ve) no meeting advertised this month; 20 have none next month; 1 meeting has no minutes 28 days on; 1 action is overdue; 0 priorities have not been reviewed for 90 days\./,
    );
    await expectNoAxeViolations(page);
    await screenshotBoth(page, "oversight-camden");

    await page.getByLabel("Only wards needing attention").check();
    await expect
      .poll(() => page.getByRole("table").locator("caption").innerText())
      .toMatch(/^Wards needing attention in Camden \(\d+\)$/);
    await page.getByLabel("Order").selectOption({ label: "Wards needing most attention first" });
    await expect.poll(() => page.getByRole("row").nth(1).innerText()).toContain("Bloomsbury");
    await page.getByRole("link", { name: "Bloomsbury" }).click();
    await expect.poll(() => page.url()).toContain(`/staff/wards/${BLOOMSBURY}`);
    // Back again, the borough chosen is kept (it is in the address).
    await page.goBack();
    await expect.poll(() => page.getByLabel("Borough", { exact: true }).inputValue()).toBe("E09000007");

    const csvLink = page.getByRole("link", { name: /Download as CSV/ });
    await expect.poll(() => csvLink.getAttribute("href")).toBe("/api/oversight.csv?borough=E09000007");
    const csv = await page.request.get((await csvLink.getAttribute("href"))!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const body = await csv.text();
    expect(body.split("\n")[0]).toContain("Ward code");
    expect(body).toContain("Bloomsbury");

    // A chair is not an admin: no link, and the page says so.
    const chairPage = await journeys.newPage();
    await signIn(chairPage, "chair@example.test");
    expect(await chairPage.getByRole("link", { name: "Oversight" }).count()).toBe(0);
    await chairPage.goto("/staff/oversight");
    await expect.poll(() => chairPage.locator("main").innerText()).toContain("Only an admin can see oversight");
    await expectNoAxeViolations(chairPage);
  });
});
