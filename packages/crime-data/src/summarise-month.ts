import type { AssignedCrime } from "./assign-crimes";
import { CRIME_TYPE_SLUGS, type CrimeTypeSlug, zeroByCrimeType } from "./crime-types";

type WardMonthSummary = {
  wardCode: string;
  boroughCode: string;
  total: number;
  /** Every crime type present, zero when none, so month-on-month comparisons never meet a gap. */
  byCategory: Record<CrimeTypeSlug, number>;
};

type MonthSummary = {
  month: string | null;
  /** Wards with at least one crime, sorted by code. A ward absent here had none. */
  wards: WardMonthSummary[];
  /** The same counts flattened (non-zero only) for a bulk insert into a ward × type × month table. */
  counts: Array<{ wardCode: string; crimeType: CrimeTypeSlug; count: number }>;
};

/**
 * Counts one month's crimes by ward and crime type. Only crimes placed in a ward of the reporting
 * force count; the rest are in the assignment summary.
 */
export function summariseMonth(crimes: Iterable<AssignedCrime>): MonthSummary {
  const byWard = new Map<string, WardMonthSummary>();
  let month: string | null = null;

  for (const crime of crimes) {
    if (month === null) month = crime.month;
    else if (crime.month !== month) {
      throw new RangeError(`summariseMonth got crimes from ${month} and ${crime.month}; summarise one month at a time`);
    }
    if (crime.placement !== "ward" || crime.wardCode === null || crime.boroughCode === null) continue;
    let ward = byWard.get(crime.wardCode);
    if (!ward) {
      ward = { wardCode: crime.wardCode, boroughCode: crime.boroughCode, total: 0, byCategory: zeroByCrimeType() };
      byWard.set(crime.wardCode, ward);
    }
    ward.total += 1;
    ward.byCategory[crime.crimeType] += 1;
  }

  const wards = [...byWard.values()].sort((a, b) => (a.wardCode < b.wardCode ? -1 : 1));
  const counts = wards.flatMap((w) =>
    CRIME_TYPE_SLUGS.filter((t) => w.byCategory[t] > 0).map((crimeType) => ({
      wardCode: w.wardCode,
      crimeType,
      count: w.byCategory[crimeType],
    })),
  );
  return { month, wards, counts };
}
