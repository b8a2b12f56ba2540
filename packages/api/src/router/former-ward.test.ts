import { readFileSync } from "node:fs";

import { WARD_FILES } from "@wardpanel/crime-data/testing";
import { type Db, openDb } from "@wardpanel/db/client";
import { runMigrations } from "@wardpanel/db/migrate";
import { loadWards, LONDON_WARDS_PATH } from "@wardpanel/db/reference";
import { buildMeetingDetails, seedMeetingHistory, seedUser } from "@wardpanel/db/testing";
import { commitCrimeImport, prepareCrimeImport } from "@wardpanel/packs";
import { POLICE_UK_FILES } from "@wardpanel/packs/testing";
import { describe, expect, it } from "vitest";

import { callerFor } from "../testing";

const OLD = "E05900001"; // "Bloomsbury and Holborn": the invented earlier Camden ward
const NOW = new Date("2025-06-10T12:00:00Z");

/**
 * A panel's history in the earlier Camden (meetings with published minutes, December 2024's crimes
 * and published pack), then the 2022 London file loaded as in force from 1 May 2025.
 */
async function retiredWithHistory(): Promise<{ db: Db; meetingIds: number[]; sergeant: number }> {
  const db = openDb(":memory:");
  runMigrations(db);
  loadWards(db, WARD_FILES.camdenBefore2022);
  const meetingIds = seedMeetingHistory(db, { wardCode: OLD, dates: ["2024-11-12", "2025-01-14"] });
  const prepared = await prepareCrimeImport(db, {
    street: { input: readFileSync(POLICE_UK_FILES.metStreet202412), fileName: "2024-12-metropolitan-street.csv" },
  });
  commitCrimeImport(db, prepared, { importedBy: null, now: new Date("2025-01-20T10:00:00Z") });
  const sergeant = (await seedUser(db, { roles: [{ role: "sergeant", wardCode: OLD }] })).id;
  const staff = callerFor(db, sergeant, { now: () => new Date("2025-01-21T10:00:00Z") });
  await staff.crimePacks.saveText({
    wardCode: OLD,
    month: "2024-12",
    commentary: "Burglary fell.",
    partnerActions: "",
  });
  await staff.crimePacks.publish({ wardCode: OLD, month: "2024-12" });

  loadWards(db, LONDON_WARDS_PATH, {}, { inForceFrom: "2025-05-01" });
  return { db, meetingIds, sergeant };
}

describe("a ward retired by a later load", () => {
  it("keeps its minutes and pack readable, and its page says what replaced it", async () => {
    const { db, meetingIds } = await retiredWithHistory();
    const visitor = callerFor(db, null, { now: () => NOW });

    const page = await visitor.wards.page({ wardCode: OLD });
    expect(page.ward.name).toBe("Bloomsbury and Holborn");
    expect(page.former?.retiredOn).toBe("2025-05-01");
    expect(page.former?.successors.map((s) => s.code).sort()).toEqual(["E05013653", "E05013662"]);
    expect((await visitor.wards.page({ wardCode: "E05013653" })).former).toBeNull();

    const meeting = await visitor.publicMeeting.view({ wardCode: OLD, meetingId: meetingIds[0]! });
    expect(meeting.minutes).toHaveLength(1);
    const past = await visitor.publicMeeting.past({ wardCode: OLD, page: 1 });
    expect(past.meetings.map((m) => m.id).sort()).toEqual([...meetingIds].sort());

    expect((await visitor.crimePacks.published({ wardCode: OLD })).packs.map((p) => p.month)).toEqual(["2024-12"]);
    const pack = await visitor.crimePacks.publishedPage({ wardCode: OLD, month: "2024-12" });
    expect(pack.ward.name).toBe("Bloomsbury and Holborn");
    expect(pack.total).toBeGreaterThan(0);
  }, 60_000);

  it("is left out of the current ward lists but found at its own address", async () => {
    const { db } = await retiredWithHistory();
    const visitor = callerFor(db, null, { now: () => NOW });
    const byName = await visitor.wards.search({ query: "Bloomsbury" });
    expect(byName.wards.map((w) => w.code)).toEqual(["E05013653"]);
    expect((await visitor.wards.search({ query: "Bloomsbury and Holborn" })).wards.map((w) => w.code)).not.toContain(
      OLD,
    );
    expect((await visitor.wards.page({ wardCode: OLD })).ward.code).toBe(OLD);
  }, 60_000);

  it("takes no new meetings: the sergeant is told why", async () => {
    const { db, sergeant } = await retiredWithHistory();
    const staff = callerFor(db, sergeant, { now: () => NOW });
    const details = { wardCode: OLD, date: "2025-07-08", ...buildMeetingDetails() };
    await expect(staff.meetings.create(details)).rejects.toMatchObject({
      code: "CONFLICT",
      message:
        "Bloomsbury and Holborn is a former ward: its boundaries were replaced on 2025-05-01, so no new meetings can be arranged in it. Arrange them in the wards that replaced it.",
    });
    // Its existing meetings are still there for the sergeant.
    expect(await staff.meetings.forWard({ wardCode: OLD })).toHaveLength(2);
  }, 60_000);
});
