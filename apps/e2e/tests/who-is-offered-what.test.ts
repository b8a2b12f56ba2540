import { createPriority } from "@wardpanel/db/queries/priorities";
import { buildPriorityFields, seedActivePriority, seedPanel, seedUser } from "@wardpanel/db/testing";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";
import { signIn } from "../src/sign-in";

const BLOOMSBURY = "E05013653"; // Camden, policed by the Met
const ACTIVE = "Drug dealing in Russell Square gardens";
const DRAFT = "Speeding on Gower Street";

/**
 * The role groups decide what each person is offered (@wardpanel/validators role-groups.ts): a
 * panel member reads the ward's priorities but is shown no editing and no crime import form, so
 * they never fill in a form the server refuses; the sergeant, the chair and the analyst are.
 */
describe("who is offered what: priorities and the crime import", () => {
  const journeys = setUpJourneys(async (db) => {
    const now = new Date();
    seedPanel(db, BLOOMSBURY);
    const people = [
      { email: "sergeant@example.test", name: "Jo Okafor", roles: [{ role: "sergeant", wardCode: BLOOMSBURY }] },
      { email: "chair@example.test", name: "Priya Shah", roles: [{ role: "chair", wardCode: BLOOMSBURY }] },
      { email: "member@example.test", name: "Tom Evans", roles: [{ role: "panel_member", wardCode: BLOOMSBURY }] },
      { email: "analyst@example.test", name: "Mo Analyst", roles: [{ role: "analyst", force: "metropolitan" }] },
    ] as const;
    for (const person of people) await seedUser(db, { ...person, roles: [...person.roles] });
    seedActivePriority(db, { wardCode: BLOOMSBURY, now, fields: { title: ACTIVE } });
    createPriority(db, {
      wardCode: BLOOMSBURY,
      fields: buildPriorityFields({ title: DRAFT, problem: "Cars race along Gower Street at night." }),
      now,
    });
  });

  /** A person's own signed-in page (their own browser context). */
  async function pageFor(email: string): Promise<Page> {
    const page = await journeys.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, email);
    return page;
  }
  const main = (page: Page) => page.locator("main").innerText();
  const button = (page: Page, name: string | RegExp) => page.getByRole("button", { name });

  async function openPriorities(page: Page) {
    await page.goto(`/staff/wards/${BLOOMSBURY}/priorities`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Priorities for Bloomsbury");
    await expect.poll(() => page.getByRole("heading", { name: DRAFT }).isVisible()).toBe(true);
  }

  it("a panel member reads the priorities but is offered no Edit, End or Publish; the sergeant and the chair are", async () => {
    const member = await pageFor("member@example.test");
    await openPriorities(member);
    expect(await member.getByRole("heading", { name: ACTIVE }).isVisible()).toBe(true);
    expect(await main(member)).toContain("Cars race along Gower Street at night.");
    for (const name of [
      /^Edit: /,
      "End the priority",
      "Publish the priority",
      "Add this month's progress",
      /60-minute response/,
      "Write a new priority",
    ]) {
      expect(await button(member, name).count(), `${String(name)} offered to a panel member`).toBe(0);
    }
    await expectNoAxeViolations(member);
    await screenshot(member, "offered-priorities-member");
    // Nor is the member sent to pages only the sergeant and chair may open.
    await member.goto(`/staff/wards/${BLOOMSBURY}`);
    await expect.poll(() => member.getByRole("link", { name: "Priorities", exact: true }).isVisible()).toBe(true);
    for (const name of ["Community concerns", "Monthly crime updates", "60-minute responses"]) {
      expect(await member.getByRole("link", { name }).count(), `${name} offered to a panel member`).toBe(0);
    }

    const sergeant = await pageFor("sergeant@example.test");
    await openPriorities(sergeant);
    expect(await button(sergeant, `Edit: ${ACTIVE}`).isVisible()).toBe(true);
    expect(await button(sergeant, `Edit: ${DRAFT}`).isVisible()).toBe(true);
    // Each priority is offered the steps its status allows: the draft is published, the active one ended.
    expect(await button(sergeant, "Publish the priority").count()).toBe(1);
    expect(await button(sergeant, "End the priority").count()).toBe(1);
    expect(await button(sergeant, "Flag for the 60-minute response").count()).toBe(2);
    expect(await button(sergeant, "Write a new priority").isVisible()).toBe(true);
    await button(sergeant, "End the priority").click();
    await expect.poll(() => sergeant.getByLabel("Reason the public will see").isVisible()).toBe(true);
    await expectNoAxeViolations(sergeant);
    await screenshot(sergeant, "offered-priorities-sergeant");

    // The chair manages priorities too, but flagging one for the 60-minute response is the sergeant's.
    const chair = await pageFor("chair@example.test");
    await openPriorities(chair);
    expect(await button(chair, `Edit: ${ACTIVE}`).isVisible()).toBe(true);
    expect(await button(chair, "End the priority").count()).toBe(1);
    expect(await button(chair, /60-minute response/).count()).toBe(0);
  });

  it("a panel member is not offered the crime import form or its link; the force's analyst is", async () => {
    const member = await pageFor("member@example.test");
    expect(
      await member.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Crime data" }).count(),
    ).toBe(0);
    await member.goto("/staff/crime-data");
    await expect.poll(() => main(member)).toContain("imported by the force's crime data analysts or an admin");
    expect(await button(member, "Import the files").count()).toBe(0);
    expect(await member.getByLabel(/Street-level crime file/).count()).toBe(0);
    await expectNoAxeViolations(member);

    const analyst = await pageFor("analyst@example.test");
    await analyst.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Crime data" }).click();
    await expect.poll(() => analyst.getByRole("heading", { name: "Import a month" }).isVisible()).toBe(true);
    expect(await analyst.getByLabel(/Street-level crime file/).isVisible()).toBe(true);
    expect(await button(analyst, "Import the files").isVisible()).toBe(true);
    expect(await analyst.getByRole("heading", { name: "Import log: Metropolitan Police Service" }).isVisible()).toBe(
      true,
    );
    expect(await analyst.getByRole("heading", { name: /Import log: City of London/ }).count()).toBe(0);
    await expectNoAxeViolations(analyst);
    await screenshot(analyst, "offered-crime-import-analyst");
  });
});
