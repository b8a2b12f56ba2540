import type { AreaGeometry } from "../schema/geometry.js";
import type { FeedPriority, PriorityArea } from "../schema/priority.js";

/**
 * A valid feed priority for tests and fixtures; override what the test is about.
 * Defaults: active, flagged for a 60-minute response, valid from 2025-01-01 with no expiry,
 * no area at all (so a test states the matcher it relies on).
 */
export function buildPriority(
  overrides: Partial<Omit<FeedPriority, "area">> & { area?: Partial<PriorityArea> } = {},
): FeedPriority {
  const id = overrides.id ?? "pri-1";
  return {
    version: 1,
    status: "active",
    ward: { code: "E05013806", name: "Regent's Park", borough: { code: "E09000007", name: "Camden" } },
    title: `Priority ${id}`,
    description: "Agreed at the panel meeting.",
    category: "anti-social-behaviour",
    callHandling: { flagged: true, responseTargetMinutes: 60 },
    validFrom: "2025-01-01T00:00:00Z",
    reviewDate: "2025-04-01",
    expiresAt: null,
    decided: { meetingId: "meet-1", meetingDate: "2024-12-10", voteId: null, resultUrl: null },
    popupText: "Ward priority: check for a 60-minute attendance.",
    ...overrides,
    id,
    area: { geometry: null, streets: [], postcodes: [], postcodeSectors: [], beats: [], ...overrides.area },
  };
}

/** An axis-aligned rectangle as a GeoJSON Polygon, optionally with rectangular holes. */
export function rectangle(
  west: number,
  south: number,
  east: number,
  north: number,
  holes: [number, number, number, number][] = [],
): AreaGeometry {
  const ring = (w: number, s: number, e: number, n: number): [number, number][] => [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ];
  return { type: "Polygon", coordinates: [ring(west, south, east, north), ...holes.map((h) => ring(...h))] };
}
