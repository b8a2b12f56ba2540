import { describe, expect, it } from "vitest";
import { findUserByEmail, getAssignments, listPeople } from "../queries/people";
import { getPanelRoster, getTeam } from "../queries/panels";
import { createTestDb } from "../testing";
import { seedDemo } from "./demo";

describe("demo data", () => {
  it("gives every Camden ward a panel with a chair, members and a team, and prints working sign-ins", async () => {
    const db = createTestDb();
    const signIns = await seedDemo(db);
    expect(signIns.map((s) => s.role)).toEqual(["Admin", "Sergeant", "Panel member", "Chair", "Minute-taker"]);

    const roster = getPanelRoster(db, "E05013653");
    expect(roster.panel?.name).toBe("Bloomsbury Ward Panel");
    expect(roster.members.filter((m) => m.role === "chair")).toHaveLength(1);
    expect(roster.members.filter((m) => m.role === "panel_member")).toHaveLength(6);
    expect(getTeam(db, "E05013653").officers.map((o) => o.rank)).toEqual(["Sergeant", "Police Constable", "PCSO"]);

    const sergeant = findUserByEmail(db, "sergeant@demo.wardpanel.test")!;
    expect(getAssignments(db, sergeant.id).map((a) => a.role)).toEqual(["sergeant", "sergeant"]);
    expect(listPeople(db).length).toBeGreaterThan(150);
  });

  it("does nothing on a database that already has people", async () => {
    const db = createTestDb();
    await seedDemo(db);
    const before = listPeople(db).length;
    expect(await seedDemo(db)).toEqual([]);
    expect(listPeople(db)).toHaveLength(before);
  });
});
