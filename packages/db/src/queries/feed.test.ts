import { describe, expect, it } from "vitest";

import { feedChanges } from "../schema";
import {
  buildPriorityFields,
  createTestDb,
  seedActivePriority,
  seedPanel,
  seedPublishedMeeting,
  squareAroundWard,
} from "../testing";
import {
  canonicalPostcode,
  getFeedHead,
  getOldestUsableCursor,
  popupText,
  pruneFeedChanges,
  readFeedChangesPage,
  readFeedSnapshot,
  UNRECORDED_MEETING_ID,
} from "./feed";
import { createPriority, endPriority, publishPriority, setCallHandling, updatePriority } from "./priorities";

const BLOOMSBURY = "E05013653"; // Camden
const HOLBORN = "E05013662"; // Camden
const CAMDEN = "E09000007";
const WESTMINSTER_WARD = "E05013806"; // St James's, Westminster
const SITE = "https://wardpanel.example.org";
const NOW = new Date("2026-11-25T12:00:00Z");
const ALL = { boroughCodes: [] };

describe("the feed projection", () => {
  it("publishes an active priority as the feed item a call handler acts on", () => {
    const db = createTestDb();
    const meetingId = seedPublishedMeeting(db, {
      wardCode: BLOOMSBURY,
      date: "2026-10-13",
      now: new Date("2026-09-01T12:00:00Z"),
    });
    const id = createPriority(db, {
      wardCode: BLOOMSBURY,
      fields: buildPriorityFields({
        area: squareAroundWard(db, BLOOMSBURY),
        postcodes: ["wc1n1lj"],
        reviewDate: "2027-02-01",
      }),
      decidedAtMeetingId: meetingId,
      voteId: 7,
      now: NOW,
    });
    setCallHandling(db, { wardCode: BLOOMSBURY, priorityId: id, isFlagged: true, now: NOW });
    publishPriority(db, { wardCode: BLOOMSBURY, priorityId: id, now: NOW });

    const { items, cursor } = readFeedSnapshot(db, ALL, SITE);
    expect(cursor).toBeGreaterThan(0);
    expect(items).toHaveLength(1);
    const item = items[0]!;
    expect(item).toMatchObject({
      id: String(id),
      status: "active",
      ward: { code: BLOOMSBURY, name: "Bloomsbury", borough: { code: CAMDEN, name: "Camden" } },
      title: "Drug dealing in Russell Square gardens",
      description: "Residents see drug dealing near the children's play area most evenings.",
      category: "drugs",
      callHandling: {
        flagged: true,
        responseTargetMinutes: 60,
        responseTarget: { minutes: 60, force: "metropolitan" },
        lapsed: false,
      },
      validFrom: "2026-11-01T00:00:00.000Z",
      reviewDate: "2027-02-01",
      // The end of the review date + the default 14 days' grace, London time (decision 0029).
      expiresAt: "2027-02-16T00:00:00.000Z",
      decided: {
        meetingId: String(meetingId),
        meetingDate: "2026-10-13",
        voteId: "7",
        resultUrl: `${SITE}/wards/${BLOOMSBURY}/votes/7`,
      },
      popupText: "Ward priority (Bloomsbury): Drug dealing in Russell Square gardens. 60-minute response.",
    });
    expect(item.area.postcodes).toEqual(["WC1N 1LJ"]);
    expect(item.area.postcodeSectors).toEqual([]);

    // A force's own target is carried as data; schema 1.0's field, which can only say 60, is null.
    const kent = { minutes: 45, force: "kent" };
    const [own] = readFeedSnapshot(db, ALL, SITE, kent).items;
    expect(own!.callHandling).toEqual({
      flagged: true,
      responseTargetMinutes: null,
      responseTarget: kent,
      lapsed: false,
    });
    expect(own!.popupText).toBe(
      "Ward priority (Bloomsbury): Drug dealing in Russell Square gardens. 45-minute response.",
    );
    const page = readFeedChangesPage(db, { after: 0, limit: 10, scope: ALL, siteUrl: SITE, responseTarget: kent });
    expect(page.changes.map((c) => (c.kind === "upsert" ? c.item.callHandling.responseTarget : null))).toEqual([kent]);
    // Six decimal places at most, and every ring closed.
    const ring = (item.area.geometry as { coordinates: number[][][] }).coordinates[0]!;
    for (const [x, y] of ring) expect([x, y]).toEqual([Math.round(x! * 1e6) / 1e6, Math.round(y! * 1e6) / 1e6]);
    expect(ring[0]).toEqual(ring.at(-1));
  });

  it("gives validFrom at London midnight, in summer time too, and says when no meeting is recorded", () => {
    const db = createTestDb();
    seedActivePriority(db, {
      wardCode: BLOOMSBURY,
      now: NOW,
      fields: { startDate: "2026-06-01", reviewDate: "2026-09-01" },
    });
    const [item] = readFeedSnapshot(db, ALL, SITE).items;
    expect(item!.validFrom).toBe("2026-05-31T23:00:00.000Z");
    expect(item!.decided).toEqual({
      meetingId: UNRECORDED_MEETING_ID,
      meetingDate: "2026-11-25",
      voteId: null,
      resultUrl: null,
    });
    expect(item!.callHandling).toEqual({
      flagged: false,
      responseTargetMinutes: null,
      responseTarget: null,
      lapsed: false,
    });
    // Review 1 September (summer time) + 14 days: London midnight starting 16 September.
    expect(item!.expiresAt).toBe("2026-09-15T23:00:00.000Z");
    expect(item!.popupText).toBe("Ward priority (Bloomsbury): Drug dealing in Russell Square gardens.");
  });

  it("limits items to the scope: the key's boroughs, then ward and borough filters", () => {
    const db = createTestDb();
    seedActivePriority(db, { wardCode: BLOOMSBURY, now: NOW });
    seedActivePriority(db, { wardCode: HOLBORN, now: NOW });
    seedActivePriority(db, { wardCode: WESTMINSTER_WARD, now: NOW });
    createPriority(db, { wardCode: BLOOMSBURY, fields: buildPriorityFields({ title: "Draft only" }), now: NOW });
    const wardsOf = (scope: Parameters<typeof readFeedSnapshot>[1]) =>
      readFeedSnapshot(db, scope, SITE).items.map((i) => i.ward.code);
    expect(wardsOf(ALL).sort()).toEqual([BLOOMSBURY, HOLBORN, WESTMINSTER_WARD].sort());
    expect(wardsOf({ boroughCodes: [CAMDEN] }).sort()).toEqual([BLOOMSBURY, HOLBORN].sort());
    expect(wardsOf({ boroughCodes: [CAMDEN], wardCode: HOLBORN })).toEqual([HOLBORN]);
    expect(wardsOf({ boroughCodes: [], boroughCode: CAMDEN })).toHaveLength(2);
  });

  it("keeps the pop-up within 200 characters", () => {
    const text = popupText("Holborn & Covent Garden", "x".repeat(250), 60);
    expect(text.length).toBeLessThanOrEqual(200);
    expect(text.endsWith("…. 60-minute response.")).toBe(true);
    expect(canonicalPostcode("nw1 7dx")).toBe("NW1 7DX");
    expect(canonicalPostcode("not a postcode")).toBeNull();
  });
});

describe("the feed's changes", () => {
  it("pages through changes after a cursor: the current item or a tombstone, each priority once per page", () => {
    const db = createTestDb();
    seedPanel(db, BLOOMSBURY);
    const start = getFeedHead(db).cursor;
    const a = seedActivePriority(db, { wardCode: BLOOMSBURY, now: NOW, fields: { title: "A" } });
    const b = seedActivePriority(db, { wardCode: BLOOMSBURY, now: NOW, fields: { title: "B" } });
    updatePriority(db, {
      wardCode: BLOOMSBURY,
      priorityId: a,
      fields: buildPriorityFields({ title: "A, edited" }),
      now: NOW,
    });
    endPriority(db, {
      wardCode: BLOOMSBURY,
      priorityId: b,
      outcome: "withdrawn",
      date: "2026-11-25",
      reason: "Moved to the council",
      supersededById: null,
      now: NOW,
    });

    const page = readFeedChangesPage(db, { after: start, limit: 100, scope: ALL, siteUrl: SITE });
    expect(page.hasMore).toBe(false);
    expect(page.next).toBe(getFeedHead(db).cursor);
    expect(
      page.changes.map((c) =>
        c.kind === "upsert" ? `upsert ${c.item.title} v${c.item.version}` : `remove ${c.id} ${c.reason}`,
      ),
    ).toEqual(["upsert A, edited v3", `remove ${b} withdrawn`]);

    const first = readFeedChangesPage(db, { after: start, limit: 1, scope: ALL, siteUrl: SITE });
    expect(first.hasMore).toBe(true);
    expect(first.next).toBe(start + 1);
    const none = readFeedChangesPage(db, { after: page.next, limit: 10, scope: ALL, siteUrl: SITE });
    expect(none).toEqual({ changes: [], next: page.next, hasMore: false });
  });

  it("skips changes outside the scope but still moves the cursor past them", () => {
    const db = createTestDb();
    seedActivePriority(db, { wardCode: WESTMINSTER_WARD, now: NOW });
    const page = readFeedChangesPage(db, { after: 0, limit: 10, scope: { boroughCodes: [CAMDEN] }, siteUrl: SITE });
    expect(page.changes).toEqual([]);
    expect(page.next).toBe(getFeedHead(db).cursor);
  });

  it("prunes old history but always keeps the newest change, so the usable cursor is known", () => {
    const db = createTestDb();
    seedPanel(db, BLOOMSBURY);
    seedActivePriority(db, { wardCode: BLOOMSBURY, now: new Date("2026-01-01T00:00:00Z") });
    seedActivePriority(db, { wardCode: BLOOMSBURY, now: new Date("2026-01-02T00:00:00Z") });
    const head = getFeedHead(db).cursor;
    expect(getOldestUsableCursor(db)).toBe(0);
    expect(pruneFeedChanges(db, { before: new Date("2026-06-01T00:00:00Z") })).toBe(1);
    expect(
      db
        .select()
        .from(feedChanges)
        .all()
        .map((c) => c.id),
    ).toEqual([head]);
    expect(getOldestUsableCursor(db)).toBe(head - 1);
  });
});
