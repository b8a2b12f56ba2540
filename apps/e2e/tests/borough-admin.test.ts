import { seedTeam, seedUser } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { expectNoAxeViolations, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";
import { signIn } from "../src/sign-in";

const CAMDEN = "E09000007";
const BLOOMSBURY = "E05013653"; // Camden
let islingtonWard = "";

/** Issue 15: an admin scoped to a borough (decision 0040) gives roles there and sees nothing elsewhere. */
describe("a borough admin", () => {
  const journeys = setUpJourneys(
    async (db) => {
      const row = db.$client
        .prepare("select code from wards where borough_code = 'E09000019' order by name limit 1")
        .get() as { code: string };
      islingtonWard = row.code;
      seedTeam(db, BLOOMSBURY, { officers: [{ name: "PS Ada Jones", rank: "Sergeant" }] });
      await seedUser(db, {
        email: "camden.admin@example.test",
        name: "Cam Admin",
        roles: [{ role: "borough_admin", boroughCode: CAMDEN }],
      });
      await seedUser(db, {
        email: "chair@example.test",
        name: "Priya Shah",
        roles: [{ role: "chair", wardCode: BLOOMSBURY }],
      });
      await seedUser(db, {
        email: "islington@example.test",
        name: "Isla Islington",
        roles: [{ role: "sergeant", wardCode: islingtonWard }],
      });
    },
    { context: { viewport: { width: 390, height: 844 } } },
  );
  const main = () => journeys.page.locator("main").innerText();

  it("gives a role in their borough, and cannot see another borough's ward or people", async () => {
    const { page } = journeys;
    await signIn(page, "camden.admin@example.test");
    await page.goto("/staff");
    const wards = page.getByRole("region", { name: "Your borough's wards" });
    await expect.poll(() => wards.getByRole("status").innerText()).toBe("20 wards. Page 1 of 1.");
    await wards.getByLabel("Ward name, ward code or borough").fill("Islington");
    await expect.poll(() => wards.getByRole("status").innerText()).toBe("No ward matches.");
    await expectNoAxeViolations(page);

    await page.goto("/staff/people");
    await expect.poll(() => main()).toContain("Priya Shah");
    expect(await main()).not.toContain("Isla Islington");
    expect(await main()).not.toContain("personal data"); // force-wide admins only
    const priya = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Priya Shah" }) });
    await priya.getByRole("button", { name: "Add role for Priya Shah" }).click();
    const roleOptions = await priya.getByLabel("Role").locator("option").allInnerTexts();
    expect(roleOptions).not.toContain("Admin");
    expect(roleOptions).not.toContain("Borough admin");
    const boroughOptions = await priya.getByLabel("Borough").locator("option").allInnerTexts();
    expect(boroughOptions).toEqual(["Choose a borough", "Camden"]);
    await priya.getByLabel("Role").selectOption({ label: "Panel member" });
    await priya.getByLabel("Borough").selectOption({ label: "Camden" });
    await priya.getByLabel("Ward").selectOption({ label: "Belsize" });
    await priya.getByRole("button", { name: "Give this role" }).click();
    await expect.poll(() => priya.innerText()).toContain("Belsize");
    await expectNoAxeViolations(page);
    await screenshot(page, "borough-admin-people-phone");

    await page.goto(`/staff/wards/${BLOOMSBURY}`);
    await expect.poll(() => main()).toContain("PS Ada Jones");
    await page.goto(`/staff/wards/${islingtonWard}`);
    await expect.poll(() => main()).toContain("You do not have a role for this ward");
  });
});
