import { listAgendaItems } from "@wardpanel/db/queries/agenda";
import { startMeeting } from "@wardpanel/db/queries/live";
import { seedPanel, seedPublishedMeeting, seedUser } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { callerFor, createTestDb } from "../testing";
import { createLiveEventBus, type LiveEvent } from "./live-events";

const BLOOMSBURY = "E05013653";

describe("live changes published after committed writes", () => {
  it("publishes one hint per successful mutation of a live meeting, none for reads or refusals", async () => {
    const db = createTestDb();
    seedPanel(db, BLOOMSBURY);
    const now = new Date();
    const chair = await seedUser(db, { roles: [{ role: "chair", wardCode: BLOOMSBURY }] });
    const member = await seedUser(db, { roles: [{ role: "panel_member", wardCode: BLOOMSBURY }] });
    const meetingId = seedPublishedMeeting(db, { wardCode: BLOOMSBURY, date: "2030-01-08", now });
    startMeeting(db, { wardCode: BLOOMSBURY, meetingId, now: new Date("2030-01-08T18:30:00Z") });
    const itemId = listAgendaItems(db, meetingId)[1]?.id ?? 0;
    const liveEvents = createLiveEventBus();
    const seen: LiveEvent[] = [];
    const unsubscribe = liveEvents.subscribe((e) => seen.push(e));

    const asChair = callerFor(db, chair.id, { liveEvents });
    await asChair.live.view({ wardCode: BLOOMSBURY, meetingId });
    await asChair.live.addDecision({ wardCode: BLOOMSBURY, meetingId, itemId, text: "Agreed to write to the council" });
    await expect(
      callerFor(db, member.id, { liveEvents }).live.addDecision({ wardCode: BLOOMSBURY, meetingId, itemId, text: "x" }),
    ).rejects.toThrow(/role/);
    await expect(asChair.live.setCurrentItem({ wardCode: BLOOMSBURY, meetingId, itemId: 999_999 })).rejects.toThrow();

    expect(seen).toEqual([
      { id: 1, change: "live.addDecision", wardCode: BLOOMSBURY, meetingId, itemId, voteId: null },
    ]);
    unsubscribe();
    expect(liveEvents.listenerCount()).toBe(0);
  });
});
