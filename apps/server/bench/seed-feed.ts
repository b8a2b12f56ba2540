import type { Db } from "@wardpanel/db/client";
import { createPriority, publishPriority, setActiveLimit, setCallHandling } from "@wardpanel/db/queries/priorities";
import { buildPriorityFields, seedPanel } from "@wardpanel/db/testing";
import type { AreaGeometry } from "@wardpanel/validators";

/**
 * Seeds `count` active priorities through the real lifecycle functions (so the change log is
 * what production writes), spread over every London ward, with areas built from the real ward
 * boundaries as packages/priority-feed/bench does: a tenth whole-ward, most an irregular
 * 10–40-point polygon inside the ward, a tenth streets and postcodes only.
 */
export type BenchWard = {
  code: string;
  lon: number;
  lat: number;
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
  boundary: AreaGeometry;
};

export function loadWards(db: Db): BenchWard[] {
  const rows = db.$client
    .prepare(
      "select code, label_lon as lon, label_lat as lat, min_lon as minLon, min_lat as minLat, max_lon as maxLon, max_lat as maxLat, boundary from wards order by code",
    )
    .all() as (Omit<BenchWard, "boundary"> & { boundary: string })[];
  return rows.map((row) => ({ ...row, boundary: JSON.parse(row.boundary) as AreaGeometry }));
}

/** mulberry32: the same feed on every run. */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STREETS = [
  "High Street",
  "Church Road",
  "Station Road",
  "Park Road",
  "Victoria Road",
  "Green Lane",
  "Manor Road",
  "Kings Road",
  "Queens Road",
  "Albert Road",
  "Mill Lane",
  "London Road",
];
const CATEGORIES = [
  "anti-social-behaviour",
  "burglary",
  "drugs",
  "robbery",
  "vehicle-crime",
  "violent-crime",
  "shoplifting",
  null,
] as const;

function irregularArea(ward: BenchWard, random: () => number): AreaGeometry {
  const halfWidth = (ward.maxLon - ward.minLon) / 2;
  const halfHeight = (ward.maxLat - ward.minLat) / 2;
  const centre = [ward.lon + (random() - 0.5) * halfWidth * 0.4, ward.lat + (random() - 0.5) * halfHeight * 0.4];
  const vertices = 10 + Math.floor(random() * 31);
  const scale = 0.15 + random() * 0.3;
  const ring: [number, number][] = [];
  for (let i = 0; i < vertices; i++) {
    const angle = ((i + random() * 0.8) / vertices) * 2 * Math.PI;
    const r = scale * (0.55 + 0.45 * random());
    ring.push([centre[0]! + Math.cos(angle) * halfWidth * r, centre[1]! + Math.sin(angle) * halfHeight * r]);
  }
  ring.push([ring[0]![0], ring[0]![1]]);
  return { type: "Polygon", coordinates: [ring] };
}

export function seedBenchPriorities(db: Db, count: number, random = seededRandom(2500)): BenchWard[] {
  const wards = loadWards(db);
  const perWard = Math.ceil(count / wards.length) + 1;
  const now = new Date("2026-01-05T12:00:00Z");
  db.transaction(() => {
    for (const ward of wards) {
      seedPanel(db, ward.code);
      setActiveLimit(db, ward.code, Math.min(10, Math.max(3, perWard)));
    }
    for (let i = 0; i < count; i++) {
      const ward = wards[i % wards.length]!;
      const kind = random();
      const area = kind < 0.1 ? ward.boundary : kind < 0.9 ? irregularArea(ward, random) : null;
      const street = STREETS[Math.floor(random() * STREETS.length)]!;
      const fields = buildPriorityFields({
        title: `Priority ${i} around ${street}`,
        category: CATEGORIES[Math.floor(random() * CATEGORIES.length)] ?? null,
        area,
        streets: area && random() < 0.5 ? [] : [street],
        postcodes: random() < 0.3 ? ["NW1 7DX"] : [],
        startDate: "2026-01-01",
        reviewDate: "2026-04-01",
      });
      const id = createPriority(db, { wardCode: ward.code, fields, now });
      if (area && random() < 0.9) setCallHandling(db, { wardCode: ward.code, priorityId: id, isFlagged: true, now });
      publishPriority(db, { wardCode: ward.code, priorityId: id, now });
    }
  });
  return wards;
}
