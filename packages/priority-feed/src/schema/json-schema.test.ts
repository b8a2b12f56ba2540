import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";
import * as z from "zod";

import { buildPriority, rectangle } from "../testing/build-priority.js";
import { promisedMinutes } from "../version.js";
import { FeedChangesPage, FeedSnapshot } from "./documents.js";
import { renderFeedJsonSchema } from "./json-schema.js";
import { FeedPriority } from "./priority.js";

describe("feed.schema.json", () => {
  it("is exactly what the zod schemas generate (run `pnpm run schema` and commit)", () => {
    const committed = readFileSync(new URL("../../feed.schema.json", import.meta.url), "utf8");
    expect(committed).toBe(renderFeedJsonSchema());
  });

  it("describes every field a control room relies on", () => {
    const schema = JSON.parse(renderFeedJsonSchema());
    const priority = schema.$defs.FeedPriority;
    expect(Object.keys(priority.properties).sort()).toEqual(
      [
        "area",
        "callHandling",
        "category",
        "decided",
        "description",
        "expiresAt",
        "id",
        "popupText",
        "reviewDate",
        "status",
        "title",
        "validFrom",
        "version",
        "ward",
      ].sort(),
    );
    expect(schema.$defs.FeedSnapshot.properties.items.items).toEqual({ $ref: "#/$defs/FeedPriority" });
    // Open objects: a 1.x consumer must accept fields a later 1.y adds.
    expect(priority.additionalProperties).toBeUndefined();
  });
});

describe("the zod schemas", () => {
  it("accept a complete priority and a changes page", () => {
    const item = buildPriority({
      area: { geometry: rectangle(0, 51, 0.1, 51.1), postcodes: ["NW1 7DX"], postcodeSectors: ["NW1 7"] },
    });
    expect(FeedPriority.parse(item)).toEqual(item);
    expect(
      FeedChangesPage.safeParse({
        schemaVersion: "1.0.0",
        changes: [
          { cursor: "x", kind: "upsert", item },
          { cursor: "y", kind: "remove", id: "p", reason: "deleted" },
        ],
        next: "y",
        hasMore: false,
      }).success,
    ).toBe(true);
  });

  it("refuse what would mislead a call handler", () => {
    const bad = (overrides: Record<string, unknown>) =>
      FeedPriority.safeParse({ ...buildPriority(), ...overrides }).success;
    expect(bad({ callHandling: { flagged: true, responseTargetMinutes: 30 } })).toBe(false);
    expect(
      bad({ callHandling: { flagged: true, responseTargetMinutes: null, responseTarget: { minutes: 0, force: "x" } } }),
    ).toBe(false);
    expect(bad({ status: "paused" })).toBe(false);
    expect(bad({ category: "loitering" })).toBe(false);
    expect(bad({ popupText: "x".repeat(201) })).toBe(false);
    expect(bad({ version: 1.5 })).toBe(false);
    expect(bad({ validFrom: "1 March" })).toBe(false);
    expect(bad({ area: { ...buildPriority().area, postcodes: ["nw17dx"] } })).toBe(false);
    // An unclosed ring would make point-in-polygon throw mid-call: refuse it at the door.
    expect(
      bad({
        area: {
          ...buildPriority().area,
          geometry: {
            type: "Polygon",
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 1],
              ],
            ],
          },
        },
      }),
    ).toBe(false);
    expect(
      bad({
        area: {
          ...buildPriority().area,
          geometry: {
            type: "Polygon",
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 1],
                [0, 0],
              ],
            ],
          },
        },
      }),
    ).toBe(true);
  });

  it("ignore unknown fields, so a newer minor version still reads", () => {
    const parsed = FeedSnapshot.parse({
      schemaVersion: "1.3.0",
      cursor: "c1",
      generatedAt: "2025-01-01T00:00:00Z",
      items: [{ ...buildPriority(), severity: "high" }],
      extra: 1,
    });
    expect(parsed.items[0]).not.toHaveProperty("severity");
  });
});

describe("the force's response target (schema 1.1)", () => {
  /** callHandling exactly as schema 1.0 published it: what installed consumers validate with. */
  const CallHandling10 = z.object({ flagged: z.boolean(), responseTargetMinutes: z.literal(60).nullable() });

  it("carries a force's own target as data, and a 1.0 consumer still reads the item", () => {
    const item = buildPriority({
      callHandling: { flagged: true, responseTargetMinutes: null, responseTarget: { minutes: 45, force: "kent" } },
      popupText: "Ward priority (Tonbridge): Speeding. 45-minute response.",
    });
    expect(FeedPriority.parse(item).callHandling.responseTarget).toEqual({ minutes: 45, force: "kent" });
    expect(promisedMinutes(item.callHandling)).toBe(45);
    expect(CallHandling10.safeParse(item.callHandling).success).toBe(true);
  });

  it("reads a 1.0 item, which has no responseTarget, by its 60-minute field", () => {
    const item = buildPriority({ callHandling: { flagged: true, responseTargetMinutes: 60 } });
    expect(FeedPriority.parse(item).callHandling.responseTarget).toBeUndefined();
    expect(promisedMinutes(item.callHandling)).toBe(60);
    expect(promisedMinutes({ responseTargetMinutes: null, responseTarget: null })).toBeNull();
  });
});
