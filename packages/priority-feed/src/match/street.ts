import {
  AFTER_TYPE_WORDS,
  DIRECTIONS,
  FLOOR_WORDS,
  LEADING_PHRASES,
  POLICE_UK_PLACES,
  QUALIFIERS,
  STREET_TYPE_WORDS,
  STREET_TYPES,
  TRAILING_TOWNS,
  UNAMBIGUOUS_TYPES,
  UNIT_WORDS,
} from "./street-words.js";

/**
 * Street matching keys: what a call handler types, what police.uk publishes and what a sergeant
 * named, reduced to one key, so "On or near Marchmont Street", "12A Upr Marchmont St, London
 * WC1N 1AB" and "Marchmont Street" can be compared. Applied once per priority street when a
 * matcher is built, and once per distinct call street (memoised) — never in the per-call loop.
 *
 * Rules, in order (the word lists are in street-words.ts; README "Street normalisation rules"):
 *  1. Unicode NFKD, accents dropped ("Café" → "cafe"), lower case; "&" → "and"; apostrophes
 *     removed ("St John's" → "st johns").
 *  2. The text is cut at commas, semicolons and line breaks into parts; in each part any other
 *     run of non-letters/digits is one space ("Sports/Recreation Area" → "sports recreation area").
 *  3. From the start of each part: where-phrases ("On or near", "Outside", "O/S", "Opp"…),
 *     flats and units ("Flat 3", "Unit 12B"), floors ("Ground Floor") and house numbers ("12",
 *     "12A", "12-14", "No. 12") are dropped.
 *  4. From the end of each part: a postcode ("WC1N 1AB") or outward code ("Parkway NW1"), then a
 *     town standing after a street type, are dropped ("Marchmont St London WC1N" → "marchmont st").
 *  5. Abbreviations are expanded by position: the street type — the last word, or the word before
 *     trailing directions and "Mews"-type words — from STREET_TYPES ("Elm St Mews" → "elm street
 *     mews"); "St" anywhere else is Saint; Gt, Upr, Lwr… everywhere; unambiguous types (Rd, Ave,
 *     Gdns, Sq…) anywhere but first; a one-letter direction first or after the type
 *     ("E Smithfield", "High St N"). A lone word is a name and is left as written.
 *  6. The street is the first part that had a house number, else the first naming a street type,
 *     else the first part with any words ("Marchmont Street, London" → "marchmont street").
 *  7. Police.uk's generic places ("Supermarket", "Parking Area"…) are not streets: their key is
 *     "#" and the name ("#supermarket"), which no street can have and the matcher never matches.
 * Other words are never dropped, so "The Broadway" and "Broadway" stay different streets.
 *
 * @returns the key; "" when no words are left (the matcher ignores it).
 */
export function normaliseStreet(name: string): string {
  const parts = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['\u2018\u2019`]/g, "")
    .split(/[,;\r\n]+/);

  let numbered: string[] | null = null;
  let typed: string[] | null = null;
  let first: string[] | null = null;
  for (const part of parts) {
    const words = part
      .replace(/[^a-z0-9]+/g, " ")
      .trim()
      .split(" ");
    if (words[0] === "") continue;
    const hadNumber = dropLeading(words);
    dropTrailing(words);
    if (words.length === 0) continue;
    expand(words);
    if (hadNumber && numbered === null) numbered = words;
    if (typed === null && namesStreetType(words)) typed = words;
    first ??= words;
  }
  const chosen = numbered ?? typed ?? first;
  if (chosen === null) return "";
  const key = chosen.join(" ");
  return POLICE_UK_PLACES.has(key) ? `${PLACE_KEY_PREFIX}${key}` : key;
}

/** Keys of police.uk's generic places start with this; see `isStreetKey`. */
export const PLACE_KEY_PREFIX = "#";

/** Whether a key from `normaliseStreet` names a street the matcher may match on. */
export function isStreetKey(key: string): boolean {
  return key !== "" && !key.startsWith(PLACE_KEY_PREFIX);
}

const HOUSE_NUMBER = /^\d+[a-z]?$/;
const OUTWARD = /^[a-z]{1,2}\d[a-z\d]?$/;
const INWARD = /^\d[a-z]{2}$/;
const WHOLE_POSTCODE = /^[a-z]{1,2}\d[a-z\d]?\d[a-z]{2}$/;

/** Drops where-phrases, flats, floors and house numbers from the front; true if a number went. */
function dropLeading(words: string[]): boolean {
  let hadNumber = false;
  for (let changed = true; changed && words.length > 0;) {
    changed = false;
    let drop = leadingPhraseLength(words);
    if (drop === 0 && UNIT_WORDS.has(words[0]!) && words.length > 1 && isIdentifier(words[1]!)) drop = 2;
    if (drop === 0 && words[0] === "no" && words.length > 1 && HOUSE_NUMBER.test(words[1]!)) drop = 2;
    if (drop === 0 && HOUSE_NUMBER.test(words[0]!)) {
      drop = 1;
      hadNumber = true;
    }
    if (drop === 0) {
      let floor = 0;
      while (floor < words.length && FLOOR_WORDS.has(words[floor]!)) floor++;
      if (floor > 0 && words[floor] === "floor") drop = floor + 1;
    }
    if (drop > 0) {
      words.splice(0, drop);
      changed = true;
    }
  }
  return hadNumber && words.length > 0;
}

/** How many words at the front form a where-phrase ("on or near" → 3); 0 if none. */
function leadingPhraseLength(words: readonly string[]): number {
  for (const phrase of LEADING_PHRASES) {
    let i = 0;
    while (i < phrase.length && words[i] === phrase[i]) i++;
    if (i === phrase.length) return i;
  }
  return 0;
}

/** "3", "12B", "C": the number or letter of a flat or unit. */
function isIdentifier(word: string): boolean {
  return word.length === 1 || /\d/.test(word);
}

/** Drops a postcode or an outward code, then a town standing after a street type, from the end. */
function dropTrailing(words: string[]): void {
  const n = words.length;
  if (n > 2 && OUTWARD.test(words[n - 2]!) && INWARD.test(words[n - 1]!)) words.length = n - 2;
  else if (n > 1 && WHOLE_POSTCODE.test(words[n - 1]!)) words.length = n - 1;
  if (words.length > 1 && OUTWARD.test(words.at(-1)!)) words.length -= 1;
  if (words.length > 2 && TRAILING_TOWNS.has(words.at(-1)!) && endsStreet(words.at(-2)!)) words.length -= 1;
}

/** A word that can end a street's name: a street type, its abbreviation, a direction or a town. */
function endsStreet(word: string): boolean {
  return STREET_TYPES.has(word) || STREET_TYPE_WORDS.has(word) || DIRECTIONS.has(word) || TRAILING_TOWNS.has(word);
}

/** Expands abbreviations in place by position (rule 5). */
function expand(words: string[]): void {
  const n = words.length;
  if (n === 1) return;
  let typeAt = n - 1;
  while (typeAt > 0 && (DIRECTIONS.has(words[typeAt]!) || AFTER_TYPE_WORDS.has(words[typeAt]!))) typeAt--;
  for (let i = 0; i < n; i++) {
    const word = words[i]!;
    const qualifier = QUALIFIERS.get(word);
    if (qualifier !== undefined) words[i] = qualifier;
    else if (i > typeAt) words[i] = DIRECTIONS.get(word) ?? STREET_TYPES.get(word) ?? word;
    else if (i === typeAt && i > 0) words[i] = STREET_TYPES.get(word) ?? word;
    else if (word === "st") words[i] = "saint";
    else if (i === 0) words[i] = word.length === 1 ? (DIRECTIONS.get(word) ?? word) : word;
    else if (UNAMBIGUOUS_TYPES.has(word)) words[i] = STREET_TYPES.get(word) ?? word;
  }
}

/** Whether an expanded part names a street type after its first word ("marchmont street"). */
function namesStreetType(words: readonly string[]): boolean {
  for (let i = 1; i < words.length; i++) if (STREET_TYPE_WORDS.has(words[i]!)) return true;
  return false;
}
