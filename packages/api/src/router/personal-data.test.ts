import { seedPanelWithMembers, seedUser } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { callerFor, createTestDb } from "../testing";

const WARD = "E05013653";

describe("personalData", () => {
  it("lets an admin export a staff member's data and erase it, which signs them out", async () => {
    const db = createTestDb();
    const { chair } = seedPanelWithMembers(db, WARD, 1);
    const admin = callerFor(db, (await seedUser(db, { roles: [{ role: "admin" }] })).id);
    // The chair is signed in (callerFor makes a real session).
    callerFor(db, chair.id);

    const held = await admin.personalData.export({ email: chair.email.toUpperCase() });
    expect(held).toMatchObject({
      email: chair.email,
      account: { name: chair.name },
      roles: [{ role: "chair", wardCode: WARD }],
      activeSessions: 1,
    });

    await admin.personalData.erase({ email: chair.email });
    expect(db.$client.prepare("select count(*) as n from sessions where user_id = ?").get(chair.id)).toEqual({ n: 0 });
    expect(await admin.personalData.export({ email: chair.email })).toMatchObject({ account: null, roles: [] });
  });

  it("says what is wrong with the address, against the field", async () => {
    const db = createTestDb();
    const admin = callerFor(db, (await seedUser(db, { roles: [{ role: "admin" }] })).id);
    await expect(admin.personalData.export({ email: "not an address" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses an admin erasing their own account", async () => {
    const db = createTestDb();
    const me = await seedUser(db, { roles: [{ role: "admin" }] });
    await seedUser(db, { roles: [{ role: "admin" }] });
    await expect(callerFor(db, me.id).personalData.erase({ email: me.email })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "You cannot erase your own account: ask another admin",
    });
  });
});
