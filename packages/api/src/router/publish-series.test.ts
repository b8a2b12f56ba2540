import { TRPCError } from "@trpc/server";
import { buildMeetingDetails, seedPanelWithMembers } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { callerFor, createTestDb } from "../testing";

const WARD = "E05013653";
const CAMDEN_TOWN = "E05013656";
const NOW = new Date("2026-11-01T12:00:00Z");

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (error: unknown) => (error instanceof TRPCError ? `${error.code}: ${error.message}` : Promise.reject(error)),
  );

describe("publishing every draft of a series at once", () => {
  it("publishes the drafts still to come, leaves other meetings alone, and refuses a second time", async () => {
    const db = createTestDb();
    const panel = seedPanelWithMembers(db, WARD, 1);
    const chair = callerFor(db, panel.chair.id, { now: () => NOW });
    const rule = { ordinal: 2, weekday: 2, firstMonth: "2027-01", months: 4 } as const;
    const { seriesId } = await chair.meetings.scheduleSeries({ wardCode: WARD, rule, ...buildMeetingDetails() });
    const other = await chair.meetings.create({ wardCode: WARD, date: "2027-02-01", ...buildMeetingDetails() });
    const inSeries = (await chair.meetings.forWard({ wardCode: WARD })).filter((m) => m.seriesId === seriesId);
    expect(inSeries).toHaveLength(4);
    // One was already advertised on its own; publishing all publishes the other three.
    await chair.meetings.publish({ wardCode: WARD, meetingId: inSeries[0]!.id });

    const { meetingIds } = await chair.meetings.publishSeries({ wardCode: WARD, seriesId });
    expect(meetingIds).toEqual(inSeries.slice(1).map((m) => m.id));
    const after = await chair.meetings.forWard({ wardCode: WARD });
    expect(after.filter((m) => m.seriesId === seriesId).map((m) => m.status)).toEqual(Array(4).fill("published"));
    expect(after.find((m) => m.id === other.meetingId)?.status).toBe("draft");

    expect(await refusal(chair.meetings.publishSeries({ wardCode: WARD, seriesId }))).toBe(
      "CONFLICT: Every meeting still to come in this series is already published",
    );
    seedPanelWithMembers(db, CAMDEN_TOWN, 0);
    expect(await refusal(chair.meetings.publishSeries({ wardCode: CAMDEN_TOWN, seriesId }))).toMatch(/^FORBIDDEN/);
  });
});
