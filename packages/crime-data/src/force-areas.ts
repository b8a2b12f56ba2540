import { UnknownForceError } from "./errors";

/** The boroughs (ONS LAD22CD codes) a force polices. */
export type ForceArea = {
  /** The force's name as police.uk writes it in "Reported by". */
  name: string;
  /** police.uk's force id (https://data.police.uk/api/forces). */
  id: string;
  boroughCodes: ReadonlySet<string>;
};

const CITY_OF_LONDON = "E09000001";

/**
 * London's two territorial forces. The City of London Police polices the Square Mile (E09000001);
 * the Metropolitan Police Service every other London borough (E09000002 … E09000033). A force
 * outside London has no area here: none of the 704 wards we hold is in it.
 */
const FORCE_AREAS: ForceArea[] = [
  {
    name: "Metropolitan Police Service",
    id: "metropolitan",
    boroughCodes: new Set(Array.from({ length: 32 }, (_, i) => `E090000${String(i + 2).padStart(2, "0")}`)),
  },
  { name: "City of London Police", id: "city-of-london", boroughCodes: new Set([CITY_OF_LONDON]) },
];

/** The area of the force named in a file's "Reported by" (or its police.uk id). */
export function forceAreaFor(reportedBy: string): ForceArea {
  const wanted = reportedBy.trim().toLowerCase();
  const area = FORCE_AREAS.find((f) => f.name.toLowerCase() === wanted || f.id === wanted);
  if (!area)
    throw new UnknownForceError(
      reportedBy,
      FORCE_AREAS.map((f) => f.name),
    );
  return area;
}

/** The police.uk id of the force that polices a London borough (ONS LAD22CD code), or null outside London. */
export function forceIdForBorough(boroughCode: string): string | null {
  return FORCE_AREAS.find((f) => f.boroughCodes.has(boroughCode))?.id ?? null;
}
