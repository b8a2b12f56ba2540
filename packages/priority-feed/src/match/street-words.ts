/**
 * The word lists behind street normalisation (street.ts). Everything here is lower case, without
 * accents or punctuation, as the words are after street.ts has tokenised a name.
 */

/**
 * Abbreviations of street types (Royal Mail, OS and CAD usage), expanded where a street type
 * stands: the last word, or the word before a trailing direction or "Mews"-type word.
 */
export const STREET_TYPES: ReadonlyMap<string, string> = new Map([
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
  ["mws", "mews"],
  ["yd", "yard"],
  ["psge", "passage"],
  ["bldgs", "buildings"],
  ["cotts", "cottages"],
  ["mkt", "market"],
  ["hl", "hill"],
  ["emb", "embankment"],
]);

/**
 * Street-type abbreviations that mean nothing else, so they are expanded wherever they stand
 * except first ("Elm Rd Mews", "Gt Ormond St Gdns Passage").
 */
export const UNAMBIGUOUS_TYPES: ReadonlySet<string> = new Set([
  "rd",
  "pl",
  "ct",
  "ln",
  "gdn",
  "ave",
  "avn",
  "gdns",
  "sq",
  "cres",
  "cresc",
  "tce",
  "terr",
  "pde",
  "hwy",
  "wlk",
  "bldgs",
  "cotts",
  "mws",
  "psge",
]);

/** Every full street-type word; a comma-separated part ending in one is taken as the street. */
export const STREET_TYPE_WORDS: ReadonlySet<string> = new Set([
  ...STREET_TYPES.values(),
  "alley",
  "arcade",
  "boulevard",
  "causeway",
  "circus",
  "close",
  "drove",
  "gate",
  "hill",
  "mount",
  "path",
  "quay",
  "rise",
  "row",
  "vale",
  "view",
  "villas",
  "wharf",
  "wynd",
]);

/** Words that qualify a whole name wherever they stand: "Gt Russell St", "Upr Marchmont St". */
export const QUALIFIERS: ReadonlyMap<string, string> = new Map([
  ["gt", "great"],
  ["gtr", "greater"],
  ["upr", "upper"],
  ["upp", "upper"],
  ["lwr", "lower"],
  ["lr", "lower"],
  ["lt", "little"],
  ["mt", "mount"],
  ["nth", "north"],
  ["sth", "south"],
]);

/** Directions, and their one-letter forms, expanded first or last ("High St N", "E Smithfield"). */
export const DIRECTIONS: ReadonlyMap<string, string> = new Map([
  ["n", "north"],
  ["s", "south"],
  ["e", "east"],
  ["w", "west"],
  ["north", "north"],
  ["south", "south"],
  ["east", "east"],
  ["west", "west"],
]);

/** Words that may follow a street type inside one name ("Elm St Mews", "Manor Rd Extension"). */
export const AFTER_TYPE_WORDS: ReadonlySet<string> = new Set([
  "mews",
  "mws",
  "yard",
  "yd",
  "passage",
  "psge",
  "arcade",
  "extension",
  "buildings",
  "bldgs",
  "cottages",
  "cotts",
  "market",
  "mkt",
]);

/**
 * Leading phrases that say where relative to the street, as police.uk ("On or near"), call
 * handlers ("Outside", "O/S", "Opp") and CAD systems write them. Longest first; matched on words.
 */
export const LEADING_PHRASES: readonly (readonly string[])[] = [
  ["on", "or", "near"],
  ["at", "or", "near"],
  ["in", "or", "near"],
  ["near", "to"],
  ["outside", "of"],
  ["opposite", "to"],
  ["adjacent", "to"],
  ["adj", "to"],
  ["rear", "of"],
  ["r", "o"],
  ["o", "s"],
  ["near"],
  ["nr"],
  ["outside"],
  ["opposite"],
  ["opp"],
  ["adjacent"],
  ["adj"],
  ["behind"],
];

/** Words naming a flat or unit; the next word is its number ("Flat 3", "Unit 12B", "Apt C"). */
export const UNIT_WORDS: ReadonlySet<string> = new Set([
  "flat",
  "flats",
  "apartment",
  "apt",
  "unit",
  "units",
  "suite",
  "room",
  "studio",
  "maisonette",
  "block",
  "shop",
  "office",
]);

/** Floor names that may stand before an address ("Ground Floor, 12 Marchmont St"). */
export const FLOOR_WORDS: ReadonlySet<string> = new Set([
  "basement",
  "ground",
  "lower",
  "upper",
  "first",
  "second",
  "third",
  "fourth",
  "top",
  "1st",
  "2nd",
  "3rd",
  "4th",
  "5th",
]);

/** Towns that CAD systems append after a street without a comma ("Marchmont St London WC1N"). */
export const TRAILING_TOWNS: ReadonlySet<string> = new Set(["london", "leicester", "uk"]);

/**
 * Police.uk's generic places: its anonymised map points are either on a street ("On or near
 * Marchmont Street") or one of these. They are not streets, so they get keys no street can have.
 */
export const POLICE_UK_PLACES: ReadonlySet<string> = new Set([
  "airport airfield",
  "bus coach station",
  "conference exhibition centre",
  "ferry terminal",
  "further higher educational building",
  "hospital",
  "motorway service area",
  "nightclub",
  "park open space",
  "parking area",
  "petrol station",
  "police station",
  "prison",
  "shopping area",
  "sports recreation area",
  "supermarket",
  "theatre concert hall",
  "theme adventure park",
]);
