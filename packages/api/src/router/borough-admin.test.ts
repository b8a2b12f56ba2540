import { createTestDb, seedUser } from "@wardpanel/db/testing";
import { beforeAll, describe, expect, it } from "vitest";

import { callerFor } from "../testing";

const CAMDEN = "E09000007";
const ISLINGTON = "E09000019";
const BLOOMSBURY = "E05013653"; // Camden
const HOLBORN = "E05013662"; // Camden

/** A borough admin (decision 0040): people, roles, wards and team contacts in their borough only. */
describe("a borough admin", () => {
  const db = createTestDb();
  let camdenAdmin: number;
  let forceAdmin: number;
  let islingtonWard: string;
  let camdenSergeant: number;
  let islingtonSergeant: number;
  let mixedPerson: number;

  beforeAll(async () => {
    forceAdmin = (await seedUser(db, { roles: [{ role: "admin" }] })).id;
    camdenAdmin = (
      await seedUser(db, { name: "Camden Admin", roles: [{ role: "borough_admin", boroughCode: CAMDEN }] })
    ).id;
    const islington = await callerFor(db, forceAdmin).wards.adminList({ query: "Islington" });
    islingtonWard = islington.wards.find((w) => w.boroughCode === ISLINGTON)!.code;
    camdenSergeant = (await seedUser(db, { name: "Sgt Camden", roles: [{ role: "sergeant", wardCode: BLOOMSBURY }] }))
      .id;
    islingtonSergeant = (
      await seedUser(db, { name: "Sgt Islington", roles: [{ role: "sergeant", wardCode: islingtonWard }] })
    ).id;
    mixedPerson = (
      await seedUser(db, {
        name: "Two Boroughs",
        roles: [
          { role: "panel_member", wardCode: HOLBORN },
          { role: "panel_member", wardCode: islingtonWard },
        ],
      })
    ).id;
  });

  it("sees only their borough's wards on the admin home", async () => {
    const list = await callerFor(db, camdenAdmin).wards.adminList({});
    expect(list.total).toBe(20); // Camden's wards
    expect(list.wards.every((w) => w.boroughCode === CAMDEN)).toBe(true);
    expect((await callerFor(db, camdenAdmin).wards.adminList({ query: "Islington" })).total).toBe(0);
  });

  it("sees only their borough's people, with their roles in the borough only", async () => {
    const people = await callerFor(db, camdenAdmin).people.list();
    const names = people.map((p) => p.name);
    expect(names).toContain("Sgt Camden");
    expect(names).toContain("Two Boroughs");
    expect(names).not.toContain("Sgt Islington");
    expect(people.find((p) => p.name === "Two Boroughs")!.roles.map((r) => r.wardCode)).toEqual([HOLBORN]);
    expect((await callerFor(db, forceAdmin).people.list()).map((p) => p.name)).toContain("Sgt Islington");
  });

  it("gives and removes ward roles in their borough", async () => {
    const caller = callerFor(db, camdenAdmin);
    const roles = await caller.people.assignRole({
      userId: camdenSergeant,
      grant: { role: "chair", wardCode: HOLBORN },
    });
    const chair = roles.find((r) => r.role === "chair")!;
    expect(chair.boroughCode).toBe(CAMDEN);
    await expect(caller.people.removeRole({ assignmentId: chair.id })).resolves.toEqual({ removed: true });
    const invited = await caller.people.invite({
      email: "new.member@example.test",
      name: "New Member",
      grant: { role: "panel_member", wardCode: BLOOMSBURY },
    });
    expect(invited.link).toMatch(/^http/);
  });

  it("is refused roles in another borough, FORBIDDEN", async () => {
    const caller = callerFor(db, camdenAdmin);
    await expect(
      caller.people.invite({
        email: "elsewhere@example.test",
        name: "Elsewhere",
        grant: { role: "panel_member", wardCode: islingtonWard },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      caller.people.assignRole({ userId: islingtonSergeant, grant: { role: "chair", wardCode: BLOOMSBURY } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const islingtonRole = (await callerFor(db, forceAdmin).people.list())
      .find((p) => p.id === islingtonSergeant)!
      .roles.find((r) => r.wardCode === islingtonWard)!;
    await expect(caller.people.removeRole({ assignmentId: islingtonRole.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(caller.people.setActive({ userId: islingtonSergeant, isActive: false })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // Someone who also holds a role elsewhere is the force-wide admins' to deactivate.
    await expect(caller.people.setActive({ userId: mixedPerson, isActive: false })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(caller.wards.updateTeamContacts({ wardCode: islingtonWard, ...contacts })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("cannot make anyone an admin, for the force or a borough", async () => {
    const caller = callerFor(db, camdenAdmin);
    await expect(
      caller.people.assignRole({ userId: camdenSergeant, grant: { role: "admin", wardCode: null } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      caller.people.assignRole({
        userId: camdenSergeant,
        grant: { role: "borough_admin", wardCode: null, boroughCode: CAMDEN },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      caller.people.assignRole({
        userId: camdenSergeant,
        grant: { role: "analyst", wardCode: null, force: "metropolitan" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps team contacts in their borough but cannot use force-wide procedures", async () => {
    const caller = callerFor(db, camdenAdmin);
    await expect(caller.wards.updateTeamContacts({ wardCode: BLOOMSBURY, ...contacts })).resolves.toBeDefined();
    await expect(caller.feedAdmin.apiKeys()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.oversight.wards({ boroughCode: CAMDEN })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a force-wide admin can make a borough admin, and a borough must be named", async () => {
    const caller = callerFor(db, forceAdmin);
    const roles = await caller.people.assignRole({
      userId: camdenSergeant,
      grant: { role: "borough_admin", wardCode: null, boroughCode: CAMDEN },
    });
    expect(roles.find((r) => r.role === "borough_admin")?.boroughCode).toBe(CAMDEN);
    await expect(
      caller.people.assignRole({ userId: camdenSergeant, grant: { role: "borough_admin", wardCode: null } }),
    ).rejects.toThrow(/Choose the borough/);
  });
});

const contacts = { baseName: "Holborn Police Station", baseAddress: "", email: "", phone: "101", publicNote: "" };
