import { listAgendaItems } from "@wardpanel/db/queries/agenda";
import { endMeeting, saveItemNotes, startMeeting } from "@wardpanel/db/queries/live";
import { draftMinutes } from "@wardpanel/db/queries/minutes";
import { seedPanel, seedPublishedMeeting, seedUser } from "@wardpanel/db/testing";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";
import { signIn } from "../src/sign-in";

const BLOOMSBURY = "E05013653";
const DAY = 24 * 60 * 60 * 1000;
const CHAIR = { email: "chair@example.test", name: "Priya Shah" };
const TAKER = { email: "taker@example.test", name: "Mo Hassan" };

/** YYYY-MM-DD on the London calendar. */
function londonDate(instant: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", dateStyle: "short" }).format(instant);
}

/**
 * Issue 15, "edits never lost silently": the chair and the minute-taker edit the same item's notes
 * on their own devices at once, and circulating the minutes saves what was typed but not saved.
 */
describe("notes kept by two devices", () => {
  const ids = { live: 0, circulate: 0, stale: 0 };
  const journeys = setUpJourneys(
    async (db) => {
      const ward = { wardCode: BLOOMSBURY };
      const now = new Date();
      seedPanel(db, BLOOMSBURY);
      const chair = await seedUser(db, { ...CHAIR, roles: [{ role: "chair", wardCode: BLOOMSBURY }] });
      await seedUser(db, { ...TAKER, roles: [{ role: "minute_taker", wardCode: BLOOMSBURY }] });
      const meeting = (daysAgo: number) => {
        const meetingId = seedPublishedMeeting(db, {
          ...ward,
          date: londonDate(new Date(now.getTime() - daysAgo * DAY)),
          now: new Date(now.getTime() - 14 * DAY),
        });
        startMeeting(db, { ...ward, meetingId, now });
        return meetingId;
      };
      /** A meeting held, with a note on its crime update, and its minutes drafted. */
      const drafted = (daysAgo: number) => {
        const meetingId = meeting(daysAgo);
        const crime = listAgendaItems(db, meetingId).find((i) => i.kind === "crime_update")!;
        saveItemNotes(db, {
          ...ward,
          meetingId,
          itemId: crime.id,
          notes: "Burglary is down.",
          baseVersion: 0,
          by: chair.id,
          now,
        });
        endMeeting(db, { ...ward, meetingId, now });
        draftMinutes(db, { ...ward, meetingId, by: chair.id, now });
        return meetingId;
      };
      ids.live = meeting(0);
      ids.circulate = drafted(1);
      ids.stale = drafted(2);
    },
    { context: { viewport: { width: 390, height: 844 } } },
  );

  /** The chair's page and the minute-taker's, each in its own browser context, signed in. */
  async function twoDevices(): Promise<[Page, Page]> {
    const chair = journeys.page;
    const taker = await journeys.newPage();
    await Promise.all([signIn(chair, CHAIR.email), signIn(taker, TAKER.email)]);
    return [chair, taker];
  }

  it("both texts are kept when both edit the same item at once: the second saver merges", async () => {
    const [chair, taker] = await twoDevices();
    const url = `/staff/wards/${BLOOMSBURY}/meetings/${ids.live}/live`;
    await Promise.all([chair.goto(url), taker.goto(url)]);
    const notes = (page: Page) => page.getByRole("textbox", { name: /^Notes on “/ });
    await Promise.all([notes(chair).waitFor(), notes(taker).waitFor()]);
    const texts = new Map([
      [chair, "Chair: burglary down by a third."],
      [taker, "Minute-taker: PCSO Gill reported two arrests on Marchmont Street."],
    ]);
    await Promise.all([notes(chair).fill(texts.get(chair)!), notes(taker).fill(texts.get(taker)!)]);

    // One save is applied; the other was based on the empty notes, so it is refused with a merge.
    const merge = (page: Page) => page.getByRole("button", { name: "Save merged text" });
    await expect
      .poll(async () => (await merge(chair).count()) + (await merge(taker).count()), { timeout: 10_000 })
      .toBe(1);
    const [second, first] = (await merge(chair).count()) === 1 ? [chair, taker] : [taker, chair];
    const firstName = first === chair ? CHAIR.name : TAKER.name;
    await expect.poll(() => first.getByText("All changes saved.").count()).toBe(1);
    expect(await second.getByText("All changes saved.").count()).toBe(0);
    const secondView = await second.locator("main").innerText();
    expect(secondView).toContain("someone else saved the notes");
    expect(secondView).toMatch(new RegExp(`Their text \\(saved by ${firstName} at \\d{1,2}(:\\d\\d)?[ap]m\\)`));
    expect(secondView).toContain(texts.get(first));
    expect(secondView).toContain("Your text");
    const merged = `${texts.get(first)}\n${texts.get(second)}`;
    expect(await second.getByRole("textbox", { name: "Merged text" }).inputValue()).toBe(merged);
    await expectNoAxeViolations(second);
    await screenshot(second, "notes-conflict-phone");

    await merge(second).click();
    await expect.poll(() => second.getByText("All changes saved.").count()).toBe(1);
    expect(await notes(second).inputValue()).toBe(merged);

    // The first device has nothing unsaved: when its view is read again it takes the merge silently.
    await first.evaluate(() => window.dispatchEvent(new Event("visibilitychange")));
    await expect.poll(() => notes(first).inputValue()).toBe(merged);
    expect(await first.getByText("All changes saved.").count()).toBe(1);

    // Stored: a fresh load on either device shows both texts.
    for (const page of [chair, taker]) {
      await page.reload();
      await expect.poll(() => notes(page).inputValue()).toBe(merged);
    }
  });

  it("text kept through a Wi-Fi drop is re-sent with its base: a save made meanwhile is not overwritten", async () => {
    const [chair, taker] = await twoDevices();
    const url = `/staff/wards/${BLOOMSBURY}/meetings/${ids.live}/live`;
    await Promise.all([chair.goto(url), taker.goto(url)]);
    const notes = (page: Page) => page.getByRole("textbox", { name: "Notes on “Purpose of the meeting”" });
    for (const page of [chair, taker]) {
      await page.getByRole("button", { name: /^2\. Purpose of the meeting/ }).click();
      await notes(page).waitFor();
    }

    // The chair's Wi-Fi drops while typing; the minute-taker, still online, saves the same item.
    await chair.context().setOffline(true);
    await notes(chair).fill("Chair (offline): the panel sets three priorities.");
    await expect.poll(() => chair.getByRole("alert").filter({ hasText: "Not saved" }).isVisible()).toBe(true);
    await notes(taker).fill("Minute-taker: the sergeant explained the panel's role.");
    await expect.poll(() => taker.getByText("All changes saved.").count()).toBe(1);

    // Back online, the kept text is sent over the version it was edited from, and refused.
    await chair.context().setOffline(false);
    await expect.poll(() => chair.getByRole("button", { name: "Keep theirs" }).count(), { timeout: 10_000 }).toBe(1);
    expect(await chair.getByText("All changes saved.").count()).toBe(0);
    expect(await chair.locator("main").innerText()).toContain(`Their text (saved by ${TAKER.name} at`);

    // The chair keeps the minute-taker's text: nothing more is sent, and it stays after a reload.
    await chair.getByRole("button", { name: "Keep theirs" }).click();
    expect(await notes(chair).inputValue()).toBe("Minute-taker: the sergeant explained the panel's role.");
    expect(await chair.getByText("All changes saved.").count()).toBe(1);
    await chair.reload();
    await chair.getByRole("button", { name: /^2\. Purpose of the meeting/ }).click();
    await expect.poll(() => notes(chair).inputValue()).toBe("Minute-taker: the sergeant explained the panel's role.");
  });

  it("circulating saves notes typed but not saved first, and they are in the circulated minutes", async () => {
    const { page } = journeys;
    await signIn(page, CHAIR.email);
    await page.goto(`/staff/wards/${BLOOMSBURY}/meetings/${ids.circulate}/minutes`);
    const crime = page.getByRole("textbox", { name: "Notes for item 6, Crime update" });
    await crime.fill("Burglary is down by a third since August.");
    await page.getByRole("button", { name: "Circulate to the panel" }).click();
    await page.getByRole("button", { name: "Yes, circulate to the panel" }).click();
    await expect
      .poll(() => page.getByRole("region", { name: "Where the minutes are" }).innerText())
      .toMatch(/Status\s*Circulated to the panel/);
    expect(await page.getByRole("region", { name: "The minutes as circulated" }).innerText()).toContain(
      "Burglary is down by a third since August.",
    );
  });

  it("circulating stops with a warning naming the item when its notes cannot be saved, until they are merged", async () => {
    const [chair, taker] = await twoDevices();
    const url = `/staff/wards/${BLOOMSBURY}/meetings/${ids.stale}/minutes`;
    await Promise.all([chair.goto(url), taker.goto(url)]);
    const crime = (page: Page) => page.getByRole("textbox", { name: "Notes for item 6, Crime update" });
    await crime(chair).fill("Burglary is down.\nChair: leaflets agreed.");
    // Meanwhile the minute-taker saves the same item.
    await crime(taker).fill("Burglary is down.\nMinute-taker: two arrests.");
    await taker.getByRole("button", { name: "Save notes for Crime update" }).click();
    await expect.poll(() => taker.getByText("Saved.").count()).toBe(1);

    await chair.getByRole("button", { name: "Circulate to the panel" }).click();
    await chair.getByRole("button", { name: "Yes, circulate to the panel" }).click();
    const warning = chair.getByRole("alert").filter({ hasText: "Not circulated" });
    await expect
      .poll(() => warning.innerText())
      .toContain(
        "Not circulated: Notes on ‘Crime update’ are not saved: someone else saved them meanwhile. Merge the two texts shown with the item, then save.",
      );
    expect(await chair.getByRole("region", { name: "Where the minutes are" }).innerText()).toMatch(/Status\s*Draft/);
    const merged = chair.getByRole("textbox", { name: "Merged text" });
    expect(await merged.inputValue()).toBe("Burglary is down.\nMinute-taker: two arrests.\nChair: leaflets agreed.");
    expect(await chair.locator("main").innerText()).toContain(`Their text (saved by ${TAKER.name} at`);
    await expectNoAxeViolations(chair);
    await screenshot(chair, "minutes-notes-conflict-phone");

    await chair.getByRole("button", { name: "Save merged text" }).click();
    await expect.poll(() => chair.getByText("Saved.").count()).toBe(1);
    await chair.getByRole("button", { name: "Yes, circulate to the panel" }).click();
    await expect
      .poll(() => chair.getByRole("region", { name: "Where the minutes are" }).innerText())
      .toMatch(/Status\s*Circulated to the panel/);
    expect(await chair.getByRole("region", { name: "The minutes as circulated" }).innerText()).toContain(
      "Minute-taker: two arrests.\nChair: leaflets agreed.",
    );
  });
});
