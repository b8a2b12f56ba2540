/**
 * UK postcodes as people type them, read into the ONS `pcds` form ("NW3 4QG": outward code, one
 * space, inward code). The format follows the Royal Mail / ONS definition used by the ONS Postcode
 * Directory (ONSPD user guide, "pcds"): outward = area (1–2 letters) + district (a digit, then an
 * optional digit or letter: "NW3", "EC1A", "W1A", "NW1W"); inward = sector digit + unit (2 letters,
 * never C I K M O V). GIR 0AA (the old Girobank) is the one exception Royal Mail still lists.
 */

/** A full postcode: `pcds` form plus its outward code and sector ("NW3 4"). */
export type FullPostcode = { kind: "postcode"; pcds: string; outward: string; sector: string };
/** A postcode sector ("NW3 4"): every postcode sharing the outward code and the inward digit. */
export type PostcodeSector = { kind: "sector"; sector: string; outward: string };
/** An outward code ("NW3"): a postcode district. */
export type OutwardCode = { kind: "outward"; outward: string };
export type PostcodeQuery = FullPostcode | PostcodeSector | OutwardCode;

const OUTWARD = /^(?:[A-Z]{1,2}[0-9][A-Z0-9]?|GIR)$/;
const INWARD = /^[0-9][ABD-HJLNP-UW-Z]{2}$/;
const SECTOR_DIGIT = /^[0-9]$/;
const PCDS = /^(?:[A-Z]{1,2}[0-9][A-Z0-9]?|GIR) [0-9][ABD-HJLNP-UW-Z]{2}$/;

/**
 * Reads a full postcode in any case or spacing ("nw34qg", " NW3  4QG ") into its `pcds` form;
 * null when the text is not a full postcode.
 */
export function normalisePostcode(text: string): FullPostcode | null {
  // Files write postcodes in pcds form already: take that without re-reading (a million rows a file).
  if (PCDS.test(text)) {
    const space = text.indexOf(" ");
    return { kind: "postcode", pcds: text, outward: text.slice(0, space), sector: text.slice(0, space + 2) };
  }
  const query = readPostcodeQuery(text);
  return query?.kind === "postcode" ? query : null;
}

/**
 * Reads what a person typed as a full postcode, a sector ("NW3 4", "nw34") or an outward code
 * ("nw3"); null for anything else (a ward or place name). With a space the split is the person's
 * ("NW3 4" is a sector). Without one, text that is itself a valid outward code stays one ("NW10",
 * and so also "NW34"); otherwise a trailing digit after an outward code makes a sector ("EC1A1").
 */
export function readPostcodeQuery(text: string): PostcodeQuery | null {
  const compact = text.toUpperCase().replace(/\s+/g, "");
  if (compact.length < 2 || compact.length > 7 || !/^[A-Z0-9]+$/.test(compact)) return null;
  const spaced = text.trim().toUpperCase().split(/\s+/);

  if (compact.length >= 5) {
    const outward = compact.slice(0, -3);
    const inward = compact.slice(-3);
    if (OUTWARD.test(outward) && INWARD.test(inward)) {
      return { kind: "postcode", pcds: `${outward} ${inward}`, outward, sector: `${outward} ${inward[0]}` };
    }
  }
  // Typed with a space, the split is the person's: "NW3 4" is a sector, "NW3" an outward code.
  if (spaced.length === 2) {
    const [outward = "", digit = ""] = spaced;
    return OUTWARD.test(outward) && SECTOR_DIGIT.test(digit)
      ? { kind: "sector", sector: `${outward} ${digit}`, outward }
      : null;
  }
  if (spaced.length > 2) return null;
  if (OUTWARD.test(compact)) return { kind: "outward", outward: compact };
  const outward = compact.slice(0, -1);
  const digit = compact.slice(-1);
  if (OUTWARD.test(outward) && SECTOR_DIGIT.test(digit))
    return { kind: "sector", sector: `${outward} ${digit}`, outward };
  return null;
}
