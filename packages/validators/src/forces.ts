import { z } from "zod";

import { defined } from "./defined";

/**
 * The police forces whose crime data Ward Panel holds: London's two territorial forces, by their
 * police.uk id and the name police.uk writes in a file's "Reported by" column
 * (https://data.police.uk/api/forces). @wardpanel/crime-data holds each force's area; a test in
 * @wardpanel/packs checks the two lists agree.
 */
export const POLICE_FORCES = [
  { id: "metropolitan", name: "Metropolitan Police Service" },
  { id: "city-of-london", name: "City of London Police" },
] as const;

export type PoliceForceId = (typeof POLICE_FORCES)[number]["id"];

export const PoliceForceId = z.enum(POLICE_FORCES.map((f) => f.id) as [PoliceForceId, ...PoliceForceId[]], {
  message: `Choose a police force: ${POLICE_FORCES.map((f) => f.id).join(" or ")}`,
});

/** The force a force-wide procedure acts on, checked against the caller's roles before it runs. */
export const ForceRef = z.object({ force: PoliceForceId });
export type ForceRef = z.infer<typeof ForceRef>;

/** The police.uk name of a force id ("metropolitan" → "Metropolitan Police Service"). */
export function policeForceName(id: PoliceForceId): string {
  return defined(
    POLICE_FORCES.find((f) => f.id === id),
    `the force "${id}"`,
  ).name;
}

/** The id of a force named as police.uk writes it, or null for a force Ward Panel does not hold. */
export function policeForceIdOf(name: string): PoliceForceId | null {
  return POLICE_FORCES.find((f) => f.name === name)?.id ?? null;
}
