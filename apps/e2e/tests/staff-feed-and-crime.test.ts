import { createApiKey } from "@wardpanel/db/queries/api-keys";
import { recordCallResponses } from "@wardpanel/db/queries/call-responses";
import { seedActivePriority, seedPanel, seedUser, squareAroundWard } from "@wardpanel/db/testing";
import { POLICE_UK_FILES } from "@wardpanel/packs/testing";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";
import { signIn } from "../src/sign-in";

const BLOOMSBURY = "E05013653"; // Camden
const ST_JAMES = "E05013806"; // Westminster
const GARDENS = "Drug dealing in Russell Square gardens";
const PICCADILLY = "Phone snatching on Piccadilly";
const MINUTE = 60_000;

/**
 * Staff pages with no other browser test: control rooms' feed keys, the 60-minute response
 * records, and drafting a borough's packs from the real police.uk Met files.
 */
describe("control-room keys, 60-minute responses and drafting packs", () => {
  const journeys = setUpJourneys(async (db) => {
    const now = new Date();
    seedPanel(db, BLOOMSBURY);
    seedPanel(db, ST_JAMES);
    await seedUser(db, { email: "admin@example.test", name: "Sam Admin", roles: [{ role: "admin" }] });
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
    await seedUser(db, {
      email: "member@example.test",
      name: "Tom Evans",
      roles: [{ role: "panel_member", wardCode: BLOOMSBURY }],
    });
    const gardens = seedActivePriority(db, {
      wardCode: BLOOMSBURY,
      now,
      fields: { title: GARDENS, area: squareAroundWard(db, BLOOMSBURY) },
      isCallHandlingFlagged: true,
    });
    const piccadilly = seedActivePriority(db, {
      wardCode: ST_JAMES,
      now,
      fields: {
        title: PICCADILLY,
        category: "theft-from-the-person",
        area: squareAroundWard(db, ST_JAMES),
        streets: ["Piccadilly"],
        postcodes: ["W1J 9HS"],
        placeName: "Piccadilly",
      },
      isCallHandlingFlagged: true,
    });
    // A control room has already reported calls with its own key: three attended in time, one where no unit came.
    const reporter = createApiKey(db, { name: "Met reporting link", boroughCodes: [], now });
    const received = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 60 * MINUTE);
    const call = (ref: string, priorityId: number, hoursAgo: number, minutes: number | null) => ({
      callReference: ref,
      priorityId,
      receivedAt: received(hoursAgo),
      arrivedAt: minutes === null ? null : new Date(received(hoursAgo).getTime() + minutes * MINUTE),
    });
    recordCallResponses(db, {
      apiKeyId: reporter.id,
      boroughCodes: [],
      now,
      reports: [
        call("CAD-1001", gardens, 50, 12),
        call("CAD-1002", gardens, 30, 45),
        call("CAD-1003", gardens, 20, 58),
        call("CAD-1004", gardens, 5, null),
        call("CAD-2001", piccadilly, 10, 20),
      ],
    });
  });

  /** A person's own page (their own browser context), signed in unless `email` is null. */
  async function pageFor(email: string | null): Promise<Page> {
    const page = await journeys.newPage({ viewport: { width: 1280, height: 900 } });
    if (email) await signIn(page, email);
    return page;
  }
  const main = (page: Page) => page.locator("main").innerText();

  /** axe at desktop and phone widths, no sideways scrolling on the phone, and a screenshot of each. */
  async function checkBothWidths(page: Page, name: string) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await expectNoAxeViolations(page);
    await screenshot(page, `${name}-desktop`);
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(page);
    await screenshot(page, `${name}-phone`);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `sideways scrolling on ${page.url()} at 390px`,
    ).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  it("an admin issues a Camden key, sees it once, reads the feed with it, then revokes it and the feed refuses it", async () => {
    const admin = await pageFor("admin@example.test");
    await admin.getByRole("link", { name: "Control rooms" }).click();
    await expect.poll(() => admin.getByRole("heading", { level: 1 }).innerText()).toBe("Control rooms");
    await expect.poll(() => main(admin)).toContain("Met reporting link");
    await checkBothWidths(admin, "control-rooms");

    // Issuing without a name is refused against the field.
    await admin.getByRole("button", { name: "Issue key" }).click();
    await expect
      .poll(() => admin.getByLabel("Control room", { exact: true }).getAttribute("aria-invalid"))
      .toBe("true");

    await admin.getByLabel("Control room", { exact: true }).fill("Met Command and Control");
    await admin.getByLabel("Borough").selectOption({ label: "Camden" });
    await admin.getByRole("button", { name: "Issue key" }).click();
    const keyField = admin.getByLabel("Key for Met Command and Control");
    await expect.poll(() => keyField.isVisible()).toBe(true);
    const key = await keyField.inputValue();
    expect(key).toMatch(/^wp_live_\S{20,}$/);
    const row = admin.getByRole("row", { name: /^Met Command and Control/ });
    await expect.poll(() => row.innerText()).toContain("Camden");
    expect(await row.innerText()).toContain(key.slice(0, 8));
    await checkBothWidths(admin, "control-rooms-key-issued");

    // The control room reads the feed: only Camden's priorities.
    const feed = () => admin.request.get("/feed/v1/priorities", { headers: { authorization: `Bearer ${key}` } });
    const ok = await feed();
    expect(ok.status()).toBe(200);
    const titles = ((await ok.json()) as { items: { title: string }[] }).items.map((i) => i.title);
    expect(titles).toContain(GARDENS);
    expect(titles).not.toContain(PICCADILLY);

    // Shown once: after a reload only its first characters are listed.
    await admin.reload();
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await admin.getByLabel("Key for Met Command and Control").count()).toBe(0);
    expect(await main(admin)).not.toContain(key);

    await admin.getByRole("button", { name: "Revoke Met Command and Control’s key" }).click();
    const confirm = admin.getByRole("group", { name: "Revoke Met Command and Control’s key" });
    expect(await confirm.innerText()).toContain("Met Command and Control will lose the feed at once");
    await expectNoAxeViolations(admin);
    await confirm.getByRole("button", { name: "Revoke key" }).click();
    await expect.poll(() => row.innerText()).toMatch(/Revoked \d/);
    // The reporting link's key is untouched.
    expect(await admin.getByRole("button", { name: "Revoke Met reporting link’s key" }).isVisible()).toBe(true);
    await checkBothWidths(admin, "control-rooms-key-revoked");

    const refused = await feed();
    expect(refused.status()).toBe(401);
    expect(((await refused.json()) as { detail?: string }).detail).toMatch(/revoked/);
  });

  it("the sergeant sees their ward's 60-minute record with the miss; an admin sees every ward's; a panel member is refused politely", async () => {
    const sergeant = await pageFor("sergeant@example.test");
    await sergeant.goto(`/staff/wards/${BLOOMSBURY}`);
    await sergeant.getByRole("link", { name: /60-minute response/i }).click();
    await expect
      .poll(() => sergeant.getByRole("heading", { level: 1 }).innerText())
      .toBe("60-minute responses: Bloomsbury");
    const byPriority = sergeant.getByRole("table", { name: "By priority" });
    await expect.poll(() => byPriority.isVisible()).toBe(true);
    const gardensRow = byPriority.getByRole("row", { name: new RegExp(`^${GARDENS}`) });
    expect((await gardensRow.getByRole("cell").allInnerTexts()).map((t) => t.trim())).toEqual(["4", "3", "75%", "1"]);
    expect(await main(sergeant)).not.toContain(PICCADILLY);
    expect(await sergeant.getByRole("table", { name: "By ward" }).count()).toBe(0);
    await expect
      .poll(() => sergeant.getByRole("heading", { name: "Calls not attended within 60 minutes (1)" }).isVisible())
      .toBe(true);
    const miss = sergeant.getByRole("row", { name: /^CAD-1004/ });
    expect(await miss.innerText()).toContain("No unit arrived");
    expect(await main(sergeant)).not.toContain("CAD-1003"); // 58 minutes: in time
    await checkBothWidths(sergeant, "responses-ward");

    // The sergeant has no other ward's record.
    await sergeant.goto(`/staff/wards/${ST_JAMES}/responses`);
    await expect
      .poll(() => main(sergeant))
      .toContain("Only the ward’s sergeant and chair can see its response record.");
    expect(await main(sergeant)).not.toContain("CAD-2001");

    const admin = await pageFor("admin@example.test");
    await admin.goto("/staff/control-rooms");
    await admin.getByRole("link", { name: "how quickly matched calls were attended" }).click();
    await expect
      .poll(() => admin.getByRole("heading", { level: 1 }).innerText())
      .toBe("60-minute responses across London");
    const byBorough = admin.getByRole("table", { name: "By borough" });
    await expect.poll(() => byBorough.isVisible()).toBe(true);
    expect(
      (
        await byBorough
          .getByRole("row", { name: /^Camden/ })
          .getByRole("cell")
          .allInnerTexts()
      ).map((t) => t.trim()),
    ).toEqual(["4", "3", "75%", "1"]);
    expect(
      (
        await byBorough
          .getByRole("row", { name: /^Westminster/ })
          .getByRole("cell")
          .allInnerTexts()
      ).map((t) => t.trim()),
    ).toEqual(["1", "1", "100%", "0"]);
    const byWard = admin.getByRole("table", { name: "By ward" });
    expect(await byWard.getByRole("row", { name: /^Bloomsbury/ }).isVisible()).toBe(true);
    expect(await byWard.getByRole("row", { name: /^St James/ }).isVisible()).toBe(true);
    await checkBothWidths(admin, "responses-all");

    const member = await pageFor("member@example.test");
    await member.goto(`/staff/wards/${BLOOMSBURY}/responses`);
    await expect.poll(() => main(member)).toContain("Only the ward’s sergeant and chair can see its response record.");
    expect(await main(member)).not.toContain("CAD-1004");
    expect(await member.getByRole("alert").count()).toBe(0);
    await checkBothWidths(member, "responses-ward-refused");
    await member.goto("/staff/responses");
    await expect.poll(() => main(member)).toContain("Only an admin can see every ward’s record.");
    await expectNoAxeViolations(member);
    await member.goto("/staff/control-rooms");
    await expect.poll(() => main(member)).toContain("Only an admin can issue or revoke control rooms’ keys.");
    expect(await member.getByRole("button", { name: "Issue key" }).count()).toBe(0);
    await checkBothWidths(member, "control-rooms-refused");
    // A force's crime data is its analysts' and admins': the member is told so and offered no form.
    await member.goto("/staff/crime-data");
    await expect.poll(() => main(member)).toContain("imported by the force's crime data analysts or an admin");
    expect(await member.getByRole("button", { name: "Import the files" }).count()).toBe(0);
    await expectNoAxeViolations(member);
  });

  it("an admin imports the Met's December 2024 files (logged) and drafts Camden's packs; Bloomsbury's draft is listed", async () => {
    const admin = await pageFor("admin@example.test");
    await admin.getByRole("link", { name: "Crime data" }).click();
    await expect.poll(() => admin.getByRole("heading", { level: 1 }).innerText()).toBe("Crime data");
    await checkBothWidths(admin, "crime-data-empty");

    // The upload itself is crime-packs.test.ts's subject; here it is the precondition.
    await admin.getByLabel(/Street-level crime file/).setInputFiles(POLICE_UK_FILES.metStreet202412);
    await admin.getByLabel(/Outcomes file/).setInputFiles(POLICE_UK_FILES.metOutcomes202412);
    await admin.getByRole("button", { name: "Import the files" }).click();
    await expect
      .poll(() => main(admin), { timeout: 30_000 })
      .toContain("Metropolitan Police Service, December 2024: 4761 rows imported");
    const log = admin.getByRole("region", { name: "Import log: Metropolitan Police Service" });
    await expect.poll(() => log.innerText()).toContain("Street file 2024-12-metropolitan-street.csv");
    expect(await log.innerText()).toContain("by Sam Admin");

    const month = admin.getByLabel("Month", { exact: true });
    expect(await month.inputValue()).toBe("2024-12");
    await admin.getByLabel("Borough").selectOption({ label: "Camden" });
    await admin.getByRole("button", { name: "Draft the packs" }).click();
    const progress = admin.getByLabel("Drafting progress");
    await expect
      .poll(
        () =>
          admin
            .getByRole("status")
            .filter({ hasText: /^Done:/ })
            .count(),
        { timeout: 45_000 },
      )
      .toBe(1);
    const max = Number(await progress.getAttribute("max"));
    expect(max).toBeGreaterThanOrEqual(15); // Camden has 20 wards
    expect(Number(await progress.getAttribute("value"))).toBe(max);
    const done = await admin
      .getByRole("status")
      .filter({ hasText: /^Done:/ })
      .innerText();
    expect(done).toMatch(
      new RegExp(
        `^Done: (\\d+) drafts made, 0 already there, (\\d+) wards with no data for December 2024, in [\\d.]+ s\\.$`,
      ),
    );
    const [, drafted, noData] = /Done: (\d+) drafts made, 0 already there, (\d+) wards/.exec(done)!;
    expect(Number(drafted)).toBeGreaterThan(0);
    expect(Number(drafted) + Number(noData)).toBe(max);
    expect(await admin.getByRole("button", { name: "Draft the packs" }).isEnabled()).toBe(true);
    // "Drafts to review" lists only wards with crimes that month, each a link to its review page.
    const toReview = admin.getByRole("region", { name: "Drafts to review for December 2024" });
    await expect.poll(() => toReview.getByRole("link", { name: "Bloomsbury (Camden)" }).count()).toBe(1);
    const reviewLinks = await toReview.getByRole("link").count();
    expect(reviewLinks).toBeGreaterThan(0);
    expect(reviewLinks).toBeLessThanOrEqual(Number(drafted));
    expect(await toReview.getByRole("link", { name: "Bloomsbury (Camden)" }).getAttribute("href")).toBe(
      "/staff/wards/E05013653/packs/2024-12",
    );
    await checkBothWidths(admin, "crime-data-drafted");

    // Running it again finds every draft already there.
    await admin.getByRole("button", { name: "Draft the packs" }).click();
    await expect
      .poll(
        () =>
          admin
            .getByRole("status")
            .filter({ hasText: new RegExp(`^Done: 0 drafts made, ${drafted} already there`) })
            .count(),
        { timeout: 45_000 },
      )
      .toBe(1);

    await admin.goto(`/staff/wards/${BLOOMSBURY}/packs`);
    await expect
      .poll(() => admin.getByRole("heading", { level: 1 }).innerText())
      .toBe("Bloomsbury: monthly crime-update packs");
    const december = admin.getByRole("row", { name: /December 2024/ });
    expect(await december.innerText()).toContain("Draft");
    await checkBothWidths(admin, "packs-staff-list");
    await december.getByRole("link", { name: "December 2024" }).click();
    await expect
      .poll(() => admin.getByRole("heading", { level: 1 }).innerText())
      .toBe("Bloomsbury ward: crime and policing update, December 2024");
    expect(await main(admin)).toContain("Draft: only the ward's sergeant and chair see this.");
  });
});
