import { createTestDb, seedTeam, seedUser } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { callerFor } from "../testing";

const BELSIZE = "E05013652";
const BLOOMSBURY = "E05013653";

async function sergeantOfBelsize() {
  const db = createTestDb();
  seedTeam(db, BELSIZE, { officers: [{ name: "PS Ada Jones", rank: "Sergeant" }] });
  const sergeant = await seedUser(db, { roles: [{ role: "sergeant", wardCode: BELSIZE }] });
  return { db, sergeant: callerFor(db, sergeant.id), publicCaller: callerFor(db, null) };
}

const officersOnPage = async (caller: ReturnType<typeof callerFor>) =>
  (await caller.wards.page({ wardCode: BELSIZE })).team.officers.map(({ name, rank, email }) => ({
    name,
    rank,
    email,
  }));

describe("the sergeant manages the team's officer list", () => {
  it("adds, corrects and removes officers, and the public ward page shows the list as it is", async () => {
    const { sergeant, publicCaller } = await sergeantOfBelsize();
    const { officerId } = await sergeant.wards.addOfficer({
      wardCode: BELSIZE,
      name: "PC Ben Okafor",
      rank: "Police Constable",
      email: "ben.okafor@met.example",
    });
    await sergeant.wards.addOfficer({ wardCode: BELSIZE, name: "PCSO Cara Lee", rank: "PCSO", email: "" });
    expect(await officersOnPage(publicCaller)).toEqual([
      { name: "PS Ada Jones", rank: "Sergeant", email: null },
      { name: "PC Ben Okafor", rank: "Police Constable", email: "ben.okafor@met.example" },
      { name: "PCSO Cara Lee", rank: "PCSO", email: null },
    ]);

    await sergeant.wards.updateOfficer({
      wardCode: BELSIZE,
      officerId,
      name: "PS Ben Okafor",
      rank: "Sergeant",
      email: "",
    });
    expect((await officersOnPage(publicCaller))[1]).toEqual({ name: "PS Ben Okafor", rank: "Sergeant", email: null });

    // Removing answers what Undo needs; adding it back at that position restores the order.
    const removed = await sergeant.wards.removeOfficer({ wardCode: BELSIZE, officerId });
    expect(removed).toEqual({ name: "PS Ben Okafor", rank: "Sergeant", email: null, position: 1 });
    expect((await officersOnPage(publicCaller)).map((o) => o.name)).toEqual(["PS Ada Jones", "PCSO Cara Lee"]);
    await sergeant.wards.addOfficer({ wardCode: BELSIZE, ...removed, email: removed.email ?? "" });
    expect((await officersOnPage(publicCaller)).map((o) => o.name)).toEqual([
      "PS Ada Jones",
      "PS Ben Okafor",
      "PCSO Cara Lee",
    ]);
  });

  it("refuses a blank name, an unknown rank, a bad e-mail address and another ward's officer, naming the field", async () => {
    const { db, sergeant } = await sergeantOfBelsize();
    await expect(sergeant.wards.addOfficer({ wardCode: BELSIZE, name: " ", rank: "PCSO", email: "" })).rejects.toThrow(
      "Enter the officer's name",
    );
    await expect(
      sergeant.wards.addOfficer({ wardCode: BELSIZE, name: "Someone", rank: "Inspector" as "PCSO", email: "" }),
    ).rejects.toThrow("Choose the officer's rank");
    await expect(
      sergeant.wards.addOfficer({ wardCode: BELSIZE, name: "Someone", rank: "PCSO", email: "not-an-address" }),
    ).rejects.toThrow("Enter an email address like name@example.police.uk");

    seedTeam(db, BLOOMSBURY, { officers: [{ name: "PC Other Ward", rank: "Police Constable" }] });
    const otherId = (await callerFor(db, null).wards.page({ wardCode: BLOOMSBURY })).team.officers[0]!.id;
    await expect(sergeant.wards.removeOfficer({ wardCode: BELSIZE, officerId: otherId })).rejects.toThrow(
      "That officer is no longer in the team's list",
    );
    await expect(sergeant.wards.removeOfficer({ wardCode: BLOOMSBURY, officerId: otherId })).rejects.toThrow();
  });
});
