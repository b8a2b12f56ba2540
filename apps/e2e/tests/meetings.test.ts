import { seedPanel, seedPublishedMeeting, seedUser } from "@wardpanel/db/testing";
import { londonParts } from "@wardpanel/meetings/london-time";
import { monthlyDates } from "@wardpanel/meetings/series";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";
import { signIn } from "../src/sign-in";

const BLOOMSBURY = "E05013653";
const DAY_MS = 86_400_000;

/** Yesterday evening's meeting, advertised the week before and not yet run: the chair runs it now. */
const yesterday = londonParts(new Date(Date.now() - DAY_MS)).date;
const nextYear = new Date().getUTCFullYear() + 1;
/** The second Tuesday of next January: the first meeting of the series the chair schedules. */
const januaryDay = Number(
  monthlyDates({ ordinal: 2, weekday: 2, firstMonth: `${nextYear}-01`, months: 1 })[0]!.slice(8),
);

describe("meetings journeys", () => {
  let runMeetingId = 0;

  const journeys = setUpJourneys(async (db) => {
    seedPanel(db, BLOOMSBURY);
    await seedUser(db, {
      email: "chair@example.test",
      name: "Priya Shah",
      roles: [{ role: "chair", wardCode: BLOOMSBURY }],
    });
    for (const name of ["Tom Evans", "Ama Owusu", "Li Wei"])
      await seedUser(db, { name, roles: [{ role: "panel_member", wardCode: BLOOMSBURY }] });
    runMeetingId = seedPublishedMeeting(db, {
      wardCode: BLOOMSBURY,
      date: yesterday,
      now: new Date(Date.now() - 7 * DAY_MS),
      details: { title: "Bloomsbury panel: this month" },
    });
  });

  it("a chair runs a meeting, schedules a series whose first agenda carries over the meeting's open action, and the public see it advertised with its agenda and papers", async () => {
    // 1. A chair runs a meeting: attendance and quorum, notes that survive going offline, an action, a public concern, then drafts the minutes.
    {
      const { page, context } = journeys;
      const main = () => page.locator("main").innerText();
      await signIn(page, "chair@example.test");
      await page.goto(`/staff/wards/${BLOOMSBURY}/meetings/${runMeetingId}/live`);
      await page.getByRole("button", { name: "Start the meeting" }).click();
      await expect
        .poll(() => page.getByRole("heading", { name: "Welcome and introductions", level: 2 }).isVisible())
        .toBe(true);
      expect(await page.getByRole("status").filter({ hasText: "quorate" }).first().innerText()).toContain(
        "Not quorate: 0 voting members present",
      );

      for (const name of ["Priya Shah (chair)", "Tom Evans", "Ama Owusu"]) {
        await page.getByRole("group", { name }).getByLabel("Present").check();
      }
      await page.getByRole("group", { name: "Li Wei" }).getByLabel("Apologies").check();
      await expect
        .poll(() =>
          page.getByText(/^Quorate: 3 voting members present; more than half of 4 voting members is 3\.$/).isVisible(),
        )
        .toBe(true);
      await page.getByLabel("How many came").fill("12");
      await page.getByRole("button", { name: "Save the count" }).click();

      // The chair pauses the item's clock for a fire alarm: it stands still, then runs again. The meeting ended
      // yesterday evening by its advertised time, so the chair is told how far past its end it is.
      await page.getByRole("button", { name: "Pause the timer" }).click();
      await expect.poll(main).toContain("Timer paused");
      expect(await main()).toMatch(/The meeting is [\d,]+ minutes past its end time \(8:30pm\)\./);
      expect(await main()).toContain("The agenda still to come is planned for");
      await page.getByRole("button", { name: "Restart the timer" }).click();
      await expect.poll(main).toContain("The timer is running again.");
      expect(await main()).not.toContain("Timer paused");
      await expectNoAxeViolations(page);
      await screenshot(page, "live-meeting");

      await page.getByRole("button", { name: /Next item: Purpose of the meeting/ }).click();
      await expect
        .poll(() => page.getByRole("heading", { name: "Purpose of the meeting", level: 2 }).isVisible())
        .toBe(true);
      const notes = page.getByLabel("Notes on “Purpose of the meeting”");

      // The venue's Wi-Fi drops: the chair is told the note is not saved, and it is sent on reconnecting.
      await context.setOffline(true);
      await notes.fill("The chair explained how the panel sets priorities.");
      await expect.poll(() => page.getByRole("alert").filter({ hasText: "Not saved" }).isVisible()).toBe(true);
      await context.setOffline(false);
      await expect.poll(() => page.getByText("All changes saved.").isVisible()).toBe(true);

      await page
        .getByLabel("Action: what is to be done")
        .fill("Ask the council about the broken street light on Marchmont Street");
      await page.getByLabel("Owner").fill("PCSO Gill");
      await page.getByLabel("Due date").fill(`${nextYear}-01-05`);
      await page.getByRole("button", { name: "Record the action" }).click();
      await expect
        .poll(main)
        .toContain("Ask the council about the broken street light on Marchmont Street — PCSO Gill");

      await page.getByLabel("What is the concern").fill("Cyclists riding fast on the pavement");
      await page.getByLabel("Where").fill("Lamb's Conduit Street");
      await page.getByLabel("Category").selectOption("Road safety");
      await page.getByRole("button", { name: "Record the concern" }).click();
      await expect.poll(main).toContain("Cyclists riding fast on the pavement — Lamb's Conduit Street (Road safety)");

      await page.reload();
      await page.getByRole("button", { name: /2\. Purpose of the meeting/ }).click();
      expect(await page.getByLabel("Notes on “Purpose of the meeting”").inputValue()).toBe(
        "The chair explained how the panel sets priorities.",
      );
      await expectNoAxeViolations(page);

      await page.getByRole("button", { name: "End the meeting" }).click();
      await page.getByRole("button", { name: "Yes, end the meeting" }).click();
      await page.getByRole("link", { name: "Draft the minutes" }).click();
      await page.getByRole("button", { name: /Draft the minutes/ }).click();
      await expect.poll(main).toContain("The chair explained how the panel sets priorities.");
      const minutes = await main();
      expect(minutes).toContain("Priya Shah");
      expect(minutes).toContain("Cyclists riding fast on the pavement");
      await expectNoAxeViolations(page);

      // The meeting has ended and the minutes are a draft: the chair can still correct an action.
      const record = page.getByRole("region", { name: "Decisions, actions and concerns" });
      await record
        .getByRole("button", { name: "Edit ‘Ask the council about the broken street light on Marchmont Street’" })
        .click();
      await record.getByLabel("Owner").fill("PCSO Gill and PC Shah");
      await record.getByRole("button", { name: "Save" }).click();
      await expect.poll(() => record.getByRole("button", { name: "Save" }).count()).toBe(0);
      expect(await record.innerText()).toContain("Marchmont Street — PCSO Gill and PC Shah");
      await expect.poll(main).toMatch(/Marchmont Street[^\n]*PCSO Gill and PC Shah[\s\S]*PCSO Gill and PC Shah/);
    }

    // 2. A chair schedules a series, edits and publishes one, builds and publishes its agenda, which carries over the open action.
    {
      const page = await journeys.newPage();
      const main = () => page.locator("main").innerText();
      await signIn(page, "chair@example.test");
      await page.goto(`/staff/wards/${BLOOMSBURY}`);
      await page.getByText("Schedule a meeting").click();
      await page.getByLabel("Every month, on the same day").check();
      await page.getByLabel("Which").selectOption({ label: "Second" });
      await page.getByLabel("Day of the week").selectOption({ label: "Tuesday" });
      await page.getByLabel("First month").fill(`${nextYear}-01`);
      await page.getByLabel("Number of months").fill("6");
      // A meeting only online has no room: the venue's access boxes go until a venue is given.
      await page.getByLabel("Online link").fill("https://meet.example/bloomsbury");
      await expect.poll(() => page.getByLabel("Step-free access").count()).toBe(0);
      await page.getByLabel("Venue", { exact: true }).fill("Holborn Library");
      await page.getByLabel("Venue address").fill("32-38 Theobalds Road, London WC1X 8PA");
      await page.getByLabel("Online link").fill("");
      await page.getByLabel("Step-free access").check();
      // End before start is refused against the field, and nothing is scheduled.
      await page.getByLabel("Ends at").fill("18:00");
      await page.getByRole("button", { name: "Schedule the series" }).click();
      await expect.poll(() => page.getByText("The meeting must end after it starts").isVisible()).toBe(true);
      await page.getByLabel("Ends at").fill("20:30");
      await page.getByRole("button", { name: "Schedule the series" }).click();
      await expect.poll(main).toContain("6 meetings scheduled as drafts");
      await expectNoAxeViolations(page);
      await screenshot(page, "staff-ward-meetings");

      // Second Tuesday of January next year.
      await page
        .getByRole("row", { name: /January/ })
        .getByRole("link")
        .click();
      await expect.poll(() => page.getByRole("heading", { name: "Agenda" }).isVisible()).toBe(true);
      // Edit this one occurrence: an earlier start, for this month only.
      await page.getByRole("button", { name: "Change the details" }).click();
      await page.getByLabel("Starts at").fill("18:30");
      await page.getByRole("button", { name: "Save changes to this meeting" }).click();
      await expect.poll(main).toContain(`Tuesday ${januaryDay} January ${nextYear}, 6:30pm to 8:30pm`);
      await page.getByRole("button", { name: "Publish the meeting" }).click();
      await page.getByRole("button", { name: "Yes, advertise it" }).click();
      await expect.poll(main).toContain("The meeting is advertised.");

      // Matters arising carries the action agreed at the meeting run in step 1.
      await expect.poll(main).toContain("Matters arising: 1 open action carried over");
      expect(await main()).toContain("Ask the council about the broken street light on Marchmont Street (PCSO Gill");

      // Reorder by keyboard: focus "Move down" on the first item and press Enter.
      await page.getByRole("button", { name: "Move down: Welcome and introductions" }).focus();
      await page.keyboard.press("Enter");
      await expect
        .poll(() => page.getByRole("heading", { level: 3 }).first().innerText())
        .toBe("1. Purpose of the meeting");

      await page.getByText("Add an item").click();
      await page.getByLabel("Item title").fill("Parking outside the school");
      await page.getByLabel("Presenter").fill("PCSO Gill");
      await page.getByLabel("Minutes allowed").fill("10");
      await page.getByLabel("Where it goes").selectOption({ label: "After 1. Purpose of the meeting" });
      await page.getByRole("button", { name: "Add the item" }).click();
      await expect.poll(main).toContain("Added “Parking outside the school” before “Welcome and introductions”.");
      expect(await page.getByRole("heading", { level: 3 }).nth(1).innerText()).toBe("2. Parking outside the school");

      // An item put at the start by mistake is taken back with Undo.
      await page.getByLabel("Item title").fill("Tea break");
      await page.getByLabel("Where it goes").selectOption({ index: 0 });
      await page.getByRole("button", { name: "Add the item" }).click();
      await expect.poll(main).toContain("Added “Tea break” before “Purpose of the meeting”.");
      expect(await page.getByRole("heading", { level: 3 }).first().innerText()).toBe("1. Tea break");
      await page.getByRole("button", { name: "Undo" }).click();
      await expect.poll(main).toContain("Undone.");
      expect(await page.getByRole("heading", { level: 3 }).first().innerText()).toBe("1. Purpose of the meeting");

      await page.getByRole("button", { name: "Remove: Any other business" }).click();
      await expect.poll(main).toContain("Removed “Any other business”.");
      await page.getByRole("button", { name: "Undo" }).click();
      await expect.poll(main).toContain("Undone.");
      expect(await main()).toContain("Any other business");

      // A paper of the wrong type is refused with the reason; a PDF is kept.
      const crimeUpload = page.getByLabel("Add a paper to “Crime update”");
      await crimeUpload.setInputFiles({
        name: "virus.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("MZ this is not a PDF"),
      });
      await page.getByRole("button", { name: "Upload to Crime update" }).click();
      await expect
        .poll(() => page.getByRole("alert").filter({ hasText: "virus.pdf is not a file type we accept" }).isVisible())
        .toBe(true);
      await crimeUpload.setInputFiles({
        name: "crime-figures.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("%PDF-1.4\n%%EOF\n"),
      });
      await page.getByRole("button", { name: "Upload to Crime update" }).click();
      await expect.poll(() => page.getByRole("link", { name: "crime-figures.pdf" }).isVisible()).toBe(true);

      await page.getByRole("button", { name: "Publish the agenda" }).click();
      await page.getByRole("button", { name: "Yes, publish the agenda" }).click();
      await expect.poll(main).toContain("Version 1 published");
      await expectNoAxeViolations(page);
      await screenshot(page, "staff-meeting-agenda");

      // Back on the ward: "Publish all" lists the other five drafts of the series, and advertises them at once.
      await page.goto(`/staff/wards/${BLOOMSBURY}`);
      await page.getByRole("button", { name: /^Publish all 5 draft meetings of the series/ }).click();
      const question = await page.getByRole("group", { name: /^Publish all 5 draft meetings/ }).innerText();
      expect(question).toContain(`February ${nextYear}`);
      expect(question).toContain(`June ${nextYear}`);
      expect(question).not.toContain(`January ${nextYear}`);
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Yes, publish all 5" }).click();
      await expect.poll(main).toContain("5 meetings are advertised.");
      expect(await page.getByRole("button", { name: /^Publish all/ }).count()).toBe(0);
    }

    // 3. The public see the advertised meeting with its agenda and papers, and download the calendar.
    {
      const page = await journeys.newPage();
      const context = page.context();
      const main = () => page.locator("main").innerText();
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`/wards/${BLOOMSBURY}`);
      await page.getByRole("link", { name: "Bloomsbury ward panel meeting" }).first().click();
      await expect.poll(main).toContain("Parking outside the school");
      const text = await main();
      expect(text).toContain("Ask the council about the broken street light on Marchmont Street");
      expect(text).toContain("Step-free access");
      const paper = await context.request.get(
        (await page.getByRole("link", { name: /crime-figures\.pdf/ }).getAttribute("href"))!,
      );
      expect(paper.status()).toBe(200);
      const calendar = await context.request.get(`/wards/${BLOOMSBURY}/meetings.ics`);
      expect(await calendar.text()).toContain("Bloomsbury ward panel meeting");
      await expectNoAxeViolations(page);
      await screenshot(page, "public-meeting-phone");
    }
  }, 600_000);
});
