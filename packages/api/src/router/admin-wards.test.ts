import { createTestDb, seedUser } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { callerFor } from "../testing";

describe("the admin's list of wards", () => {
  it("pages through every ward in force, 25 at a time, and finds by name, code or borough", async () => {
    const db = createTestDb();
    const admin = await seedUser(db, { roles: [{ role: "admin" }] });
    const caller = callerFor(db, admin.id);

    const first = await caller.wards.adminList({});
    expect(first.total).toBeGreaterThan(600); // London's wards
    expect(first.wards).toHaveLength(25);
    expect(first.pages).toBe(Math.ceil(first.total / 25));
    const last = await caller.wards.adminList({ page: first.pages });
    expect(last.wards.length).toBe(first.total - 25 * (first.pages - 1));
    expect(new Set([...first.wards, ...last.wards].map((w) => w.code)).size).toBe(
      first.wards.length + last.wards.length,
    );

    const byName = await caller.wards.adminList({ query: "bloomsbury" });
    expect(byName.wards.map((w) => [w.code, w.name, w.boroughName])).toEqual([["E05013653", "Bloomsbury", "Camden"]]);
    expect((await caller.wards.adminList({ query: "E05013652" })).wards.map((w) => w.name)).toEqual(["Belsize"]);
    const camden = await caller.wards.adminList({ query: "Camden" });
    expect(camden.total).toBe(20);
    expect(camden.wards.every((w) => w.boroughName === "Camden")).toBe(true);
    expect((await caller.wards.adminList({ query: "%" })).total).toBe(0);
  });

  it("is refused to anyone but an admin", async () => {
    const db = createTestDb();
    const sergeant = await seedUser(db, { roles: [{ role: "sergeant", wardCode: "E05013653" }] });
    await expect(callerFor(db, sergeant.id).wards.adminList({})).rejects.toThrow();
  });
});
