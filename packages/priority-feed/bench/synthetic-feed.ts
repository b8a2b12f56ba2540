import { readFileSync } from "node:fs";

import pointInPolygon from "point-in-polygon-hao";

import type { Call } from "../src/match/call.js";
import { CRIME_CATEGORIES } from "../src/schema/categories.js";
import type { AreaGeometry, Position } from "../src/schema/geometry.js";
import type { FeedPriority } from "../src/schema/priority.js";

/**
 * A realistic synthetic feed for the bench, built on the real London ward boundaries
 * (ONS, May 2022 — packages/db/data). Read here only; the package never needs the file.
 */
export interface Ward {
  code: string;
  name: string;
  boroughCode: string;
  boroughName: string;
  geometry: AreaGeometry;
  bbox: [number, number, number, number];
}

export function loadLondonWards(path: string): Ward[] {
  const collection = JSON.parse(readFileSync(path, "utf8")) as {
    features: { geometry: AreaGeometry; properties: Record<string, string> }[];
  };
  return collection.features.map(({ geometry: raw, properties }) => {
    const geometry = roundGeometry(raw);
    const bbox: Ward["bbox"] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const polygon of polygonsOf(geometry)) {
      for (const [x, y] of polygon[0] ?? []) {
        bbox[0] = Math.min(bbox[0], x);
        bbox[1] = Math.min(bbox[1], y);
        bbox[2] = Math.max(bbox[2], x);
        bbox[3] = Math.max(bbox[3], y);
      }
    }
    return {
      code: properties.WD22CD ?? "",
      name: properties.WD22NM ?? "",
      boroughCode: properties.LAD22CD ?? "",
      boroughName: properties.LAD22NM ?? "",
      geometry,
      bbox,
    };
  });
}

/**
 * Six decimal places (about 0.1 m), as RFC 7946 §11.2 recommends and as the server publishes:
 * the ONS file carries 15 or more, which only makes the snapshot bigger.
 */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function roundGeometry(geometry: AreaGeometry): AreaGeometry {
  const ring = (r: Position[]): Position[] => r.map(([x, y]) => [round6(x), round6(y)]);
  return geometry.type === "Polygon"
    ? { type: "Polygon", coordinates: geometry.coordinates.map(ring) }
    : { type: "MultiPolygon", coordinates: geometry.coordinates.map((polygon) => polygon.map(ring)) };
}

export function polygonsOf(geometry: AreaGeometry): Position[][][] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

export function inGeometry(geometry: AreaGeometry, x: number, y: number): boolean {
  return polygonsOf(geometry).some((polygon) => pointInPolygon([x, y], polygon) !== false);
}

/** mulberry32: a small seeded generator, so every bench run builds the same feed. */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pointInWard(ward: Ward, random: () => number): Position {
  for (;;) {
    const x = ward.bbox[0] + random() * (ward.bbox[2] - ward.bbox[0]);
    const y = ward.bbox[1] + random() * (ward.bbox[3] - ward.bbox[1]);
    if (inGeometry(ward.geometry, x, y)) return [x, y];
  }
}

/** A star-shaped (so simple) ring of `vertices` points around a centre, radius in metres. */
function irregularRing(centre: Position, radius: number, vertices: number, random: () => number): Position[] {
  const metresPerDegreeLat = 111_320;
  const metresPerDegreeLon = metresPerDegreeLat * Math.cos((centre[1] * Math.PI) / 180);
  const ring: Position[] = [];
  for (let i = 0; i < vertices; i++) {
    const angle = ((i + random() * 0.8) / vertices) * 2 * Math.PI;
    const r = radius * (0.55 + 0.45 * random());
    ring.push([
      round6(centre[0] + (r * Math.cos(angle)) / metresPerDegreeLon),
      round6(centre[1] + (r * Math.sin(angle)) / metresPerDegreeLat),
    ]);
  }
  ring.push([ring[0]![0], ring[0]![1]]);
  return ring;
}

// Common words repeat across London (every borough has a Church Road), as real names do.
const STREET_NAMES = [
  "High",
  "Church",
  "Station",
  "Park",
  "Victoria",
  "Green",
  "Manor",
  "Kings",
  "Queens",
  "Albert",
  "Mill",
  "London",
  "New",
  "Grove",
  "Elm",
  "Oak",
  "Cedar",
  "Windsor",
  "York",
  "Springfield",
  "Alexandra",
  "Arthur",
  "Balfour",
  "Beech",
  "Belmont",
  "Brook",
  "Cambridge",
  "Castle",
  "Chapel",
  "Chestnut",
  "Clarence",
  "College",
  "Cromwell",
  "Dean",
  "Devonshire",
  "Egerton",
  "Essex",
  "Fairfield",
  "Farm",
  "Gordon",
  "Grange",
  "Hamilton",
  "Hanover",
  "Harrow",
  "Hazel",
  "Highfield",
  "Hill",
  "Holly",
  "Kent",
  "Lansdowne",
  "Laurel",
  "Lime",
  "Linden",
  "Maple",
  "Market",
  "Marlborough",
  "Melbourne",
  "Nelson",
  "Norfolk",
  "North",
  "Orchard",
  "Oxford",
  "Palmerston",
  "Queensway",
  "Regent",
  "Richmond",
  "Rosebery",
  "St Johns",
  "St Marys",
  "Salisbury",
  "School",
  "South",
  "Stanley",
  "Sussex",
  "Sydney",
  "Trinity",
  "Tudor",
  "Union",
  "Vicarage",
  "Walnut",
  "Warwick",
  "Waterloo",
  "Wellington",
  "West",
  "Willow",
  "Woodland",
  "Worcester",
];
const STREET_TYPES = [
  "Street",
  "Road",
  "Avenue",
  "Lane",
  "Close",
  "Gardens",
  "Crescent",
  "Way",
  "Place",
  "Grove",
  "Terrace",
  "Drive",
];
const OUTWARDS = [
  "E1",
  "E8",
  "N1",
  "N7",
  "NW1",
  "NW5",
  "SE1",
  "SE15",
  "SW2",
  "SW9",
  "W2",
  "W10",
  "EC1V",
  "WC1X",
  "CR0",
  "HA0",
  "IG1",
  "TW3",
  "UB1",
  "BR1",
];
const LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)]!;
}

function streetName(random: () => number): string {
  return `${pick(STREET_NAMES, random)} ${pick(STREET_TYPES, random)}`;
}

/** Each ward has its own ~40 streets; priorities and calls in the ward name those. */
const wardStreets = new Map<string, string[]>();
export function streetsOf(ward: Ward, random: () => number): string[] {
  let streets = wardStreets.get(ward.code);
  if (!streets) {
    streets = Array.from({ length: 40 }, () => streetName(random));
    wardStreets.set(ward.code, streets);
  }
  return streets;
}

/** Half the width of the ward's bounding box, in metres: sub-areas are sized from it. */
function wardRadius(ward: Ward): number {
  const widthM = (ward.bbox[2] - ward.bbox[0]) * 111_320 * Math.cos((ward.bbox[1] * Math.PI) / 180);
  const heightM = (ward.bbox[3] - ward.bbox[1]) * 111_320;
  return Math.sqrt(widthM * heightM) / 2;
}

function postcode(random: () => number): string {
  return `${pick(OUTWARDS, random)} ${Math.floor(random() * 10)}${pick([...LETTERS], random)}${pick([...LETTERS], random)}`;
}

/**
 * Priorities in the proportions a force would see, since inspectors asked for priorities
 * specific enough to act on: a tenth cover the whole ward; most cover part of it (an irregular
 * polygon of 10–40 points, 15–45% of the ward's width across); some an estate with a hole or two
 * separate sites; a tenth are streets and postcodes only. 25,000 is ten times London's real
 * count, so each ward holds about 35 priorities here against about 4 in life.
 */
export function buildPriorities(wards: readonly Ward[], count: number, random: () => number): FeedPriority[] {
  const items: FeedPriority[] = [];
  for (let i = 0; i < count; i++) {
    const ward = pick(wards, random);
    const kind = random();
    let geometry: AreaGeometry | null;
    const radius = wardRadius(ward);
    if (kind < 0.1) {
      geometry = ward.geometry;
    } else if (kind < 0.8) {
      geometry = {
        type: "Polygon",
        coordinates: [
          irregularRing(
            pointInWard(ward, random),
            radius * (0.15 + random() * 0.3),
            10 + Math.floor(random() * 31),
            random,
          ),
        ],
      };
    } else if (kind < 0.85) {
      const centre = pointInWard(ward, random);
      geometry = {
        type: "Polygon",
        coordinates: [irregularRing(centre, radius * 0.4, 24, random), irregularRing(centre, radius * 0.1, 10, random)],
      };
    } else if (kind < 0.9) {
      geometry = {
        type: "MultiPolygon",
        coordinates: [
          [irregularRing(pointInWard(ward, random), radius * 0.15, 16, random)],
          [irregularRing(pointInWard(ward, random), radius * 0.15, 16, random)],
        ],
      };
    } else {
      geometry = null;
    }
    const streets = Array.from({ length: geometry ? Math.floor(random() * 3) : 1 + Math.floor(random() * 3) }, () =>
      pick(streetsOf(ward, random), random),
    );
    items.push({
      id: `pri-${String(i).padStart(5, "0")}`,
      version: 1,
      status: "active",
      ward: { code: ward.code, name: ward.name, borough: { code: ward.boroughCode, name: ward.boroughName } },
      title: `${pick(["Moped", "Drug dealing", "Burglary", "Rough sleeping", "Speeding", "Shoplifting"], random)} around ${streets[0] ?? ward.name}`,
      description: "Residents raised this at the open meeting; the panel agreed it as a priority for three months.",
      category: random() < 0.85 ? pick(CRIME_CATEGORIES, random) : null,
      callHandling: { flagged: true, responseTargetMinutes: random() < 0.9 ? 60 : null },
      area: {
        geometry,
        streets,
        postcodes: random() < 0.3 ? [postcode(random)] : [],
        postcodeSectors: random() < 0.1 ? [postcode(random).slice(0, -2)] : [],
        beats: [],
      },
      validFrom: "2025-01-01T00:00:00Z",
      reviewDate: "2025-04-01",
      expiresAt: null,
      decided: {
        meetingId: `meet-${i}`,
        meetingDate: "2024-12-10",
        voteId: `vote-${i}`,
        resultUrl: `https://wardpanel.example/meetings/meet-${i}`,
      },
      popupText: "Agreed ward priority: attend within 60 minutes if attendance is needed.",
    });
  }
  return items;
}

/**
 * Calls: most at a point in a random ward (calls cluster where people are, and small central
 * wards get as many as large outer ones), some anywhere in the London box. A street, when given,
 * is one of the ward's streets, as a CAD record's street is where the incident is.
 */
export function buildCalls(wards: readonly Ward[], count: number, random: () => number): Call[] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { bbox } of wards) {
    box[0] = Math.min(box[0], bbox[0]);
    box[1] = Math.min(box[1], bbox[1]);
    box[2] = Math.max(box[2], bbox[2]);
    box[3] = Math.max(box[3], bbox[3]);
  }
  const at = "2025-06-01T12:00:00Z";
  return Array.from({ length: count }, (): Call => {
    const ward = pick(wards, random);
    const [lon, lat] =
      random() < 0.8
        ? pointInWard(ward, random)
        : [box[0] + random() * (box[2] - box[0]), box[1] + random() * (box[3] - box[1])];
    return {
      lon,
      lat,
      at,
      street: random() < 0.3 ? pick(streetsOf(ward, random), random) : null,
      postcode: random() < 0.3 ? postcode(random) : null,
      category: pick(CRIME_CATEGORIES, random),
    };
  });
}
