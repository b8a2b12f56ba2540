/** A force named by police.uk: its id ("leicestershire", "btp") and the name its files write. */
export type ForceRef = { id: string; name: string };

/**
 * Which of the loaded wards a force counts as its own. A row of the force's file in one of them is
 * that ward's crime; a row in any other loaded ward is kept as another force's crime there (railway
 * crime for the British Transport Police, a City of London Police crime in Camden).
 */
export type ForceArea = ForceRef & {
  /** True when the force polices wards in this borough (ONS LAD code). */
  polices(boroughCode: string): boolean;
};

const CITY_OF_LONDON = "E09000001";

/**
 * London is the one place where the loaded wards belong to two territorial forces: the City of London
 * Police polices the Square Mile (E09000001), the Metropolitan Police Service every other London
 * borough (E09000002 … E09000033). Elsewhere a deployment loads the wards of its one force.
 */
const LONDON_FORCES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["metropolitan", new Set(Array.from({ length: 32 }, (_, i) => `E090000${String(i + 2).padStart(2, "0")}`))],
  ["city-of-london", new Set([CITY_OF_LONDON])],
]);

const LONDON_BOROUGHS: ReadonlySet<string> = new Set([...LONDON_FORCES.values()].flatMap((codes) => [...codes]));

/**
 * The area of a force for a deployment whose own force is `homeForceId` (POLICE_FORCE_ID, decision
 * 0023): London's two forces police their boroughs; the deployment's own force outside London polices
 * every loaded ward outside London (its area is the union of the wards loaded); any other force
 * (the British Transport Police, a neighbouring force) polices none of them, so its rows inside our
 * wards are kept as its crimes there rather than counted as the ward's own.
 */
export function forceAreaFor(force: ForceRef, homeForceId: string): ForceArea {
  const london = LONDON_FORCES.get(force.id);
  if (london) return { ...force, polices: (code) => london.has(code) };
  if (force.id === homeForceId) return { ...force, polices: (code) => !LONDON_BOROUGHS.has(code) };
  return { ...force, polices: () => false };
}

/**
 * True for London's two forces (the Met, the City of London Police): the deployments the shipped
 * London ward file is for. Any other force loads its own wards (`pnpm cli wards load --file`).
 */
export function policesLondon(forceId: string): boolean {
  return LONDON_FORCES.has(forceId);
}

/** The London boroughs' codes a London force polices (empty for any other force). */
export function londonBoroughsOf(forceId: string): ReadonlySet<string> {
  return LONDON_FORCES.get(forceId) ?? new Set();
}

/**
 * The police.uk id of the force that polices a ward's borough (ONS LAD code): London's two forces by
 * borough, and the deployment's own force (`homeForceId`) for any ward outside London.
 */
export function forceIdForBorough(boroughCode: string, homeForceId = "metropolitan"): string {
  for (const [id, codes] of LONDON_FORCES) if (codes.has(boroughCode)) return id;
  return homeForceId;
}
