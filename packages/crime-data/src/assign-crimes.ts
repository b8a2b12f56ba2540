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
 * - outside-force-area: inside a London ward, but one another force polices (a City of London
 *   Police crime at a point in Camden).
 */
export type Placement = "ward" | "no-location" | "outside-wards" | "outside-force-area";

/** A street row ready for a bulk insert: flat, one row per published crime. */
export type AssignedCrime = StreetRow & {
  placement: Placement;
  /** The ward the crime counts towards: set only when placement is "ward". */
  wardCode: string | null;
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

export function assignCrimes(rows: Iterable<StreetRow>, wards: WardIndex, force: ForceArea): Assignment {
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
    const crime = place(row, wards, force);
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
  if (!force.boroughCodes.has(ward.boroughCode)) return withPlacement(row, "outside-force-area", null, ward.code);
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
    wardCode: ward?.code ?? null,
    boroughCode: ward?.boroughCode ?? null,
    locatedWardCode,
  };
}
