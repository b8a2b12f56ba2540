import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { closeDb, openDb } from "../client";
import { feedChanges } from "../schema";
import { createTestDb, createTestDbFile, seedActivePriority, squareAroundWard } from "../testing";
import { listActiveFeedItems } from "./feed";
import { FLAG_LAPSED_REASON, lapseOverdueFlags } from "./flag-expiry";
import { getPackData } from "./packs-data";
import { getPriorityInWard, setCallHandling, updatePriority } from "./priorities";
import { addDays, reviewExpiry } from "./review-expiry";

const BLOOMSBURY = "E05013653";
const SEEDED = new Date("2026-11-01T12:00:00Z");
const ALL = { boroughCodes: [] };
const SITE = "https://wardpanel.example.org";

function seedFlagged(db: ReturnType<typeof createTestDb>, reviewDate: string, flagged = true) {
  return seedActivePriority(db, {
    wardCode: BLOOMSBURY,
    now: SEEDED,
    fields: { area: squareAroundWard(db, BLOOMSBURY), startDate: "2026-11-01", reviewDate },
    isCallHandlingFlagged: flagged,
  });
}

describe("review expiry", () => {
  it("ends at London midnight after review date + grace, in winter and summer time", () => {
    expect(reviewExpiry("2026-12-01", 14)).toBe("2026-12-16T00:00:00.000Z");
    // 2027-06-16 00:00 in London is 23:00 UTC the day before (BST).
    expect(reviewExpiry("2027-06-01", 14)).toBe("2027-06-15T23:00:00.000Z");
    expect(reviewExpiry("2026-12-01", 0)).toBe("2026-12-02T00:00:00.000Z");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-01-05", -10)).toBe("2026-12-26");
  });

  it("lapses only flagged priorities past it, from its very instant, and only once", () => {
    const db = createTestDb();
    const due = seedFlagged(db, "2026-12-01");
    const later = seedFlagged(db, "2026-12-02");
    seedFlagged(db, "2026-12-01", false);
    const expiry = new Date(reviewExpiry("2026-12-01", 14));
    const changesBefore = db.select().from(feedChanges).all().length;

    expect(lapseOverdueFlags(db, { now: new Date(expiry.getTime() - 1), graceDays: 14 })).toEqual([]);
    expect(lapseOverdueFlags(db, { now: expiry, graceDays: 14 })).toEqual([due]);
    expect(lapseOverdueFlags(db, { now: expiry, graceDays: 14 })).toEqual([]);
    const changes = db.select().from(feedChanges).all().slice(changesBefore);
    expect(changes).toMatchObject([{ priorityId: due, kind: "upsert", reason: FLAG_LAPSED_REASON, at: expiry }]);

    const items = listActiveFeedItems(db, ALL, SITE, undefined, 14);
    expect(items.find((i) => i.id === String(due))?.callHandling).toEqual({
      flagged: false,
      responseTargetMinutes: null,
      responseTarget: null,
      lapsed: true,
    });
    expect(items.find((i) => i.id === String(later))?.callHandling).toMatchObject({ flagged: true, lapsed: false });
    // The month's crime pack no longer promises the response for the lapsed one.
    const pack = getPackData(db, { wardCode: BLOOMSBURY, month: "2026-11", now: expiry });
    expect(pack.priorities.find((p) => p.id === due)?.isCallHandlingFlagged).toBe(false);
    expect(pack.priorities.find((p) => p.id === later)?.isCallHandlingFlagged).toBe(true);
  });

  it("stays lapsed for a review date still in the past; moving it to today or later restores the flag", () => {
    const db = createTestDb();
    const id = seedFlagged(db, "2026-12-01");
    const now = new Date("2026-12-20T10:00:00Z");
    lapseOverdueFlags(db, { now, graceDays: 14 });
    const edit = (reviewDate: string) => {
      const { area } = getPriorityInWard(db, BLOOMSBURY, id);
      updatePriority(db, {
        wardCode: BLOOMSBURY,
        priorityId: id,
        fields: {
          title: "Drug dealing in Russell Square gardens",
          problem: "Dealing most evenings.",
          category: "drugs",
          area,
          streets: [],
          postcodes: [],
          placeName: "",
          wantedAction: "Patrols.",
          successMeasure: "Fewer reports.",
          startDate: "2026-11-01",
          reviewDate,
          owner: "PS Okafor",
        },
        now,
      });
      return getPriorityInWard(db, BLOOMSBURY, id).flagLapsedAt;
    };
    expect(edit("2026-12-19")).toEqual(now);
    expect(edit("2026-12-20")).toBeNull();
    // Flag removed and set again: nothing lapsed remains to restore.
    lapseOverdueFlags(db, { now: new Date("2027-01-10T00:00:00Z"), graceDays: 14 });
    setCallHandling(db, { wardCode: BLOOMSBURY, priorityId: id, isFlagged: false, now });
    expect(getPriorityInWard(db, BLOOMSBURY, id).flagLapsedAt).toBeNull();
  });

  it("writes one change when two processes sweep the same database", () => {
    const path = join(mkdtempSync(join(tmpdir(), "wardpanel-expiry-")), "wardpanel.sqlite");
    const first = createTestDbFile(path);
    const second = openDb(path);
    try {
      const id = seedFlagged(first, "2026-12-01");
      const now = new Date("2026-12-20T00:00:00Z");
      const lapsed = [
        ...lapseOverdueFlags(first, { now, graceDays: 14 }),
        ...lapseOverdueFlags(second, { now, graceDays: 14 }),
      ];
      expect(lapsed).toEqual([id]);
      expect(
        second
          .select()
          .from(feedChanges)
          .all()
          .filter((c) => c.reason === FLAG_LAPSED_REASON),
      ).toHaveLength(1);
    } finally {
      closeDb(second);
      closeDb(first);
    }
  });
});
