// Issue 15, item 1, "done when": three devices (chair, minute-taker, member) follow one live
// meeting pushed by the server: the minute-taker's screen follows the current item without a
// reload, the member sees "Vote open: cast your ballot" within 2 s of the chair opening the vote,
// and a member's screen that lost its network catches up when it is back.
import { listAgendaItems } from "@wardpanel/db/queries/agenda";
import { markAttendance } from "@wardpanel/db/queries/attendance";
import { setShortlisted, submitConcern } from "@wardpanel/db/queries/concerns";
import { startMeeting } from "@wardpanel/db/queries/live";
import { createVote } from "@wardpanel/db/queries/votes";
import { seedPanel, seedPublishedMeeting, seedUser } from "@wardpanel/db/testing";
import { londonParts } from "@wardpanel/meetings/london-time";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";
import { signIn } from "../src/sign-in";

const BLOOMSBURY = "E05013653";
const DAY_MS = 86_400_000;

describe("a live meeting across devices", () => {
  let meetingId = 0;
  let items: string[] = [];
  const journeys = setUpJourneys(async (db) => {
    seedPanel(db, BLOOMSBURY);
    const person = (email: string, name: string, role: "chair" | "minute_taker" | "panel_member") =>
      seedUser(db, { email, name, roles: [{ role, wardCode: BLOOMSBURY }] });
    const chair = await person("chair@example.test", "Priya Shah", "chair");
    await person("minutes@example.test", "Sam Cole", "minute_taker");
    const tom = await person("tom@example.test", "Tom Evans", "panel_member");
    const now = new Date();
    meetingId = seedPublishedMeeting(db, {
      wardCode: BLOOMSBURY,
      date: londonParts(new Date(Date.now() - DAY_MS)).date,
      now: new Date(Date.now() - 7 * DAY_MS),
      details: { title: "Bloomsbury panel: live" },
    });
    items = listAgendaItems(db, meetingId).map((i) => i.title);
    startMeeting(db, { wardCode: BLOOMSBURY, meetingId, now });
    for (const userId of [chair.id, tom.id])
      markAttendance(db, { wardCode: BLOOMSBURY, meetingId, userId, status: "present", now });
    for (const description of ["Speeding on Gower Street", "Bike theft at the station"]) {
      const { concernId } = submitConcern(db, {
        wardCode: BLOOMSBURY,
        source: "snt",
        concern: { description, location: description, postcode: "", lon: null, lat: null, category: "road-safety" },
        tokenSecret: "a-secret-for-tests",
        now,
      });
      setShortlisted(db, { wardCode: BLOOMSBURY, concernId, isShortlisted: true, now });
    }
    createVote(db, {
      wardCode: BLOOMSBURY,
      meetingId,
      settings: { method: "approval", seats: 1, dotsPerVoter: 5, ballotSecrecy: "secret", tieBreak: "random-seeded" },
      createdBy: null,
    });
  });

  async function pageFor(email: string, width: number): Promise<Page> {
    const page = await journeys.newPage({ viewport: { width, height: 900 } });
    await signIn(page, email);
    return page;
  }
  const livePath = () => `/staff/wards/${BLOOMSBURY}/meetings/${meetingId}/live`;
  const currentItem = (page: Page) => page.locator('nav[aria-label="Agenda items"] [aria-current="step"]').innerText();
  const following = (page: Page) => page.locator('main [data-live-state="live"]').waitFor({ timeout: 5000 });

  it("keeps the chair's, minute-taker's and member's screens with the meeting", async () => {
    const chair = await pageFor("chair@example.test", 1280);
    const minutes = await pageFor("minutes@example.test", 1024);
    const member = await pageFor("tom@example.test", 390);
    for (const page of [chair, minutes, member]) {
      await page.goto(livePath());
      await following(page);
    }
    expect(await currentItem(minutes)).toContain(items[0]);

    // The chair moves on: the minute-taker's screen follows, without a reload.
    await chair.getByRole("button", { name: `Next item: ${items[1]}` }).click();
    const moved = Date.now();
    await minutes
      .locator('nav[aria-label="Agenda items"] [aria-current="step"]', { hasText: items[1] })
      .waitFor({ timeout: 2000 });
    console.log(`minute-taker followed the current item in ${Date.now() - moved} ms`);

    // The member's phone loses its network; the chair moves on meanwhile; back online, it catches up.
    await member.context().setOffline(true);
    await member.getByText("Reconnecting…", { exact: false }).waitFor({ timeout: 5000 });
    await screenshot(member, "live-reconnecting-phone");
    await chair.getByRole("button", { name: `Next item: ${items[2]}` }).click();
    await minutes
      .locator('nav[aria-label="Agenda items"] [aria-current="step"]', { hasText: items[2] })
      .waitFor({ timeout: 2000 });
    expect(await currentItem(member)).toContain(items[1]);
    await member.context().setOffline(false);
    await member
      .locator('nav[aria-label="Agenda items"] [aria-current="step"]', { hasText: items[2] })
      .waitFor({ timeout: 5000 });
    await following(member);

    // Elsewhere in the app, the member is told the moment the chair opens the vote.
    await member.goto("/staff");
    await member.locator('[data-live-state="live"]').waitFor({ state: "attached", timeout: 5000 });
    const banner = member.getByRole("link", { name: "Vote open: cast your ballot" });
    expect(await banner.count()).toBe(0);
    await chair.getByRole("button", { name: "Open the vote" }).click();
    const opened = Date.now();
    await banner.waitFor({ timeout: 2000 });
    console.log(`the member saw the vote-open banner ${Date.now() - opened} ms after the chair's click`);
    expect(await member.getByRole("status").filter({ hasText: "Vote open: cast your ballot" }).count()).toBe(1);
    await expectNoAxeViolations(member);
    await screenshot(member, "vote-open-banner-phone");

    // The chair shows the ballot page as a QR code, with its address in text.
    await chair.getByRole("button", { name: "Show a QR code of the ballot page" }).click();
    const qr = chair.getByRole("img", { name: /^QR code of the ballot page/ });
    await qr.waitFor();
    const ballotUrl = await chair.locator("#ballot-qr-heading + p .font-mono").innerText();
    expect(ballotUrl).toMatch(new RegExp(`/staff/wards/${BLOOMSBURY}/votes/\\d+$`));
    expect(await qr.locator("path").getAttribute("d")).toMatch(/^M\d+ \d+h1v1h-1z/);
    await expectNoAxeViolations(chair);
    await screenshot(chair, "ballot-qr");

    // By keyboard, the banner takes the member to the ballot, where it is no longer shown.
    await banner.focus();
    await member.keyboard.press("Enter");
    await member.waitForURL((url) => url.href === ballotUrl, { timeout: 5000 });
    expect(await banner.count()).toBe(0);
  });
});
