import { PriorityFields } from "@wardpanel/validators";
import { asc } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { feedChanges } from "../schema";
import { buildPriorityFields, createTestDb, seedActivePriority, seedPanel, squareAroundWard } from "../testing";
import {
  createPriority,
  endPriority,
  getPriorityInWard,
  listReviewsDue,
  publishPriority,
  setCallHandling,
  updatePriority,
} from "./priorities";

const WARD = "E05013653";
const NOW = new Date("2026-11-25T12:00:00Z");

describe("priorities", () => {
  it("refuses to publish a priority that is not specific, naming what is missing", () => {
    const db = createTestDb();
    const id = createPriority(db, {
      wardCode: WARD,
      fields: buildPriorityFields({ streets: [], postcodes: [], placeName: "", reviewDate: null }),
      now: NOW,
    });
    expect(() => publishPriority(db, { wardCode: WARD, priorityId: id, now: NOW })).toThrow(
      "Say where the priority applies",
    );
    updatePriority(db, { wardCode: WARD, priorityId: id, fields: buildPriorityFields({ reviewDate: null }), now: NOW });
    expect(() => publishPriority(db, { wardCode: WARD, priorityId: id, now: NOW })).toThrow(
      "Give a review date before publishing",
    );
  });

  it("flags the 60-minute response only for a priority with a drawn area", () => {
    const db = createTestDb();
    const id = createPriority(db, { wardCode: WARD, fields: buildPriorityFields(), now: NOW });
    expect(() => setCallHandling(db, { wardCode: WARD, priorityId: id, isFlagged: true, now: NOW })).toThrow(
      /Draw the priority's area/,
    );
    updatePriority(db, {
      wardCode: WARD,
      priorityId: id,
      fields: buildPriorityFields({ area: squareAroundWard(db, WARD) }),
      now: NOW,
    });
    setCallHandling(db, { wardCode: WARD, priorityId: id, isFlagged: true, now: NOW });
    expect(getPriorityInWard(db, WARD, id).isCallHandlingFlagged).toBe(true);
  });

  it("keeps to the ward's limit of active priorities", () => {
    const db = createTestDb();
    seedPanel(db, WARD);
    for (let i = 0; i < 3; i++)
      seedActivePriority(db, { wardCode: WARD, now: NOW, fields: { title: `Priority ${i}` } });
    const fourth = createPriority(db, { wardCode: WARD, fields: buildPriorityFields(), now: NOW });
    expect(() => publishPriority(db, { wardCode: WARD, priorityId: fourth, now: NOW })).toThrow(
      "This ward already has 3 active priorities, its limit.",
    );
  });

  it("writes the feed's change log with every published change, in order, with rising versions", () => {
    const db = createTestDb();
    const id = seedActivePriority(db, {
      wardCode: WARD,
      now: NOW,
      fields: { area: squareAroundWard(db, WARD) },
      isCallHandlingFlagged: true,
    });
    updatePriority(db, {
      wardCode: WARD,
      priorityId: id,
      fields: buildPriorityFields({ title: "Dealing in the gardens", area: squareAroundWard(db, WARD) }),
      now: NOW,
    });
    endPriority(db, {
      wardCode: WARD,
      priorityId: id,
      outcome: "achieved",
      date: "2027-02-01",
      reason: "Reports fell by two thirds",
      supersededById: null,
      now: NOW,
    });
    const log = db.select().from(feedChanges).orderBy(asc(feedChanges.id)).all();
    expect(log.map((c) => [c.kind, c.version, c.reason])).toEqual([
      ["upsert", 2, "published"],
      ["upsert", 3, "edited"],
      ["remove", 4, "achieved"],
    ]);
    expect(getPriorityInWard(db, WARD, id)).toMatchObject({
      status: "achieved",
      statusDate: "2027-02-01",
      statusReason: "Reports fell by two thirds",
    });
  });

  it("writes nothing when a flag or the fields are set to what they already are: no version, no feed change", () => {
    const db = createTestDb();
    const id = seedActivePriority(db, {
      wardCode: WARD,
      now: NOW,
      fields: { area: squareAroundWard(db, WARD), streets: ["Bernard Street"] },
      isCallHandlingFlagged: true,
    });
    const before = getPriorityInWard(db, WARD, id);
    const logLength = () => db.select().from(feedChanges).all().length;
    const changes = logLength();
    const later = new Date(NOW.getTime() + 60_000);

    setCallHandling(db, { wardCode: WARD, priorityId: id, isFlagged: true, now: later });
    updatePriority(db, { wardCode: WARD, priorityId: id, fields: PriorityFields.parse(before), now: later });
    expect(getPriorityInWard(db, WARD, id)).toEqual(before);
    expect(logLength()).toBe(changes);

    // A real change still writes one, and a flag removed is a change.
    setCallHandling(db, { wardCode: WARD, priorityId: id, isFlagged: false, now: later });
    updatePriority(db, {
      wardCode: WARD,
      priorityId: id,
      fields: PriorityFields.parse({ ...before, title: "Dealing by the station" }),
      now: later,
    });
    expect(getPriorityInWard(db, WARD, id).version).toBe(before.version + 2);
    expect(logLength()).toBe(changes + 2);
  });

  it("lists the priorities whose review is due", () => {
    const db = createTestDb();
    const id = seedActivePriority(db, { wardCode: WARD, now: NOW, fields: { reviewDate: "2027-02-01" } });
    expect(listReviewsDue(db, WARD, "2027-01-31")).toEqual([]);
    expect(listReviewsDue(db, WARD, "2027-02-01").map((p) => p.id)).toEqual([id]);
  });
});
