import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { listWardMeetings } from "../queries/meetings";
import { getTeam } from "../queries/panels";
import { listWardPriorities } from "../queries/priorities";
import { wards } from "../schema";
import { createTestDb } from "../testing";
import { seedDemo } from "./demo";
import { BELSIZE_PLACES } from "./demo-places";

const BELSIZE = "E05013652";
type Ring = number[][];

/** Even-odd ray casting: is [lon, lat] inside the ring (WGS84 degrees; a point on an edge may go either way)? */
function inRing([x, y]: number[], ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi! > y! !== yj! > y! && x! < ((xj! - xi!) * (y! - yi!)) / (yj! - yi!) + xi!) inside = !inside;
  }
  return inside;
}

/** Inside a Polygon or MultiPolygon: in some part's outer ring and in none of its holes. */
function inGeometry(point: number[], geometry: { type: string; coordinates: unknown }): boolean {
  const polygons = (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates) as Ring[][];
  return polygons.some(([outer, ...holes]) => inRing(point, outer!) && !holes.some((hole) => inRing(point, hole)));
}

describe("the demo's Belsize places", () => {
  it("puts the venue, the team's base and every point and corner of the priority areas inside the Belsize boundary", async () => {
    const db = createTestDb();
    expect(await seedDemo(db)).toBe(true);
    const boundary = db.select({ boundary: wards.boundary }).from(wards).where(eq(wards.code, BELSIZE)).get()!.boundary;
    expect(inGeometry([-0.1246, 51.5219], boundary)).toBe(false); // Russell Square, Bloomsbury: the check can fail

    for (const place of Object.values(BELSIZE_PLACES)) {
      expect(inGeometry([place.lon, place.lat], boundary), place.name).toBe(true);
    }
    // What the demo stored names those places.
    const venues = new Set(listWardMeetings(db, BELSIZE).map((m) => m.venueName));
    expect([...venues]).toEqual([BELSIZE_PLACES.venue.name]);
    expect(getTeam(db, BELSIZE).contacts?.baseName).toBe(BELSIZE_PLACES.teamBase.name);

    const active = listWardPriorities(db, BELSIZE).filter((p) => p.status === "active");
    expect(active.length).toBeGreaterThanOrEqual(2);
    for (const priority of active) {
      const area = priority.area;
      expect(area, priority.title).not.toBeNull();
      const polygons = (area!.type === "Polygon" ? [area!.coordinates] : area!.coordinates) as Ring[][];
      for (const corner of polygons.flat().flat()) {
        expect(inGeometry(corner, boundary), `${priority.title} at ${String(corner)}`).toBe(true);
      }
    }
  });
});
