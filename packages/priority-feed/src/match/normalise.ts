/**
 * Normalisation of what a call handler types and what a sergeant published, so that
 * "St. John's Rd" on a call finds "St John's Road" in the feed. Applied once to the feed when a
 * matcher is built, and once per call — never per priority in the hot path.
 *
 * Street rules, in order:
 *  1. Unicode NFKD, accents dropped ("Café" → "cafe"), lower case.
 *  2. "&" becomes "and"; apostrophes are removed ("St John's" → "st johns").
 *  3. Any other run of non-letters/digits becomes one space; the ends are trimmed.
 *  4. The street-type word is expanded from its abbreviation (table below). It is the last word,
 *     or the word before a trailing direction ("High St North" → "high street north").
 *  5. "st" anywhere else means Saint ("St Mary St" → "saint mary street").
 * Words are never dropped, so "The Broadway" and "Broadway" stay different streets.
 */

/** Abbreviations of street types (Royal Mail / OS usage), expanded in the type position only. */
const STREET_TYPES: ReadonlyMap<string, string> = new Map([
  ["st", "street"],
  ["str", "street"],
  ["rd", "road"],
  ["ave", "avenue"],
  ["av", "avenue"],
  ["avn", "avenue"],
  ["ln", "lane"],
  ["cl", "close"],
  ["cres", "crescent"],
  ["cresc", "crescent"],
  ["cr", "crescent"],
  ["ct", "court"],
  ["crt", "court"],
  ["dr", "drive"],
  ["drv", "drive"],
  ["gdns", "gardens"],
  ["gdn", "gardens"],
  ["gr", "grove"],
  ["gro", "grove"],
  ["grn", "green"],
  ["pde", "parade"],
  ["pk", "park"],
  ["pl", "place"],
  ["sq", "square"],
  ["ter", "terrace"],
  ["terr", "terrace"],
  ["tce", "terrace"],
  ["wy", "way"],
  ["wlk", "walk"],
  ["hwy", "highway"],
  ["app", "approach"],
  ["bdwy", "broadway"],
  ["est", "estate"],
]);

const DIRECTIONS = new Set(["north", "south", "east", "west", "n", "s", "e", "w"]);

/** Normalised key for a street name; "" when nothing is left (the caller ignores it). */
export function normaliseStreet(name: string): string {
  const words = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['\u2019`]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ");
  if (words.length === 1 && words[0] === "") return "";

  let typeAt = words.length - 1;
  if (typeAt > 0 && DIRECTIONS.has(words[typeAt] ?? "")) typeAt -= 1;
  // A lone word is a name, not a type: "Street" or "Rd" alone is left as written.
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? "";
    if (i === typeAt && i > 0) {
      words[i] = STREET_TYPES.get(word) ?? word;
    } else if (word === "st") {
      words[i] = "saint";
    }
  }
  return words.join(" ");
}

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
