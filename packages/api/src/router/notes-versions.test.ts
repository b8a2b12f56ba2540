import { seedPanelWithMembers, seedPublishedMeeting, seedUser } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { callerFor, createTestDb } from "../testing";

const WARD = "E05013653";
const DAY = () => new Date("2030-03-03T19:10:00Z");

/** Chair and minute-taker each on their own device, editing the same item's notes. */
async function twoDevices() {
  const db = createTestDb();
  const { chair } = seedPanelWithMembers(db, WARD, 0);
  const minuteTaker = await seedUser(db, { roles: [{ role: "minute_taker", wardCode: WARD }] });
  const meetingId = seedPublishedMeeting(db, {
    wardCode: WARD,
    date: "2030-03-03",
    now: new Date("2030-02-01T12:00Z"),
  });
  const ref = { wardCode: WARD, meetingId };
  const chairDevice = callerFor(db, chair.id, { now: DAY });
  const takerDevice = callerFor(db, minuteTaker.id, { now: DAY });
  await chairDevice.live.start(ref);
  const view = await chairDevice.live.view(ref);
  const item = view.items[1]!;
  return { chair, minuteTaker, chairDevice, takerDevice, itemRef: { ...ref, itemId: item.id }, ref, item };
}

describe("live.saveNotes with the version the text was based on", () => {
  it("reads version 0, applies a fresh base and answers the new version", async () => {
    const { chairDevice, itemRef, ref, item } = await twoDevices();
    expect(item.notesSave).toEqual({ version: 0, savedAt: null, savedBy: null });
    expect(await chairDevice.live.saveNotes({ ...itemRef, notes: "Burglary down", baseVersion: 0 })).toEqual({
      status: "saved",
      itemId: itemRef.itemId,
      version: 1,
      savedAt: DAY().toISOString(),
    });
    const read = (await chairDevice.live.view(ref)).items.find((i) => i.id === itemRef.itemId)!;
    expect(read).toMatchObject({ notes: "Burglary down", notesSave: { version: 1 } });
  });

  it("refuses a stale base, answering the chair's text to the minute-taker, who merges and saves", async () => {
    const { chair, chairDevice, takerDevice, itemRef, ref } = await twoDevices();
    await chairDevice.live.saveNotes({ ...itemRef, notes: "Chair: burglary down", baseVersion: 0 });
    const late = await takerDevice.live.saveNotes({ ...itemRef, notes: "Taker: PCSO Gill spoke", baseVersion: 0 });
    expect(late).toEqual({
      status: "conflict",
      itemId: itemRef.itemId,
      current: { notes: "Chair: burglary down", version: 1, savedAt: DAY().toISOString(), savedBy: chair.name },
    });
    if (late.status !== "conflict") throw new Error("expected a conflict");
    const merged = `${late.current.notes}\nTaker: PCSO Gill spoke`;
    expect(
      await takerDevice.live.saveNotes({ ...itemRef, notes: merged, baseVersion: late.current.version }),
    ).toMatchObject({ status: "saved", version: 2 });
    const read = (await chairDevice.live.view(ref)).items.find((i) => i.id === itemRef.itemId)!;
    expect(read.notes).toBe("Chair: burglary down\nTaker: PCSO Gill spoke");
  });
});
