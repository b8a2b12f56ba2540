import { publishPack, savePackText } from "@wardpanel/db/queries/packs";
import {
  seedActivePriority,
  seedMeetingHistory,
  seedPanelWithMembers,
  seedPublishedMeeting,
  seedTeam,
  seedUser,
} from "@wardpanel/db/testing";
import { londonParts } from "@wardpanel/meetings/london-time";
import { importMetDecember } from "@wardpanel/packs/testing";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";
import { signIn } from "../src/sign-in";

const BLOOMSBURY = "E05013653";
const DAY_MS = 86_400_000;
const PHONE = { width: 390, height: 844 };
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);
/** Twelve monthly meetings, the latest a week ago: eleven with published minutes, the last still without. */
const HISTORY = Array.from({ length: 12 }, (_, i) => londonParts(daysAgo(7 + (11 - i) * 28)).date);

/** What a resident needs from their ward's page: past meetings and their minutes, a calendar, the crime update, priorities kept up to date. */
describe("the ward page a resident needs", () => {
  const ids = { meetings: [] as number[], upcoming: 0 };

  const journeys = setUpJourneys(async (db) => {
    seedPanelWithMembers(db, BLOOMSBURY, 2);
    seedTeam(db, BLOOMSBURY, {
      officers: [
        { name: "Grace Okafor", rank: "Sergeant" },
        { name: "Tom Gill", rank: "PCSO" },
      ],
    });
    await seedUser(db, { email: "admin@example.test", name: "Central unit", roles: [{ role: "admin" }] });
    ids.meetings = seedMeetingHistory(db, { wardCode: BLOOMSBURY, dates: HISTORY });
    ids.upcoming = seedPublishedMeeting(db, {
      wardCode: BLOOMSBURY,
      date: londonParts(new Date(Date.now() + 21 * DAY_MS)).date,
      now: new Date(),
      details: { title: "Bloomsbury ward panel: next meeting" },
    });
    seedActivePriority(db, {
      wardCode: BLOOMSBURY,
      now: daysAgo(120),
      fields: {
        title: "Cycle theft outside Russell Square station",
        startDate: londonParts(daysAgo(120)).date,
        reviewDate: londonParts(daysAgo(30)).date,
      },
    });
    await importMetDecember(db);
    savePackText(db, {
      wardCode: BLOOMSBURY,
      month: "2024-12",
      commentary: "Burglary is our priority.",
      partnerActions: "",
      now: new Date(),
    });
    publishPack(db, { wardCode: BLOOMSBURY, month: "2024-12", now: new Date() });
  });

  it("a resident on a phone reads past meetings, opens one's minutes, adds a meeting to their calendar and sees a priority out of date", async () => {
    const { page } = journeys;
    await page.setViewportSize(PHONE);
    await page.goto(`/wards/${BLOOMSBURY}`);
    const past = page.getByRole("region", { name: "Past meetings" });
    await expect.poll(() => past.innerText()).toContain("12 meetings held. Showing 1 to 10, newest first.");
    const items = past.getByRole("listitem");
    expect(await items.count()).toBe(10);
    expect(await items.first().innerText()).toContain("Minutes not yet published");
    expect(await items.nth(1).innerText()).toMatch(/Minutes published \d+ \w+ \d{4}/);

    const priorities = page.getByRole("region", { name: "Local priorities" });
    const priority = await priorities.innerText();
    expect(priority).toContain("Out of date");
    expect(priority).toContain("Not reviewed for more than 90 days.");
    expect(priority).toMatch(/Last reviewed \d+ \w+ \d{4}/);
    expect(priority).toMatch(/Review was due by \d+ \w+ \d{4}/);

    const updates = page.getByRole("region", { name: "Monthly crime updates" });
    await expect.poll(() => updates.innerText()).toContain("Latest: December 2024");
    expect(await updates.innerText()).toMatch(/\d+ crimes and ASB incidents this month\./);
    expect(await updates.getByRole("link", { name: "Read the December 2024 update" }).getAttribute("href")).toBe(
      `/wards/${BLOOMSBURY}/packs/2024-12`,
    );

    const team = await page.getByRole("region", { name: "Your Safer Neighbourhoods Team" }).innerText();
    expect(team).toContain("Grace Okafor (Sergeant)");
    expect(team).toContain("call 999");
    expect(team).toContain("101");

    // Adding the next meeting to a calendar: one event, the meeting's own UID.
    const upcoming = page.getByRole("region", { name: "Upcoming meetings" });
    const add = upcoming.getByRole("link", { name: /^Add to my calendar/ });
    expect(await add.count()).toBe(1);
    const href = (await add.getAttribute("href"))!;
    expect(href).toBe(`/wards/${BLOOMSBURY}/meetings/${ids.upcoming}.ics`);
    const ics = await page.request.get(href);
    expect(ics.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    const body = await ics.text();
    expect(body.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    const uid = /UID:(\S+)/.exec(body)![1]!;
    expect(await (await page.request.get(`/wards/${BLOOMSBURY}/meetings.ics`)).text()).toContain(`UID:${uid}`);

    await expectNoAxeViolations(page);
    await screenshot(page, "ward-page-phone");

    // Older meetings, then back; then the minutes of one meeting.
    await past.getByRole("link", { name: "Older meetings" }).click();
    await expect.poll(() => past.innerText()).toContain("Showing 11 to 12, newest first.");
    expect(await past.getByRole("listitem").count()).toBe(2);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("past-meetings-heading");
    await expectNoAxeViolations(page);
    await screenshot(page, "ward-page-older-meetings-phone");
    await past.getByRole("link", { name: "Newer meetings" }).click();
    await expect.poll(() => past.innerText()).toContain("Showing 1 to 10");

    await items.nth(1).getByRole("link").first().click();
    await expect.poll(() => page.url()).toContain(`/wards/${BLOOMSBURY}/meetings/${ids.meetings[10]}`);
    const minutes = page.getByRole("region", { name: "Minutes" });
    await expect.poll(() => minutes.innerText()).toContain("Approved by the panel as a correct record.");
    // A meeting already held is not offered as one to add, but the ward's calendar is.
    expect(await page.getByRole("link", { name: "Add to my calendar" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: /Add Bloomsbury ward's meetings/ }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await screenshot(page, "ward-page-past-meeting-phone");

    // The library says the same on the priority itself.
    await page.goto(`/wards/${BLOOMSBURY}/priorities`);
    const current = page.getByRole("region", { name: "Current priorities" });
    await expect.poll(() => current.innerText()).toContain("Cycle theft outside Russell Square station");
    expect(await current.innerText()).toContain("Out of date");
    expect(await current.innerText()).toMatch(/Last reviewed\s+\d+ \w+ \d{4}/);
    await expectNoAxeViolations(page);

    await page.goto(`/wards/${BLOOMSBURY}/meetings/${ids.upcoming}`);
    const own = page.getByRole("link", { name: "Add to my calendar" });
    await expect.poll(() => own.getAttribute("href")).toBe(`/wards/${BLOOMSBURY}/meetings/${ids.upcoming}.ics`);
    await expectNoAxeViolations(page);
  }, 120_000);

  it("an admin sees the out-of-date priority on oversight", async () => {
    const { page } = journeys;
    await page.setViewportSize(PHONE);
    await signIn(page, "admin@example.test");
    await page.goto("/staff/oversight?borough=E09000007");
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Bloomsbury" }) });
    await expect.poll(() => card.innerText()).toContain("Priorities not reviewed for 90 days");
    const text = await card.innerText();
    expect(text).toContain("1 out of date");
    expect(text).toMatch(/Cycle theft outside Russell Square station \(last reviewed \d+ \w+ \d{4}\)/);
    const summary = await page.getByRole("region", { name: "Summary for Camden" }).innerText();
    expect(summary).toContain("1 priority has not been reviewed for 90 days");
    await expectNoAxeViolations(page);
    await screenshot(page, "oversight-out-of-date-phone");
  }, 60_000);
});
