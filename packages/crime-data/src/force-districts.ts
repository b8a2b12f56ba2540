import { policesLondon } from "./force-areas";

/**
 * The local authority districts (ONS LAD codes) of the forces whose lists Ward Panel knows: London's
 * (E09, shared by the Metropolitan and City of London forces: one deployment serves both),
 * Leicestershire's nine (its 2013 and 2023 codes are the same) and the four Welsh forces' unitary
 * authorities (W06). For any other force only the country is checked: an English force polices
 * E-coded districts outside London, a Welsh force W-coded ones.
 */
const KNOWN_DISTRICTS: Readonly<Record<string, readonly string[]>> = {
  leicestershire: ["E06000016", "E06000017", ...range("E070001", 29, 35)],
  "north-wales": welsh(1, 2, 3, 4, 5, 6),
  "dyfed-powys": welsh(8, 9, 10, 23),
  "south-wales": welsh(11, 12, 13, 14, 15, 16, 24),
  gwent: welsh(18, 19, 20, 21, 22),
};
const WELSH_FORCES = new Set(["north-wales", "dyfed-powys", "south-wales", "gwent"]);

function range(prefix: string, from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(2, "0")}`);
}

function welsh(...numbers: number[]): string[] {
  return numbers.map((n) => `W060000${String(n).padStart(2, "0")}`);
}

/**
 * True when a district (ONS LAD code, like "W06000015" for Cardiff) is known to lie outside the
 * force's area (a police.uk id, like "leicestershire"): not on the force's own list when Ward
 * Panel has one, in London for a force outside it, in Wales for an English force or in England
 * for a Welsh one. False when it is inside, or when nothing known says otherwise. The British
 * Transport Police polices railways everywhere: never outside.
 */
export function isDistrictOutsideForce(forceId: string, districtCode: string): boolean {
  if (forceId === "btp") return false;
  const london = districtCode.startsWith("E09");
  if (policesLondon(forceId)) return !london;
  const known = KNOWN_DISTRICTS[forceId];
  if (known) return !known.includes(districtCode);
  if (london) return true;
  if (districtCode.startsWith("W")) return !WELSH_FORCES.has(forceId);
  if (districtCode.startsWith("E")) return WELSH_FORCES.has(forceId);
  return false;
}
