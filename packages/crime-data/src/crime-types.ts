/**
 * The 14 police.uk crime types. The CSVs write the display name; the API and our database use the
 * slug. Source: https://data.police.uk/api/crime-categories (copied to
 * data.police.uk /api/crime-categories); "All crime" is a query filter, not a type.
 */
export const CRIME_TYPES = [
  { slug: "anti-social-behaviour", name: "Anti-social behaviour" },
  { slug: "bicycle-theft", name: "Bicycle theft" },
  { slug: "burglary", name: "Burglary" },
  { slug: "criminal-damage-arson", name: "Criminal damage and arson" },
  { slug: "drugs", name: "Drugs" },
  { slug: "other-theft", name: "Other theft" },
  { slug: "possession-of-weapons", name: "Possession of weapons" },
  { slug: "public-order", name: "Public order" },
  { slug: "robbery", name: "Robbery" },
  { slug: "shoplifting", name: "Shoplifting" },
  { slug: "theft-from-the-person", name: "Theft from the person" },
  { slug: "vehicle-crime", name: "Vehicle crime" },
  { slug: "violent-crime", name: "Violence and sexual offences" },
  { slug: "other-crime", name: "Other crime" },
] as const;

export type CrimeTypeSlug = (typeof CRIME_TYPES)[number]["slug"];

export const CRIME_TYPE_SLUGS: readonly CrimeTypeSlug[] = CRIME_TYPES.map((t) => t.slug);

const slugByName = new Map<string, CrimeTypeSlug>(CRIME_TYPES.map((t) => [t.name, t.slug]));

/** The slug for a CSV "Crime type" value, or null when police.uk has no such type. */
export function crimeTypeSlug(name: string): CrimeTypeSlug | null {
  return slugByName.get(name) ?? null;
}

/** A record with a zero for every crime type, so consumers never meet a missing key. */
export function zeroByCrimeType(): Record<CrimeTypeSlug, number> {
  return Object.fromEntries(CRIME_TYPE_SLUGS.map((slug) => [slug, 0])) as Record<CrimeTypeSlug, number>;
}
