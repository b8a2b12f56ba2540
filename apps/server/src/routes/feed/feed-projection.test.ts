import { listActiveFeedItems } from "@wardpanel/db/queries/feed";
import { createPriority, publishPriority } from "@wardpanel/db/queries/priorities";
import {
  buildPriorityFields,
  createTestDb,
  seedActivePriority,
  seedPanel,
  squareAroundWard,
} from "@wardpanel/db/testing";
import { createMatcher, FeedPriority } from "@wardpanel/priority-feed";
import { describe, expect, it } from "vitest";

const BLOOMSBURY = "E05013653";
const NOW = new Date("2026-11-25T12:00:00Z");

/**
 * The db package builds feed items without depending on @wardpanel/priority-feed; this is where
 * the two meet: every item must pass the package's own schema, and its matcher must find it.
 */
describe("the feed projection against @wardpanel/priority-feed", () => {
  it("produces items the package's schema accepts for every shape of priority a ward can publish", () => {
    const db = createTestDb();
    seedPanel(db, BLOOMSBURY);
    const square = squareAroundWard(db, BLOOMSBURY) as { type: "Polygon"; coordinates: [number, number][][] };
    const ring = square.coordinates[0]!;
    // A drawn area whose ring the browser left open, as a MultiPolygon of two parts.
    const open = ring.slice(0, 4).map(([x, y]) => [x + 0.01, y] as [number, number]);
    const multi = { type: "MultiPolygon" as const, coordinates: [[ring], [open]] };
    seedActivePriority(db, {
      wardCode: BLOOMSBURY,
      now: NOW,
      fields: { area: square, postcodes: ["wc1n1lj"] },
      isCallHandlingFlagged: true,
    });
    seedActivePriority(db, {
      wardCode: BLOOMSBURY,
      now: NOW,
      fields: { area: multi, title: `${"Very long title ".repeat(7)}end`, category: null },
    });
    const noArea = createPriority(db, {
      wardCode: BLOOMSBURY,
      fields: buildPriorityFields({ area: null, streets: [], postcodes: [], placeName: "The Brunswick Centre" }),
      now: NOW,
    });
    publishPriority(db, { wardCode: BLOOMSBURY, priorityId: noArea, now: NOW });

    const items = listActiveFeedItems(db, { boroughCodes: [] }, "http://127.0.0.1:3000");
    expect(items).toHaveLength(3);
    for (const item of items) expect(FeedPriority.safeParse(item).error?.issues ?? []).toEqual([]);

    const matcher = createMatcher(items.map((item) => FeedPriority.parse(item)));
    const [lon, lat] = [(ring[0]![0] + ring[2]![0]) / 2, (ring[0]![1] + ring[2]![1]) / 2];
    const matches = matcher.match({ lon, lat, postcode: "WC1N 1LJ", at: "2026-12-01T12:00:00Z" });
    expect(matches.map((m) => m.matchedOn)).toEqual([
      ["area", "postcode"],
      ["area", "postcode"],
    ]);
    // Before the priority's start date nothing matches.
    expect(matcher.match({ lon, lat, at: "2026-10-01T12:00:00Z" })).toEqual([]);
  });
});
