import { createMeeting } from "@wardpanel/db/queries/meetings";
import { buildMeetingDetails, seedPanelWithMembers } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { callerFor, createTestDb } from "../testing";

const WARD = "E05013653";
const NOW = new Date("2026-11-01T12:00:00Z");
const item = (title: string) => ({ title, description: "", presenter: "", minutesAllowed: 5 });

async function draftAgenda() {
  const db = createTestDb();
  const panel = seedPanelWithMembers(db, WARD, 1);
  const meetingId = createMeeting(db, {
    wardCode: WARD,
    date: "2026-11-25",
    details: buildMeetingDetails(),
    createdBy: null,
    now: NOW,
  });
  const chair = callerFor(db, panel.chair.id);
  const ref = { wardCode: WARD, meetingId };
  const titles = async () => (await chair.agenda.forMeeting(ref)).items.map((i) => i.title);
  return { chair, ref, titles };
}

describe("inserting an agenda item at a position", () => {
  it("puts the item where the chair chose, keeps the order of the rest, and undo (remove) leaves the order as it was", async () => {
    const { chair, ref, titles } = await draftAgenda();
    const before = await titles();
    expect(before.length).toBeGreaterThan(2);

    const { itemId } = await chair.agenda.addItem({ ...ref, ...item("Parking outside the school"), position: 1 });
    expect(await titles()).toEqual([before[0], "Parking outside the school", ...before.slice(1)]);

    await chair.agenda.addItem({ ...ref, ...item("First of all"), position: 0 });
    await chair.agenda.addItem({ ...ref, ...item("Last of all") });
    await chair.agenda.addItem({ ...ref, ...item("Far past the end"), position: 99 });
    const after = await titles();
    expect(after[0]).toBe("First of all");
    expect(after.slice(-2)).toEqual(["Last of all", "Far past the end"]);

    // Positions stay 0, 1, 2… in the order shown, so moving still swaps neighbours.
    const items = (await chair.agenda.forMeeting(ref)).items;
    expect(items.map((i) => i.position)).toEqual(items.map((_, index) => index));

    await chair.agenda.removeItem({ ...ref, itemId });
    expect(await titles()).toEqual(["First of all", ...before, "Last of all", "Far past the end"]);
  });

  it("refuses a negative position against the field", async () => {
    const { chair, ref } = await draftAgenda();
    await expect(chair.agenda.addItem({ ...ref, ...item("Nowhere"), position: -1 })).rejects.toThrow(
      /Choose where the item goes/,
    );
  });
});
