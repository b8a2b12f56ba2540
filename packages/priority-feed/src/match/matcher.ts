import type { FeedPriority } from "../schema/priority.js";
import { promisedMinutes } from "../version.js";
import { areaIndexSteps } from "./area-index.js";
import { type Call, callTime } from "./call.js";
import {
  isStreetKey,
  normaliseBeat,
  normaliseCategory,
  normalisePostcode,
  normaliseStreet,
  normaliseWard,
} from "./normalise.js";
import { drain, type Steps } from "./steps.js";

export type MatchKind = "area" | "street" | "postcode" | "postcode-sector" | "beat" | "category";

export interface Match {
  priority: FeedPriority;
  /** Why it matched, in this order: area, street, postcode, postcode-sector, beat, category. */
  matchedOn: readonly MatchKind[];
}

export interface Matcher {
  /** Priorities the call relates to, best first (see README, "Matching"). */
  match(call: Call): Match[];
  /** Priorities that can match at some time: those with status "active". */
  readonly size: number;
}

const AREA = 1,
  STREET = 2,
  POSTCODE = 4,
  SECTOR = 8,
  BEAT = 16,
  CATEGORY = 32;
const KINDS: readonly [number, MatchKind][] = [
  [AREA, "area"],
  [STREET, "street"],
  [POSTCODE, "postcode"],
  [SECTOR, "postcode-sector"],
  [BEAT, "beat"],
  [CATEGORY, "category"],
];
/** Every possible matchedOn list, built once, so a match allocates no array for it. */
const MATCHED_ON: readonly (readonly MatchKind[])[] = Array.from({ length: 64 }, (_, mask) =>
  Object.freeze(KINDS.filter(([bit]) => mask & bit).map(([, kind]) => kind)),
);
const NO_MATCHES: Match[] = Object.freeze([]) as unknown as Match[];

/**
 * A street name is not unique across London (there are dozens of High Streets), so a street match
 * is scoped: when the call names its ward, only priorities of that ward match by street; when the
 * call has coordinates and the priority has an area, the call must also be within about 1 km of
 * that area's bounding box. Without either, the name alone counts.
 */
const STREET_SCOPE_LAT = 0.009; // ≈ 1 km
const STREET_SCOPE_LON = 0.0145; // ≈ 1 km at London's latitude

/**
 * Builds a matcher over a feed copy. Work that depends only on the feed — normalised keys,
 * validity instants, the spatial index — is done here, so `match` only looks things up.
 */
export function createMatcher(items: readonly FeedPriority[]): Matcher {
  return drain(matcherSteps(items));
}

/**
 * createMatcher as steps of about one item each (steps.ts), for a server that builds the next
 * matcher a few milliseconds at a time while the current one keeps answering, then swaps.
 */
export function* matcherSteps(items: readonly FeedPriority[]): Steps<Matcher> {
  // Only active priorities can ever match; the rest are dropped now rather than per call.
  const active = items.filter((item) => item.status === "active");
  const n = active.length;

  const validFrom = new Float64Array(n);
  const expiresAt = new Float64Array(n);
  const bounds = new Float64Array(n * 4).fill(NaN);
  const categories = new Array<string | null>(n);
  const streets = new Map<string, number[]>();
  const postcodes = new Map<string, number[]>();
  const sectors = new Map<string, number[]>();
  const beats = new Map<string, number[]>();
  // Wards as small numbers, so the street scope compares integers: wardIds maps a code to its number.
  const wardIds = new Map<string, number>();
  const wardOf = new Int32Array(n);

  // Shared by the feed (priorities repeat street names too) and the calls; see below. Kept across
  // matchers, so a server rebuilding after each change normalises only streets it has not seen.
  const streetKey = sharedStreetKey;
  for (let i = 0; i < n; i++) {
    yield;
    const item = active[i]!;
    const wardCode = normaliseWard(item.ward.code);
    if (!wardIds.has(wardCode)) wardIds.set(wardCode, wardIds.size);
    wardOf[i] = wardIds.get(wardCode)!;
    validFrom[i] = Date.parse(item.validFrom);
    expiresAt[i] = item.expiresAt === null ? Infinity : Date.parse(item.expiresAt);
    categories[i] = item.category;
    writeBounds(item, bounds, i);
    for (const street of item.area.streets) {
      const key = streetKey(street);
      if (isStreetKey(key)) addKey(streets, key, i);
    }
    for (const postcode of item.area.postcodes) addKey(postcodes, normalisePostcode(postcode).full, i);
    for (const sector of item.area.postcodeSectors) addKey(sectors, normalisePostcode(sector).sector, i);
    for (const beat of item.area.beats) addKey(beats, normaliseBeat(beat), i);
  }
  const area = yield* areaIndexSteps(active.map((item) => item.area.geometry));

  // Per-call scratch, reused: `stamp` marks which items this call touched (a generation counter
  // avoids clearing it), `mask` collects the reasons, `touched` lists the touched items.
  const stamp = new Int32Array(n);
  const mask = new Uint8Array(n);
  const touched = new Int32Array(n);
  const areaHits = new Int32Array(area.capacity);
  // Calls repeat the same few thousand street names and categories: normalising each once, not
  // once per call, takes regular expressions out of the hot path. Bounded so it cannot grow forever.
  const categoryKey = memoise(normaliseCategory);
  const postcodeKey = memoise(normalisePostcode);
  const beatKey = memoise(normaliseBeat);
  const wardKey = memoise((code: string) => wardIds.get(normaliseWard(code)) ?? NO_WARD);
  let generation = 0;
  let touchedCount = 0;
  let now = 0;

  function mark(i: number, bit: number): void {
    if (!(validFrom[i]! <= now && now < expiresAt[i]!)) return;
    if (stamp[i] !== generation) {
      stamp[i] = generation;
      mask[i] = 0;
      touched[touchedCount++] = i;
    }
    mask[i]! |= bit;
  }

  function markAll(list: number[] | undefined, bit: number): void {
    if (list === undefined) return;
    for (let k = 0; k < list.length; k++) mark(list[k]!, bit);
  }

  // Sorting: each touched item gets one number, (rank, position in id order), and the numbers
  // are sorted as a typed array — no comparator calls, no per-call arrays beyond the results.
  const idOrder = new Float64Array(n);
  active
    .map((item, i) => [item.id, i] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .forEach(([, i], position) => (idOrder[i] = position));
  const itemAtIdOrder = new Int32Array(n);
  idOrder.forEach((position, i) => (itemAtIdOrder[position] = i));
  const promised = Uint8Array.from(active, (item) => (promisedMinutes(item.callHandling) !== null ? 1 : 0));
  const sortKeys = new Float64Array(n);

  return {
    size: n,
    match(call) {
      now = callTime(call.at);
      generation = generation === 0x7fffffff ? 1 : generation + 1;
      if (generation === 1) stamp.fill(0);
      touchedCount = 0;

      const lon = call.lon,
        lat = call.lat;
      const hasPoint =
        typeof lon === "number" && typeof lat === "number" && Number.isFinite(lon) && Number.isFinite(lat);
      if (hasPoint) {
        const found = area.collect(lon, lat, areaHits);
        for (let k = 0; k < found; k++) mark(areaHits[k]!, AREA);
      }
      if (call.street) {
        // Place keys ("#supermarket") are never in `streets`, so they find nothing here.
        const list = streets.get(streetKey(call.street));
        if (list !== undefined) {
          const ward = call.ward ? wardKey(call.ward) : ANY_WARD;
          for (let k = 0; k < list.length; k++) {
            const i = list[k]!;
            if (ward !== ANY_WARD && wardOf[i] !== ward) continue;
            if (!hasPoint || nearBounds(bounds, i, lon, lat)) mark(i, STREET);
          }
        }
      }
      if (call.postcode) {
        const { full, sector } = postcodeKey(call.postcode);
        if (full !== null) markAll(postcodes.get(full), POSTCODE);
        if (sector !== null) markAll(sectors.get(sector), SECTOR);
      }
      if (call.beat) markAll(beats.get(beatKey(call.beat)), BEAT);
      if (touchedCount === 0) return NO_MATCHES;

      const category = call.category ? categoryKey(call.category) : null;
      for (let k = 0; k < touchedCount; k++) {
        const i = touched[k]!;
        if (category !== null && categories[i] === category) mask[i]! |= CATEGORY;
        sortKeys[k] = (RANK_LIMIT - rank(mask[i]!, promised[i]!)) * n + idOrder[i]!;
      }
      const keys = touchedCount > 1 ? sortKeys.subarray(0, touchedCount).sort() : sortKeys;
      const results = new Array<Match>(touchedCount);
      for (let k = 0; k < touchedCount; k++) {
        const i = itemAtIdOrder[keys[k]! % n]!;
        results[k] = { priority: active[i]!, matchedOn: MATCHED_ON[mask[i]!]! };
      }
      return results;
    },
  };
}

/**
 * Order for the call handler: category agreement first (the call is about this problem), then
 * priorities carrying the 60-minute promise, then those matched on more kinds of location.
 * Ties fall back to id so the order is stable between runs.
 */
function rank(mask: number, promised: number): number {
  const locations =
    (mask & AREA ? 1 : 0) +
    (mask & STREET ? 1 : 0) +
    (mask & POSTCODE ? 1 : 0) +
    (mask & SECTOR ? 1 : 0) +
    (mask & BEAT ? 1 : 0);
  return (mask & CATEGORY ? 100 : 0) + promised * 10 + locations;
}
const RANK_LIMIT = 128;

/** A call without a ward; and one whose ward has no priorities (so none matches by street). */
const ANY_WARD = -1;
const NO_WARD = -2;

const MEMO_LIMIT = 20_000;

/** normaliseStreet is a pure function of its text, so one bounded memo serves every matcher. */
const sharedStreetKey = memoise(normaliseStreet);

function memoise<T>(normalise: (input: string) => T): (input: string) => T {
  const memo = new Map<string, T>();
  return (input) => {
    let value = memo.get(input);
    if (value === undefined) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      value = normalise(input);
      memo.set(input, value);
    }
    return value;
  };
}

function addKey(map: Map<string, number[]>, key: string | null, item: number): void {
  if (!key) return;
  const list = map.get(key);
  if (list === undefined) map.set(key, [item]);
  else if (list[list.length - 1] !== item) list.push(item);
}

function writeBounds(item: FeedPriority, bounds: Float64Array, i: number): void {
  const geometry = item.area.geometry;
  if (!geometry) return;
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  const parts = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  for (const part of parts) {
    for (const [x, y] of part[0] ?? []) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  bounds.set([minX, minY, maxX, maxY], i * 4);
}

function nearBounds(bounds: Float64Array, i: number, lon: number, lat: number): boolean {
  const minX = bounds[i * 4]!;
  if (Number.isNaN(minX)) return true; // no area: the street name is all there is
  return (
    lon >= minX - STREET_SCOPE_LON &&
    lon <= bounds[i * 4 + 2]! + STREET_SCOPE_LON &&
    lat >= bounds[i * 4 + 1]! - STREET_SCOPE_LAT &&
    lat <= bounds[i * 4 + 3]! + STREET_SCOPE_LAT
  );
}
