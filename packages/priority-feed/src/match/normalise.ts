/**
 * Normalisation of what a call handler types and what a sergeant published, applied once to the
 * feed when a matcher is built and once per distinct call value — never per priority in the hot
 * path. Streets have their own module (street.ts); postcodes, beats and categories are here.
 */
export { isStreetKey, normaliseStreet } from "./street.js";

const POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/;
const SECTOR = /^([A-Z]{1,2}\d[A-Z\d]?)(\d)$/;

/**
 * A call's postcode in canonical form: { full: "NW1 7DX", sector: "NW1 7" }.
 * Case and spacing do not matter ("nw17dx", " NW1  7DX "). A sector on its own ("NW1 7") gives
 * only the sector; an outward code alone or anything unrecognised gives nulls.
 */
export function normalisePostcode(input: string): { full: string | null; sector: string | null } {
  const compact = input.toUpperCase().replace(/[^A-Z0-9]/g, "");
  const full = POSTCODE.exec(compact);
  if (full) {
    const outward = full[1] ?? "";
    const inward = full[2] ?? "";
    return { full: `${outward} ${inward}`, sector: `${outward} ${inward[0] ?? ""}` };
  }
  const sector = SECTOR.exec(compact);
  if (sector) return { full: null, sector: `${sector[1] ?? ""} ${sector[2] ?? ""}` };
  return { full: null, sector: null };
}

/** Beat codes compare without case or spaces ("ks 12" = "KS12"). */
export function normaliseBeat(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

/** Ward codes compare without case or spaces ("e05 013806" = "E05013806"). */
export function normaliseWard(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

/** Whether text is an ONS GSS ward code once normalised: a letter and 8 digits ("E05013806"). */
export function isWardCode(code: string): boolean {
  return /^[A-Z]\d{8}$/.test(normaliseWard(code));
}

/** Police.uk "Crime type" names whose slug is not simply the name hyphenated. */
const CATEGORY_ALIASES: ReadonlyMap<string, string> = new Map([
  ["criminal-damage-and-arson", "criminal-damage-arson"],
  ["violence-and-sexual-offences", "violent-crime"],
]);

/**
 * A call's category to a police.uk slug, accepting the slug itself or the "Crime type" name used
 * in police.uk CSVs: "Anti-social behaviour" → "anti-social-behaviour", "Violence and sexual
 * offences" → "violent-crime". Unknown categories stay as slugs and never agree with a priority's.
 */
export function normaliseCategory(category: string): string {
  const slug = category
    .trim()
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return CATEGORY_ALIASES.get(slug) ?? slug;
}
