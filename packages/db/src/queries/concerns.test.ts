import { describe, expect, it } from "vitest";

import { crimes } from "../schema";
import { createTestDb } from "../testing";
import { countCrimesNear, listConcernQueue, rejectConcern, submitConcern } from "./concerns";

const WARD = "E05013653";
const NOW = new Date("2026-11-25T12:00:00Z");
const POINT = { lon: -0.1246, lat: 51.5219 }; // Russell Square

function crime(id: string, month: string, category: string, metresNorth: number) {
  return {
    id,
    crimeId: id,
    month,
    force: "metropolitan",
    placement: "ward" as const,
    wardCode: WARD,
    boroughCode: "E09000007",
    category,
    lon: POINT.lon,
    lat: POINT.lat + metresNorth / 111_320,
  };
}

describe("concerns", () => {
  it("shows police.uk crimes near a concern's point: within the radius and the latest three months only", () => {
    const db = createTestDb();
    expect(countCrimesNear(db, { ...POINT, radiusMetres: 200, months: 3 })).toBeNull();
    db.insert(crimes)
      .values([
        crime("a", "2024-12", "drugs", 50),
        crime("b", "2024-11", "drugs", 150),
        crime("c", "2024-12", "burglary", 190),
        crime("d", "2024-12", "burglary", 260), // too far
        crime("e", "2024-09", "drugs", 10), // too old
      ])
      .run();
    expect(countCrimesNear(db, { ...POINT, radiusMetres: 200, months: 3 })).toEqual({
      from: "2024-10",
      to: "2024-12",
      radiusMetres: 200,
      byCategory: { drugs: 2, burglary: 1 },
    });
  });

  it("keeps rejected concerns out of the queue, with the reason", () => {
    const db = createTestDb();
    const id = submitConcern(db, {
      wardCode: WARD,
      source: "public_form",
      concern: {
        description: "Noisy neighbours",
        location: "Flat 3",
        postcode: "",
        lon: null,
        lat: null,
        category: "other",
      },
      tokenSecret: "a-secret-for-tests",
      now: NOW,
    }).concernId;
    rejectConcern(db, {
      wardCode: WARD,
      concernId: id,
      reason: "A council noise team matter: we passed it on",
      now: NOW,
    });
    expect(listConcernQueue(db, WARD)).toEqual([]);
    expect(() => rejectConcern(db, { wardCode: WARD, concernId: id, reason: "again", now: NOW })).toThrow(
      "This concern has already been dealt with",
    );
  });
});
