import { type CrimeTypeSlug, zeroByCrimeType } from "./crime-types";
import type { ForceArea } from "./force-areas";
import type { StreetRow } from "./street-row";
import type { WardRef } from "./ward-boundaries";
import type { WardIndex } from "./ward-index";

/**
 * Where a crime ended up. Only "ward" crimes count towards a ward's figures; the others are kept,
 * counted and reported (police.uk publishes them, so dropping them would under-report the force).
 * - no-location: published without coordinates ("No Location").
 * - outside-wards: a point in none of the London wards (the Met reports some in Walsall, Dartford…).
 * - outside-force-area: inside one of our wards, but reported by a force that does not police it: the
 *   British Transport Police's crimes at stations, a City of London Police crime at a point in
 *   Camden. Kept with the ward it fell in (`locatedWardCode`) and its reporting force, and shown in
 *   that ward's pack as that force's (decision 0023), never counted as the ward force's own.
 */
export type Placement = "ward" | "no-location" | "outside-wards" | "outside-force-area";

/** A street row ready for a bulk insert: flat, one row per published crime. */
export type AssignedCrime = StreetRow & {
  placement: Placement;
  /** The ward the crime counts towards: set only when placement is "ward". */
  wardCode: string | null;
  /** The borough of the ward the point fell in (set for "ward" and "outside-force-area"). */
  boroughCode: string | null;
  /** The ward the point fell in whatever the force: differs from wardCode for "outside-force-area". */
  locatedWardCode: string | null;
};

export type AssignmentSummary = {
  total: number;
  inWards: number;
  noLocation: number;
  outsideWards: number;
  outsideForceArea: number;
  /** Every row by crime type, whatever its placement; sums to total. */
  byCategory: Record<CrimeTypeSlug, number>;
};

export type Assignment = { crimes: AssignedCrime[]; summary: AssignmentSummary };

/**
 * Places every row by its point. `areaOf` gives the area of the force that reported a row (its
 * "Reported by"), which decides whether a row inside a ward is that ward's crime; it throws for a
 * force it does not know (the caller says which line).
 */
export function assignCrimes(
  rows: Iterable<StreetRow>,
  wards: WardIndex,
  areaOf: (reportedBy: string, line: number) => ForceArea,
): Assignment {
  const crimes: AssignedCrime[] = [];
  const summary: AssignmentSummary = {
    total: 0,
    inWards: 0,
    noLocation: 0,
    outsideWards: 0,
    outsideForceArea: 0,
    byCategory: zeroByCrimeType(),
  };

  for (const row of rows) {
    const crime = place(row, wards, areaOf(row.reportedBy, row.line));
    crimes.push(crime);
    summary.total += 1;
    summary.byCategory[row.crimeType] += 1;
    if (crime.placement === "ward") summary.inWards += 1;
    else if (crime.placement === "no-location") summary.noLocation += 1;
    else if (crime.placement === "outside-wards") summary.outsideWards += 1;
    else summary.outsideForceArea += 1;
  }
  return { crimes, summary };
}

function place(row: StreetRow, wards: WardIndex, force: ForceArea): AssignedCrime {
  if (row.longitude === null || row.latitude === null) return withPlacement(row, "no-location", null, null);
  const ward = wards.wardAt(row.longitude, row.latitude);
  if (ward === null) return withPlacement(row, "outside-wards", null, null);
  if (!force.polices(ward.boroughCode)) return withPlacement(row, "outside-force-area", ward, ward.code);
  return withPlacement(row, "ward", ward, ward.code);
}

/**
 * Spelt out field by field rather than `{ ...row, ... }`: with the spread, building 100,000 crimes
 * was the slowest step of the full-month benchmark; one literal gives every crime one object shape.
 */
function withPlacement(
  row: StreetRow,
  placement: Placement,
  ward: WardRef | null,
  locatedWardCode: string | null,
): AssignedCrime {
  return {
    id: row.id,
    crimeId: row.crimeId,
    line: row.line,
    month: row.month,
    reportedBy: row.reportedBy,
    fallsWithin: row.fallsWithin,
    longitude: row.longitude,
    latitude: row.latitude,
    location: row.location,
    lsoaCode: row.lsoaCode,
    lsoaName: row.lsoaName,
    crimeType: row.crimeType,
    lastOutcome: row.lastOutcome,
    outcomeGroup: row.outcomeGroup,
    context: row.context,
    placement,
    wardCode: placement === "ward" ? (ward?.code ?? null) : null,
    boroughCode: ward?.boroughCode ?? null,
    locatedWardCode,
  };
}
