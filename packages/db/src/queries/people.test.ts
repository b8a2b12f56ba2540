import { describe, expect, it } from "vitest";

import { createTestDb, seedUser } from "../testing";
import { getAssignments, grantRole, listPeople, revokeRole } from "./people";

const BLOOMSBURY = "E05013653";
const HOLBORN = "E05013662";

describe("roles", () => {
  it("lets a sergeant hold several wards but a ward have only one chair", async () => {
    const db = createTestDb();
    const sergeant = await seedUser(db, { roles: [{ role: "sergeant", wardCode: BLOOMSBURY }] });
    grantRole(db, { userId: sergeant.id, role: "sergeant", wardCode: HOLBORN });
    expect(
      getAssignments(db, sergeant.id)
        .map((a) => a.wardName)
        .sort(),
    ).toEqual(["Bloomsbury", "Holborn & Covent Garden"]);

    await seedUser(db, { name: "First Chair", roles: [{ role: "chair", wardCode: BLOOMSBURY }] });
    const second = await seedUser(db);
    expect(() => grantRole(db, { userId: second.id, role: "chair", wardCode: BLOOMSBURY })).toThrow(
      "This ward's panel already has a chair (First Chair)",
    );
    expect(() => grantRole(db, { userId: sergeant.id, role: "sergeant", wardCode: HOLBORN })).toThrow(
      "already sergeant",
    );
  });

  it("never removes the last admin", async () => {
    const db = createTestDb();
    const admin = await seedUser(db, { roles: [{ role: "admin" }] });
    const [assignment] = getAssignments(db, admin.id);
    expect(() => revokeRole(db, assignment!.id)).toThrow("at least one admin");
    const other = await seedUser(db, { roles: [{ role: "admin" }] });
    revokeRole(db, assignment!.id);
    expect(listPeople(db).find((p) => p.id === other.id)?.roles[0]?.role).toBe("admin");
    expect(getAssignments(db, admin.id)).toEqual([]);
  });

  it("refuses a role for a ward that does not exist, saving nothing", async () => {
    const db = createTestDb();
    const person = await seedUser(db);
    expect(() => grantRole(db, { userId: person.id, role: "chair", wardCode: "E05999999" })).toThrow("no ward");
    expect(getAssignments(db, person.id)).toEqual([]);
  });
});
